using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ContactEntrepriseConfiguration : IEntityTypeConfiguration<ContactEntreprise>
{
    public void Configure(EntityTypeBuilder<ContactEntreprise> builder)
    {
        builder.ToTable("ContactsEntreprise");
        builder.Ignore(c => c.RacineId);
        // The id is set by the domain (Entite): a contact added to a loaded company is then an insert, not an update.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Nom).HasMaxLength(ContactEntreprise.NomLongueurMax).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(ContactEntreprise.EmailLongueurMax);
        builder.Property(c => c.Telephone).HasMaxLength(ContactEntreprise.TelephoneLongueurMax);
        // Tenant-owned like its company (filtered, and every query of a structure led by its index).
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.StructureId, c.EntrepriseId });
    }
}
