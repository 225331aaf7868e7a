using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class EntrepriseConfiguration : IEntityTypeConfiguration<Entreprise>
{
    public void Configure(EntityTypeBuilder<Entreprise> builder)
    {
        builder.ToTable("Entreprises");
        builder.Property(e => e.RaisonSociale).HasMaxLength(Entreprise.RaisonSocialeLongueurMax).IsRequired();
        builder.Property(e => e.Siret).HasMaxLength(14).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.StructureId, e.Siret }).IsUnique();
        builder.Property(e => e.CodeNaf).HasMaxLength(Entreprise.CodeNafLongueur);
        builder.Property(e => e.Adresse).HasMaxLength(Entreprise.AdresseLongueurMax);
        builder.Property(e => e.CodePostal).HasMaxLength(Entreprise.CodePostalLongueur);
        builder.Property(e => e.Commune).HasMaxLength(Entreprise.CommuneLongueurMax);
        builder.HasIndex(e => new { e.StructureId, e.RaisonSociale });
        // The normalised copy every search compares (TexteRecherche): accents and case ignored on both providers.
        builder.Property(e => e.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(e => new { e.StructureId, e.Recherche });
        builder.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EntrepriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Contacts).HasField("_contacts");
    }
}
