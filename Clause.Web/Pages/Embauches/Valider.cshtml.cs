using Clause.Domain.Commun;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Embauches;

/// <summary>
/// A facilitateur validates a linked proposal: its contrat is validated by the contrat's own rule (Contrat.Valider through
/// PropositionEmbauche.Valider) — no eligibility decision → refused; a start outside every window → refused unless a
/// written override is given. The company then reads « validé ».
/// </summary>
public sealed class ValiderModel(ClauseDbContext db, TimeProvider horloge) : PageActionProposition(db)
{
    [BindProperty]
    public SaisieValidation Saisie { get; set; } = new();

    public int FenetreMois { get; private set; }

    public async Task<IActionResult> OnGetAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is null) return NotFound();
        FenetreMois = (await ReglagesStructure.LireAsync(Db, annulation)).FenetreEligibiliteMois;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        FenetreMois = reglages.FenetreEligibiliteMois;
        // No early return: the domain's refusals (status, eligibility) show with the form's own errors.
        if (await ContratAsync(proposition, annulation) is not { } contrat)
        {
            ModelState.AddModelError("Saisie.Statut", "Liez d'abord la proposition à un participant.");
            return Page();
        }
        var participant = await AccesContrats.ParticipantAsync(Db, contrat.ParticipantId, annulation);
        if (!Appliquer(() => proposition.Valider(contrat, participant, reglages, Saisie.MotifDerogation, Auteurs.Courant(Db, User), horloge.GetUtcNow())))
            return Page();
        return await EnregistrerAsync(contrat.AvecDerogation ? "La proposition et son contrat sont validés, avec une dérogation à la fenêtre d'éligibilité."
            : "La proposition et son contrat sont validés.", "/Embauches/Details", new { id }, annulation);
    }
}
