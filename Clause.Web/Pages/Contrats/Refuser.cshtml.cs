using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Contrats;

/// <summary>A facilitateur refuses a proposed contrat with a written reason (required).</summary>
public sealed class RefuserModel(ClauseDbContext db, TimeProvider horloge) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieRefus Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        if (!await PreparerAsync(id, annulation)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var contrat = (await AccesContrats.ChargerAsync(Db, id, annulation))!;
        try
        {
            contrat.Refuser(Saisie.MotifRefus, AccesContrats.Auteur(Db, User), horloge.GetUtcNow());
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        await Db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Le contrat est refusé.";
        return RedirectToPage("/Contrats/Details", new { id });
    }
}
