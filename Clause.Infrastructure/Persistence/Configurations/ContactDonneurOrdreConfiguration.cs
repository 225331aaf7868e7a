using Clause.Domain.DonneursOrdre;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ContactDonneurOrdreConfiguration : IEntityTypeConfiguration<ContactDonneurOrdre>
{
    public void Configure(EntityTypeBuilder<ContactDonneurOrdre> builder)
    {
        builder.ToTable("ContactsDonneurOrdre");
        builder.Ignore(c => c.RacineId);
        builder.Property(c => c.Nom).HasMaxLength(ContactDonneurOrdre.NomLongueurMax).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(ContactDonneurOrdre.EmailLongueurMax);
        builder.Property(c => c.Telephone).HasMaxLength(ContactDonneurOrdre.TelephoneLongueurMax);
        // Tenant-owned like its donneur d'ordre (filtered, and every query of a structure led by its index).
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.StructureId, c.DonneurOrdreId });
    }
}
