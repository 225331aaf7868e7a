using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the proposal's rules (PropositionEmbauche) on both providers: a way to reach the person,
// dates in order, a refusal with its reason, a link with its participant and contrat. Foreign keys are NO ACTION.
internal sealed class PropositionEmbaucheConfiguration : IEntityTypeConfiguration<PropositionEmbauche>
{
    public void Configure(EntityTypeBuilder<PropositionEmbauche> builder)
    {
        builder.ToTable("PropositionsEmbauche", t =>
        {
            t.HasCheckConstraint("CK_PropositionsEmbauche_Joignable", "[Email] IS NOT NULL OR [Telephone] IS NOT NULL");
            t.HasCheckConstraint("CK_PropositionsEmbauche_Dates", "[FinPrevue] IS NULL OR [FinPrevue] >= [DateDebut]");
            t.HasCheckConstraint("CK_PropositionsEmbauche_HeuresHebdo",
                $"[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= {Contrat.HeuresHebdoMaxMinutes})");
            t.HasCheckConstraint("CK_PropositionsEmbauche_Refus",
                "([Statut] = 'Refusee' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refusee' AND [MotifRefus] IS NULL)");
            t.HasCheckConstraint("CK_PropositionsEmbauche_Lien",
                "([Statut] = 'EnAttente' AND [ContratId] IS NULL) OR [Statut] = 'Refusee' OR ([Statut] IN ('Liee', 'Validee') AND [ContratId] IS NOT NULL AND [ParticipantId] IS NOT NULL)");
        });
        builder.Ignore(p => p.DonneesContrat);
        builder.Property(p => p.Nom).HasMaxLength(Participant.NomLongueurMax).IsRequired();
        builder.Property(p => p.Prenom).HasMaxLength(Participant.PrenomLongueurMax).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(PropositionEmbauche.EmailLongueurMax);
        builder.Property(p => p.Telephone).HasMaxLength(PropositionEmbauche.TelephoneLongueurMax);
        builder.Property(p => p.Poste).HasMaxLength(Contrat.PosteLongueurMax);
        builder.Property(p => p.MotifRefus).HasMaxLength(Contrat.MotifRefusLongueurMax);
        builder.Property(p => p.ProposeeParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.Property(p => p.LieeParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.Property(p => p.DecideeParNom).HasMaxLength(Auteur.NomLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(p => p.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(p => p.EmployeurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(p => p.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contrat>().WithMany().HasForeignKey(p => p.ContratId).OnDelete(DeleteBehavior.Restrict);
        // The facilitateur's queue (by status, oldest first) and a company's own list.
        builder.HasIndex(p => new { p.StructureId, p.Statut, p.ProposeeLe });
        builder.HasIndex(p => new { p.StructureId, p.EntrepriseId, p.ProposeeLe });
        builder.HasIndex(p => p.LotId);
        builder.HasIndex(p => p.EmployeurId);
        builder.HasIndex(p => p.ParticipantId);
        builder.HasIndex(p => p.ContratId).IsUnique().HasFilter("[ContratId] IS NOT NULL");
    }
}
