using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>
/// Demo hire proposals (issue 9 item 3) of the demo company account, on the first lot in execution it holds: one still
/// « en attente » (a person not yet followed, so no match), one validated (linked to a followed participant whose
/// eligibility covers the start, its contrat validated). Both start in two weeks: no month to declare changes. Runs
/// after the contrats; fixed names, no random draw, so the other steps' draws are untouched.
/// </summary>
public sealed partial class SemeurDemo
{
    private async Task SemerEmbauchesAsync(StructureId structureId, CancellationToken annulation)
    {
        var compte = await utilisateurs.FindByEmailAsync($"entreprise@{Domaine}").ConfigureAwait(false);
        var facilitateurCompte = await utilisateurs.FindByEmailAsync($"facilitateur@{Domaine}").ConfigureAwait(false);
        if (compte?.EntrepriseId is not { } entrepriseId || facilitateurCompte is null) return;
        var contact = new Auteur(compte.Id, compte.NomComplet, EstFacilitateur: false);
        var facilitateur = new Auteur(facilitateurCompte.Id, facilitateurCompte.NomComplet, EstFacilitateur: true);

        var lot = await db.Lots.Include(l => l.Attributions)
            .Where(l => l.StructureId == structureId && l.Statut == StatutLot.EnExecution && l.Fondements != Fondement.Aucun
                && l.Attributions.Any(a => a.EntrepriseId == entrepriseId && (a.Role == RoleAttribution.Attributaire || a.Role == RoleAttribution.CoTraitant)))
            .OrderBy(l => l.DebutExecution).ThenBy(l => l.Id)
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        var employeur = await db.Entreprises.SingleAsync(e => e.Id == entrepriseId, annulation).ConfigureAwait(false);
        var reglages = await db.Reglages.AsNoTracking().SingleAsync(r => r.StructureId == structureId, annulation).ConfigureAwait(false);
        if (lot is null) return;

        var maintenant = horloge.GetUtcNow();
        var aujourdhui = DateOnly.FromDateTime(maintenant.Date);
        var debut = Min(Max(aujourdhui.AddDays(14), lot.DebutExecution), lot.FinExecution);
        var donnees = new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDChantier, debut, Min(debut.AddMonths(6), lot.FinExecution), null,
            Duree.Heures(35), "Manœuvre du BTP");

        var enAttente = PropositionEmbauche.Proposer(entrepriseId, lot, employeur,
            new PersonneProposee("Benali", "Yanis", new DateOnly(1999, 4, 12), null, "06 45 12 78 90"), donnees, reglages, contact,
            maintenant.AddDays(-2), aujourdhui);
        db.PropositionsEmbauche.Add(enAttente);

        var participants = await db.Participants.Include(p => p.Decisions).Where(p => p.StructureId == structureId)
            .OrderBy(p => p.Nom).ThenBy(p => p.Prenom).ThenBy(p => p.Id)
            .ToListAsync(annulation).ConfigureAwait(false);
        var eligible = participants.FirstOrDefault(p => p.Controler(debut, reglages).Statut == StatutEligibilite.Couvert
            && CategoriesEligibilite.Age(p.DateNaissance, aujourdhui) is >= Participant.AgeMinimumInscription and <= Participant.AgeMaximumInscription);
        if (eligible is not null)
        {
            var validee = PropositionEmbauche.Proposer(entrepriseId, lot, employeur,
                new PersonneProposee(eligible.Nom, eligible.Prenom, eligible.DateNaissance, null, "06 00 00 00 00"), donnees, reglages, contact,
                maintenant.AddDays(-6), aujourdhui);
            var contrat = validee.Lier(eligible, lot, employeur, reglages, facilitateur, maintenant.AddDays(-5));
            validee.Valider(contrat, eligible, reglages, null, facilitateur, maintenant.AddDays(-5));
            db.PropositionsEmbauche.Add(validee);
            db.Contrats.Add(contrat);
        }
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }
}
