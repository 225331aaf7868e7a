using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
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
        // The normalised copies every search compares (TexteRecherche): accents and case ignored on both providers.
        builder.Property(p => p.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.Property(p => p.RechercheCommune).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(p => new { p.StructureId, p.Recherche });
        builder.HasIndex(p => new { p.StructureId, p.RechercheCommune });
        builder.HasIndex(p => new { p.StructureId, p.Commune });
        builder.HasIndex(p => new { p.StructureId, p.ResidentQpv });
        builder.HasIndex(p => new { p.StructureId, p.ReferentId });
        builder.HasMany(p => p.Decisions).WithOne().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Decisions).HasField("_decisions");
    }
}
