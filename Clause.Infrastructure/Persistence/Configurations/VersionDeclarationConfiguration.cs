using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §6, §7) so the database refuses what the domain refuses,
// on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the % operator.
// Every foreign key is NO ACTION (Restrict): contrats and hours are never deleted with what they refer to, and
// SQL Server refuses multiple cascade paths.

internal sealed class VersionDeclarationConfiguration : IEntityTypeConfiguration<VersionDeclaration>
{
    public void Configure(EntityTypeBuilder<VersionDeclaration> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.ToTable("VersionsDeclaration", t =>
        {
            t.HasCheckConstraint("CK_VersionsDeclaration_Minutes", "[Minutes] > 0 AND [Numero] >= 1");
            // §7.4: a converted version keeps the amount, the labour share and the hourly cost it was converted with.
            t.HasCheckConstraint("CK_VersionsDeclaration_Conversion",
                "([MontantFactureCentimes] IS NULL AND [PartMainOeuvrePdb] IS NULL AND [CoutHoraireCentimes] IS NULL)"
                + " OR ([MontantFactureCentimes] > 0 AND [PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000 AND [CoutHoraireCentimes] > 0)");
            t.HasCheckConstraint("CK_VersionsDeclaration_Rejet",
                "([Statut] = 'Rejetee' AND [MotifRejet] IS NOT NULL) OR ([Statut] <> 'Rejetee' AND [MotifRejet] IS NULL)");
            t.HasCheckConstraint("CK_VersionsDeclaration_Decision",
                "[Statut] = 'Declaree' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)");
        });
        builder.Ignore(v => v.RacineId);
        builder.Ignore(v => v.Heures);
        builder.Ignore(v => v.Converti);
        builder.Property(v => v.MotifCorrection).HasMaxLength(DeclarationHeures.MotifLongueurMax);
        builder.Property(v => v.MotifRejet).HasMaxLength(DeclarationHeures.MotifLongueurMax);
        builder.Property(v => v.SaisieParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.Property(v => v.DecideParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(v => v.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DeclarationId, v.Numero }).IsUnique();
        // The queue groups the waiting lines by the portal submission that wrote them (issue 9).
        builder.HasOne<SoumissionHeures>().WithMany().HasForeignKey(v => v.SoumissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.SoumissionId);
    }
}
