using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class DonneurOrdreConfiguration : IEntityTypeConfiguration<DonneurOrdre>
{
    public void Configure(EntityTypeBuilder<DonneurOrdre> builder)
    {
        builder.ToTable("DonneursOrdre");
        builder.Property(d => d.RaisonSociale).HasMaxLength(DonneurOrdre.RaisonSocialeLongueurMax).IsRequired();
        builder.Property(d => d.Siret).HasMaxLength(14);
        builder.Property(d => d.Adresse).HasMaxLength(DonneurOrdre.AdresseLongueurMax);
        builder.Property(d => d.CodePostal).HasMaxLength(DonneurOrdre.CodePostalLongueur);
        builder.Property(d => d.Commune).HasMaxLength(DonneurOrdre.CommuneLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        // One buyer per SIRET in a structure (the database refuses what the domain refuses).
        builder.HasIndex(d => new { d.StructureId, d.Siret }).IsUnique();
        builder.HasIndex(d => new { d.StructureId, d.RaisonSociale });
        // The normalised copy every search compares (TexteRecherche): accents and case ignored on both providers.
        builder.Property(d => d.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(d => new { d.StructureId, d.Recherche });
        builder.HasMany(d => d.Contacts).WithOne().HasForeignKey(c => c.DonneurOrdreId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Contacts).HasField("_contacts");
    }
}
