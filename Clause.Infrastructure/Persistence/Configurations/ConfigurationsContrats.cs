using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §6, §7) so the database refuses what the domain refuses,
// on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the % operator.
// Every foreign key is NO ACTION (Restrict): contrats and hours are never deleted with what they refer to, and
// SQL Server refuses multiple cascade paths.

internal sealed class ContratConfiguration : IEntityTypeConfiguration<Contrat>
{
    public void Configure(EntityTypeBuilder<Contrat> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.ToTable("Contrats", t =>
        {
            t.HasCheckConstraint("CK_Contrats_Dates", "[FinPrevue] >= [DateDebut] AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])");
            t.HasCheckConstraint("CK_Contrats_HeuresHebdo",
                $"[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= {Contrat.HeuresHebdoMaxMinutes})");
            // A refusal carries its reason; a decision its author and date; only a validated contrat may count.
            t.HasCheckConstraint("CK_Contrats_Refus",
                "([Statut] = 'Refuse' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refuse' AND [MotifRefus] IS NULL)");
            t.HasCheckConstraint("CK_Contrats_Decision",
                "[Statut] = 'Propose' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)");
            t.HasCheckConstraint("CK_Contrats_Eligibilite", "[EligibiliteValide] = 0 OR [Statut] = 'Valide'");
            // An override is whole: reason, who, when.
            t.HasCheckConstraint("CK_Contrats_Derogation",
                "([MotifDerogation] IS NULL AND [DerogationParId] IS NULL AND [DerogationParNom] IS NULL AND [DerogationLe] IS NULL)"
                + " OR ([MotifDerogation] IS NOT NULL AND [DerogationParId] IS NOT NULL AND [DerogationParNom] IS NOT NULL AND [DerogationLe] IS NOT NULL)");
        });
        builder.Ignore(c => c.FinEffective);
        builder.Ignore(c => c.Periode);
        builder.Ignore(c => c.HeuresHebdo);
        builder.Ignore(c => c.AvecDerogation);
        builder.Ignore(c => c.Compte);
        builder.Ignore(c => c.AvertissementEligibilite);
        builder.Property(c => c.Poste).HasMaxLength(Contrat.PosteLongueurMax);
        builder.Property(c => c.CodeRome).HasMaxLength(Contrat.CodeRomeLongueur);
        builder.Property(c => c.MotifRefus).HasMaxLength(Contrat.MotifRefusLongueurMax);
        builder.Property(c => c.ProposeParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.Property(c => c.DecideParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.Property(c => c.MotifDerogation).HasMaxLength(Derogation.MotifLongueurMax);
        builder.Property(c => c.DerogationParNom).HasMaxLength(Derogation.ParNomLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(c => c.EmployeurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DecisionEligibilite>().WithMany().HasForeignKey(c => c.DecisionEligibiliteId).OnDelete(DeleteBehavior.Restrict);
        // A contrat shows on its lot, its company and its participant; proposals await validation; contrats end soon.
        builder.HasIndex(c => new { c.LotId, c.Statut });
        builder.HasIndex(c => new { c.EmployeurId, c.Statut });
        builder.HasIndex(c => new { c.ParticipantId, c.DateDebut });
        builder.HasIndex(c => new { c.StructureId, c.Statut, c.FinPrevue });
        builder.HasIndex(c => c.DecisionEligibiliteId);
    }
}

internal sealed class DeclarationHeuresConfiguration : IEntityTypeConfiguration<DeclarationHeures>
{
    public void Configure(EntityTypeBuilder<DeclarationHeures> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.ToTable("DeclarationsHeures", t =>
        {
            t.HasCheckConstraint("CK_DeclarationsHeures_Minutes", "[Minutes] > 0");
            t.HasCheckConstraint("CK_DeclarationsHeures_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
            t.HasCheckConstraint("CK_DeclarationsHeures_Version", "[VersionCourante] >= 1");
        });
        builder.Ignore(d => d.RacineId);
        builder.Ignore(d => d.MoisCalendaire);
        builder.Ignore(d => d.Heures);
        builder.Ignore(d => d.Courante);
        builder.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contrat>().WithMany().HasForeignKey(d => d.ContratId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        // One line per contrat and month (DOMAIN.md §7): a correction is a version, never a second line.
        builder.HasIndex(d => new { d.ContratId, d.Mois }).IsUnique();
        // Per-lot totals and the burn-up; the per-participant monthly maximum (§7.1); lines awaiting validation.
        builder.HasIndex(d => new { d.LotId, d.Mois });
        builder.HasIndex(d => new { d.ParticipantId, d.Mois });
        builder.HasIndex(d => new { d.StructureId, d.Statut, d.Mois });
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).HasField("_versions");
    }
}

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
    }
}
