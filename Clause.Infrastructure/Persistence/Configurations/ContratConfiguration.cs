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
            t.HasCheckConstraint("CK_Contrats_Dates", "([FinPrevue] IS NULL OR [FinPrevue] >= [DateDebut]) AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])");
            // Only a CDI or a CDI Inclusion goes without a planned end (§6). Contrats written before that rule may still
            // carry one on a CDI: the domain asks to clear it at their next change, the database does not refuse them.
            t.HasCheckConstraint("CK_Contrats_FinPrevue", "[FinPrevue] IS NOT NULL OR [TypeContrat] = 'CDI' OR [TypeContrat] = 'CDIInclusion'");
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
