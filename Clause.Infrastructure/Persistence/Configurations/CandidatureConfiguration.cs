using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Participants;
using Clause.Domain.Placement;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints and the unique index mirror the candidature's rules (Candidature): a way to reach the person, a
// « non retenu » with its reason and text, a « retenu » with its contrat, one candidature per person and poste.
internal sealed class CandidatureConfiguration : IEntityTypeConfiguration<Candidature>
{
    public void Configure(EntityTypeBuilder<Candidature> builder)
    {
        builder.ToTable("Candidatures", t =>
        {
            t.HasCheckConstraint("CK_Candidatures_Joignable", "[Email] IS NOT NULL OR [Telephone] IS NOT NULL");
            t.HasCheckConstraint("CK_Candidatures_NonRetenue",
                "([Statut] = 'NonRetenue' AND [MotifNonRetenu] IS NOT NULL AND [PrecisionNonRetenu] IS NOT NULL) OR ([Statut] <> 'NonRetenue' AND [MotifNonRetenu] IS NULL)");
            t.HasCheckConstraint("CK_Candidatures_Retenue", "([Statut] = 'Retenue' AND [ContratId] IS NOT NULL) OR ([Statut] <> 'Retenue' AND [ContratId] IS NULL)");
        });
        builder.Ignore(c => c.SansSuite);
        builder.Property(c => c.Email).HasMaxLength(PropositionEmbauche.EmailLongueurMax);
        builder.Property(c => c.Telephone).HasMaxLength(PropositionEmbauche.TelephoneLongueurMax);
        builder.Property(c => c.RaisonEligibilite).HasMaxLength(Candidature.RaisonEligibiliteLongueurMax);
        builder.Property(c => c.MotifDerogation).HasMaxLength(Derogation.MotifLongueurMax);
        builder.Property(c => c.PrecisionNonRetenu).HasMaxLength(Candidature.TexteLongueurMax);
        builder.Property(c => c.Suite).HasMaxLength(Candidature.TexteLongueurMax);
        builder.Property(c => c.ProposeeParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.Property(c => c.ValideeParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.Property(c => c.PresenteeParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.Property(c => c.IssueParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.Property(c => c.SuiteParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PosteAPourvoir>().WithMany().HasForeignKey(c => c.PosteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(c => c.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contrat>().WithMany().HasForeignKey(c => c.ContratId).OnDelete(DeleteBehavior.Restrict);
        // One candidature per person and poste: the rule, and the poste's list.
        builder.HasIndex(c => new { c.StructureId, c.PosteId, c.ParticipantId }).IsUnique();
        // The company's presented candidates, the facilitateur's home (by status), a participant's candidatures.
        builder.HasIndex(c => new { c.StructureId, c.EntrepriseId, c.Statut });
        builder.HasIndex(c => new { c.StructureId, c.Statut, c.PresenteeLe });
        builder.HasIndex(c => new { c.StructureId, c.ParticipantId });
        builder.HasIndex(c => c.PosteId);
        builder.HasIndex(c => c.EntrepriseId);
        builder.HasIndex(c => c.ParticipantId);
        builder.HasIndex(c => c.ContratId).IsUnique().HasFilter("[ContratId] IS NOT NULL");
    }
}
