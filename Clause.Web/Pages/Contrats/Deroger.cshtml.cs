using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// Records a written override on a validated contrat flagged outside the eligibility window (its start was moved),
/// so its hours count again. Stored on the contrat with who and when (audited).
/// </summary>
public sealed class DerogerModel(ClauseDbContext db, TimeProvider horloge) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieValidation Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } contrat) return NotFound();
        // No early return: the domain's refusals (status, reason) show with the form's own errors.
        var participant = await AccesContrats.ParticipantAsync(Db, contrat.ParticipantId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => contrat.Deroger(participant, reglages, Saisie.MotifDerogation, Auteurs.Courant(Db, User), horloge.GetUtcNow())))
            return Page();
        return await EnregistrerAsync("La dérogation est enregistrée.", "/Contrats/Details", new { id }, annulation);
    }
}
