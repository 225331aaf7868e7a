using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants", t =>
        {
            // A QPV resident has a code, a non-resident none (the domain refuses the same).
            t.HasCheckConstraint("CK_Participants_Qpv",
                "([ResidentQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([ResidentQpv] = 0 AND [CodeQpv] IS NULL)");
            t.HasCheckConstraint("CK_Participants_Sexe", "[Sexe] = 'F' OR [Sexe] = 'M'");
            t.HasCheckConstraint("CK_Participants_Naissance", "[DateNaissance] <= [InscritLe]");
        });
        // Ids are client-generated (Entite): a decision added to a loaded participant must be inserted, not updated.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Nom).HasMaxLength(Participant.NomLongueurMax).IsRequired();
        builder.Property(p => p.Prenom).HasMaxLength(Participant.PrenomLongueurMax).IsRequired();
        builder.Property(p => p.Adresse).HasMaxLength(Participant.AdresseLongueurMax);
        builder.Property(p => p.CodePostal).HasMaxLength(Participant.CodePostalLongueur).IsRequired();
        builder.Property(p => p.Commune).HasMaxLength(Participant.CommuneLongueurMax).IsRequired();
        builder.Property(p => p.CodeQpv).HasMaxLength(Participant.CodeQpvLongueurMax);
        builder.Property(p => p.IdentifiantFranceTravail).HasMaxLength(Participant.IdentifiantFranceTravailLongueurMax);
        builder.Ignore(p => p.DerniereDecision);
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Utilisateur>().WithMany().HasForeignKey(p => p.ReferentId).OnDelete(DeleteBehavior.Restrict);
        // Search: by name, commune, QPV; a référent's own caseload.
        builder.HasIndex(p => new { p.StructureId, p.Nom, p.Prenom });
        builder.HasIndex(p => new { p.StructureId, p.Commune });
        builder.HasIndex(p => new { p.StructureId, p.ResidentQpv });
        builder.HasIndex(p => new { p.StructureId, p.ReferentId });
        builder.HasMany(p => p.Decisions).WithOne().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Decisions).HasField("_decisions");
    }
}

internal sealed class DecisionEligibiliteConfiguration : IEntityTypeConfiguration<DecisionEligibilite>
{
    public void Configure(EntityTypeBuilder<DecisionEligibilite> builder)
    {
        builder.ToTable("DecisionsEligibilite", t =>
            t.HasCheckConstraint("CK_DecisionsEligibilite_AvisMotive",
                "([PrescripteurAvis] IS NULL AND [MotifAvis] IS NULL) OR ([PrescripteurAvis] IS NOT NULL AND [MotifAvis] IS NOT NULL)"));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.RacineId);
        builder.Ignore(d => d.ContientSensible);
        builder.Property(d => d.ValideParNom).HasMaxLength(DecisionEligibilite.ValidateurNomLongueurMax).IsRequired();
        builder.Property(d => d.MotifAvis).HasMaxLength(DecisionEligibilite.MotifAvisLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        // One decision per participant and date; the windows closing soon are found by validation date.
        builder.HasIndex(d => new { d.ParticipantId, d.DateValidation }).IsUnique();
        builder.HasIndex(d => new { d.StructureId, d.DateValidation });
        builder.HasMany(d => d.Categories).WithOne().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Categories).HasField("_categories");
    }
}

internal sealed class CategorieDecisionConfiguration : IEntityTypeConfiguration<CategorieDecision>
{
    public void Configure(EntityTypeBuilder<CategorieDecision> builder)
    {
        builder.ToTable("CategoriesDecision");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.RacineId);
        builder.Property(c => c.Justificatif).HasMaxLength(CategorieDecision.JustificatifLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => new { c.DecisionId, c.Categorie }).IsUnique();
        // Search by category: an indexed lookup giving participant ids.
        builder.HasIndex(c => new { c.StructureId, c.Categorie, c.ParticipantId });
        builder.HasIndex(c => c.ParticipantId);
    }
}

internal sealed class JournalAccesDonneesSensiblesConfiguration : IEntityTypeConfiguration<JournalAccesDonneesSensibles>
{
    public void Configure(EntityTypeBuilder<JournalAccesDonneesSensibles> builder)
    {
        builder.ToTable("JournalAccesDonneesSensibles");
        builder.Property(j => j.NomUtilisateur).HasMaxLength(Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.Property(j => j.Quoi).HasMaxLength(JournalAccesDonneesSensibles.QuoiLongueurMax).IsRequired();
        builder.HasIndex(j => new { j.StructureId, j.Quand });
        builder.HasIndex(j => new { j.ParticipantId, j.Quand });
    }
}
