using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> builder)
    {
        builder.ToTable("Structures");
        builder.Property(s => s.Nom).HasMaxLength(Structure.NomLongueurMax).IsRequired();
        builder.Property(s => s.Commune).HasMaxLength(Structure.CommuneLongueurMax);
        builder.HasIndex(s => s.Nom).IsUnique();
    }
}

internal sealed class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> builder)
    {
        builder.Property(u => u.NomComplet).HasMaxLength(Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(u => u.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(u => u.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DonneurOrdre>().WithMany().HasForeignKey(u => u.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalAuditConfiguration : IEntityTypeConfiguration<JournalAudit>
{
    public void Configure(EntityTypeBuilder<JournalAudit> builder)
    {
        builder.ToTable("JournalAudit");
        builder.Property(j => j.NomUtilisateur).HasMaxLength(Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.Property(j => j.TypeEntite).HasMaxLength(100).IsRequired();
        builder.Property(j => j.Changements).IsRequired();
        builder.HasIndex(j => new { j.RacineId, j.Quand });
    }
}

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
        builder.HasMany(d => d.Contacts).WithOne().HasForeignKey(c => c.DonneurOrdreId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Contacts).HasField("_contacts");
    }
}

internal sealed class ContactDonneurOrdreConfiguration : IEntityTypeConfiguration<ContactDonneurOrdre>
{
    public void Configure(EntityTypeBuilder<ContactDonneurOrdre> builder)
    {
        builder.ToTable("ContactsDonneurOrdre");
        builder.Ignore(c => c.RacineId);
        builder.Property(c => c.Nom).HasMaxLength(ContactDonneurOrdre.NomLongueurMax).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(ContactDonneurOrdre.EmailLongueurMax);
        builder.Property(c => c.Telephone).HasMaxLength(ContactDonneurOrdre.TelephoneLongueurMax);
    }
}

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
        builder.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EntrepriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Contacts).HasField("_contacts");
    }
}

internal sealed class ReglagesConfiguration : IEntityTypeConfiguration<Reglages>
{
    public void Configure(EntityTypeBuilder<Reglages> builder)
    {
        builder.ToTable("Reglages", t =>
        {
            t.HasCheckConstraint("CK_Reglages_CoutHoraire", "[CoutHoraireReferenceCentimes] > 0");
            t.HasCheckConstraint("CK_Reglages_PartMainOeuvre", "[PartMainOeuvreDefautPdb] > 0 AND [PartMainOeuvreDefautPdb] <= 10000");
        });
        builder.HasOne<Structure>().WithOne().HasForeignKey<Reglages>(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.StructureId).IsUnique();
    }
}
