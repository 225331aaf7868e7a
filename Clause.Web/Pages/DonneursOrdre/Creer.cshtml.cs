using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

public sealed class CreerModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieDonneurOrdre Saisie { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!ModelState.IsValid || db.Contexte.StructureId is not { } structureId) return Page();
        DonneurOrdre donneur;
        try
        {
            donneur = DonneurOrdre.Creer(structureId, Saisie.RaisonSociale, Saisie.Type!.Value, Saisie.Siret, Saisie.Adresse, Saisie.CodePostal, Saisie.Commune);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        if (await UniciteSiret.DejaUtiliseAsync(db, donneur, annulation))
        {
            ModelState.AddModelError("Saisie.Siret", UniciteSiret.Message);
            return Page();
        }
        db.DonneursOrdre.Add(donneur);
        try
        {
            await db.SaveChangesAsync(annulation);
        }
        catch (DbUpdateException)
        {
            // Another user saved the same SIRET in between: the unique index refused it.
            if (!await UniciteSiret.DejaUtiliseAsync(db, donneur, annulation)) throw;
            ModelState.AddModelError("Saisie.Siret", UniciteSiret.Message);
            return Page();
        }
        TempData["Succes"] = $"Le donneur d'ordre « {donneur.RaisonSociale} » est enregistré.";
        return RedirectToPage("/DonneursOrdre/Details", new { id = donneur.Id });
    }
}
