using Clause.Infrastructure.Mail;
using Clause.Web.Taches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Admin.Taches;

/// <summary>
/// The installation's jobs and outbox for the Administrateur (issue 12 item 6): last run, duration, result, next fire,
/// "Lancer maintenant" (fired through Quartz: one node of the cluster runs it), every mail pending or failed, re-send.
/// </summary>
public sealed class IndexModel(TableauTaches tableau, ExpediteurBoiteEnvoi expediteur) : PageModel
{
    public EtatTaches Etat { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken annulation) => Etat = await tableau.LireAsync(structure: null, peutLancer: true, annulation);

    public async Task<IActionResult> OnPostLancerAsync(string cle, CancellationToken annulation)
    {
        if (CatalogueTaches.Trouver(cle) is not { } tache) return NotFound();
        if (!await tableau.LancerAsync(cle, annulation))
        {
            ModelState.AddModelError(string.Empty, "Le planificateur ne tourne pas sur ce nœud : la tâche ne peut pas être lancée d'ici.");
            Etat = await tableau.LireAsync(null, true, annulation);
            return Page();
        }
        TempData["Succes"] = $"La tâche « {tache.Libelle} » est lancée : son résultat s'affiche ici dès qu'elle est terminée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(Guid id, CancellationToken annulation)
    {
        if (!await expediteur.RenvoyerAsync(id, structure: null, annulation)) return NotFound();
        TempData["Succes"] = "Le mail est remis dans la boîte d'envoi : il part à la prochaine minute.";
        return RedirectToPage();
    }
}
