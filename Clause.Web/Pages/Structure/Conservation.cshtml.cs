using Clause.Domain.Structures;
using Clause.Infrastructure.Conservation;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The dry-run list of the anonymisation (issue 16 item 10, DOMAIN.md §12), for the Direction: who the night's job
/// « conservation-donnees » would anonymise and why (their last event), and the one confirmation without which the job
/// anonymises nobody in the structure (<see cref="ServiceConservation.ConfirmerAsync"/>).
/// </summary>
public sealed class ConservationModel(ServiceConservation conservation, ClauseDbContext db) : PageModel
{
    public const int ParticipantsAffiches = 200;

    public IReadOnlyList<ParticipantEchu> Echus { get; private set; } = [];

    public Reglages Reglages { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Reglages = await ReglagesDesStructures.PourAsync(db, db.Contexte.StructureId!.Value, annulation);
        Echus = await conservation.EchusAsync(annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        await conservation.ConfirmerAsync(annulation);
        TempData["Succes"] = "Anonymisation confirmée : la tâche de la nuit anonymisera les participants de la liste.";
        return RedirectToPage();
    }
}
