using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Web.Taches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The jobs and the structure's own outbox, for the Direction (issue 12 item 6): the jobs' state (read only: firing a
/// job acts for every structure, which is the Administrateur's call) and the mails its structure deposited, with the
/// re-send of a failed one. Another structure's mail answers 404.
/// </summary>
public sealed class TachesModel(TableauTaches tableau, ExpediteurBoiteEnvoi expediteur, ClauseDbContext db) : PageModel
{
    public EtatTaches Etat { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken annulation) =>
        Etat = await tableau.LireAsync(db.Contexte.StructureId ?? throw new InvalidOperationException("Direction sans structure."), peutLancer: false, annulation);

    public async Task<IActionResult> OnPostRenvoyerAsync(Guid id, CancellationToken annulation)
    {
        if (db.Contexte.StructureId is not { } structure || !await expediteur.RenvoyerAsync(id, structure, annulation)) return NotFound();
        TempData["Succes"] = "Le mail est remis dans la boîte d'envoi : il part à la prochaine minute.";
        return RedirectToPage();
    }
}
