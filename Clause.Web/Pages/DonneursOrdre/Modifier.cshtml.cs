using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

public sealed class ModifierModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieDonneurOrdre Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string RaisonSociale { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var donneur = await TrouverAsync(id, annulation);
        if (donneur is null) return NotFound();
        Saisie = SaisieDonneurOrdre.Depuis(donneur);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var donneur = await TrouverAsync(id, annulation);
        if (donneur is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            donneur.Modifier(Saisie.RaisonSociale, Saisie.Type!.Value, Saisie.Siret, Saisie.Adresse, Saisie.CodePostal, Saisie.Commune);
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
        TempData["Succes"] = "Les modifications sont enregistrées.";
        return RedirectToPage("/DonneursOrdre/Details", new { id });
    }

    private async Task<DonneurOrdre?> TrouverAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var donneur = await db.DonneursOrdre.FirstOrDefaultAsync(d => d.Id == id && d.StructureId == structureId, annulation);
        if (donneur is not null)
        {
            Id = donneur.Id;
            RaisonSociale = donneur.RaisonSociale;
        }
        return donneur;
    }
}
