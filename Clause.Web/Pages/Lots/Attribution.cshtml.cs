using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Attributes a lot to one of the structure's companies in a role, or removes an attribution (handler Retirer).
/// The form is shown on the lot's page; this page shows it again with its errors.
/// </summary>
public sealed class AttributionModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieAttribution Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string NomLot { get; private set; } = string.Empty;

    public FormulaireAttribution Formulaire { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is null) return NotFound();
        await PreparerAsync(lot, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is null) return NotFound();
        await PreparerAsync(lot, annulation);
        if (!ModelState.IsValid) return Page();
        var structureId = db.Contexte.StructureId;
        var entreprise = await db.Entreprises.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == Saisie.EntrepriseId && e.StructureId == structureId, annulation);
        if (entreprise is null)
        {
            ModelState.AddModelError("Saisie.EntrepriseId", "Choisissez une entreprise dans la liste.");
            return Page();
        }
        try
        {
            lot.Attribuer(entreprise, Saisie.Role!.Value, Saisie.DateNotification);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le lot est attribué à « {entreprise.RaisonSociale} » ({Saisie.Role.Value.Libelle().ToLower(Affichage.Fr)}).";
        return RedirectToPage("/Lots/Details", new { id });
    }

    public async Task<IActionResult> OnPostRetirerAsync(Guid id, Guid attributionId, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is null || lot.Attributions.All(a => a.Id != attributionId)) return NotFound();
        await PreparerAsync(lot, annulation);
        ModelState.Clear();
        try
        {
            lot.RetirerAttribution(attributionId);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "L'attribution est retirée.";
        return RedirectToPage("/Lots/Details", new { id });
    }

    private async Task PreparerAsync(Domain.Marches.Lot lot, CancellationToken annulation)
    {
        Id = lot.Id;
        NomLot = ChargementLot.Nom(lot);
        Formulaire = new FormulaireAttribution(lot.Id, Saisie, await ListesLots.EntreprisesAsync(db, Saisie.EntrepriseId, annulation));
    }
}
