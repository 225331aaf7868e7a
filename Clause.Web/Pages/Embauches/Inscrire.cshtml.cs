using Clause.Domain.Commun;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Lots;
using Clause.Web.Pages.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Embauches;

/// <summary>
/// A facilitateur registers the proposed person as a new participant — the participant's own form and rules
/// (<c>SaisieParticipant</c>, <c>Participant.Creer</c>), prefilled with the proposal's nom, prénom and birth date — and
/// links the proposal to it in the same save (PropositionEmbauche.InscrireEtLier). Nothing is written on a refusal.
/// </summary>
public sealed class InscrireModel(ClauseDbContext db, TimeProvider horloge) : PageActionProposition(db), IFormulaireParticipant
{
    [BindProperty]
    public SaisieParticipant Saisie { get; set; } = new();

    public IReadOnlyList<OptionReferent> Referents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        Saisie.Nom = proposition.Nom;
        Saisie.Prenom = proposition.Prenom;
        Saisie.DateNaissance = proposition.DateNaissance;
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
        if (Saisie.ReferentId is { } referent && Referents.All(r => r.Id != referent))
            ModelState.AddModelError("Saisie.ReferentId", "Choisissez un référent de parcours de votre structure.");
        // No early return: the domain checks every field too, so that every error of the form shows at once.
        var lot = await ChargementLot.ChargerAsync(Db, proposition.LotId, annulation);
        var employeur = await Db.Entreprises.AsNoTracking().FirstAsync(e => e.Id == proposition.EmployeurId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => proposition.InscrireEtLier(Saisie.VersDonnees(), Affichage.Aujourdhui(horloge), lot!, employeur, reglages,
                Auteurs.Courant(Db, User), horloge.GetUtcNow()), out var inscrit))
            return Page();
        Db.Participants.Add(inscrit.Participant);
        Db.Contrats.Add(inscrit.Contrat);
        return await EnregistrerAsync($"{inscrit.Participant.Prenom} {inscrit.Participant.Nom} est inscrit(e) et la proposition lui est liée : "
            + "validez son éligibilité, puis la proposition.", "/Embauches/Details", new { id }, annulation);
    }
}
