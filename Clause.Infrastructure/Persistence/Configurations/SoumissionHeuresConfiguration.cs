using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// Foreign keys are NO ACTION (Restrict) like the hours': a submission is never deleted with what it refers to.

internal sealed class SoumissionHeuresConfiguration : IEntityTypeConfiguration<SoumissionHeures>
{
    public void Configure(EntityTypeBuilder<SoumissionHeures> builder)
    {
        builder.ToTable("SoumissionsHeures", t =>
        {
            t.HasCheckConstraint("CK_SoumissionsHeures_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
            t.HasCheckConstraint("CK_SoumissionsHeures_Soumise",
                "([Statut] = 'Brouillon' AND [SoumiseLe] IS NULL) OR ([Statut] = 'Soumise' AND [SoumiseLe] IS NOT NULL AND [SoumiseParId] IS NOT NULL AND [SoumiseParNom] IS NOT NULL)");
        });
        builder.Property(s => s.CreeeParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.Property(s => s.SoumiseParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.Property(s => s.SoumiseParEmail).HasMaxLength(SoumissionHeures.EmailLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(s => s.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(s => s.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        // One draft per company and month: the filter is plain [column] SQL, valid on SQLite and SQL Server.
        builder.HasIndex(s => new { s.EntrepriseId, s.Mois }).IsUnique().HasFilter("[Statut] = 'Brouillon'")
            .HasDatabaseName("IX_SoumissionsHeures_Brouillon");
        // The queue: the submissions of a structure by status and month.
        builder.HasIndex(s => new { s.StructureId, s.Statut, s.Mois });
        builder.HasMany(s => s.Lignes).WithOne().HasForeignKey(l => l.SoumissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lignes).HasField("_lignes");
    }
}

internal sealed class LigneBrouillonConfiguration : IEntityTypeConfiguration<LigneBrouillon>
{
    public void Configure(EntityTypeBuilder<LigneBrouillon> builder)
    {
        builder.ToTable("LignesBrouillon");
        builder.HasOne<Structure>().WithMany().HasForeignKey(l => l.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contrat>().WithMany().HasForeignKey(l => l.ContratId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SoumissionId, l.Position }).IsUnique();
    }
}
