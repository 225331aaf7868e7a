using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// A facilitateur validates a proposed contrat. The eligibility is enforced by the domain: no decision → refused on the
/// start date; a start outside every window → refused unless a written override is given (stored with who and when).
/// </summary>
public sealed class ValiderModel(ClauseDbContext db, TimeProvider horloge) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieValidation Saisie { get; set; } = new();

    public int FenetreMois { get; private set; }

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is null) return NotFound();
        FenetreMois = (await ReglagesStructure.LireAsync(Db, annulation)).FenetreEligibiliteMois;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } contrat) return NotFound();
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        FenetreMois = reglages.FenetreEligibiliteMois;
        // No early return: the domain's refusals (status, eligibility) show with the form's own errors.
        var participant = await AccesContrats.ParticipantAsync(Db, contrat.ParticipantId, annulation);
        if (!Appliquer(() => contrat.Valider(participant, reglages, Saisie.MotifDerogation, Auteurs.Courant(Db, User), horloge.GetUtcNow())))
            return Page();
        return await EnregistrerAsync(contrat.AvecDerogation ? "Le contrat est validé, avec une dérogation à la fenêtre d'éligibilité." : "Le contrat est validé.",
            "/Contrats/Details", new { id }, annulation);
    }
}
