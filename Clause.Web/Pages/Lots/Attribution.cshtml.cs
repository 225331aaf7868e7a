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
public sealed class AttributionModel(ClauseDbContext db) : PageActionLot(db)
{
    [BindProperty]
    public SaisieAttribution Saisie { get; set; } = new();

    public FormulaireAttribution Formulaire { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is null) return NotFound();
        await RestaurerApresRechercheAsync(Saisie);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        // No early return: the company is looked up and the domain checks the role too (a field already in error keeps its message).
        var structureId = Db.Contexte.StructureId;
        var entreprise = Saisie.EntrepriseId is null ? null : await Db.Entreprises.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == Saisie.EntrepriseId && e.StructureId == structureId, annulation);
        if (entreprise is null)
        {
            if (Saisie.EntrepriseId is not null) ModelState.AddModelError("Saisie.EntrepriseId", "Choisissez une entreprise dans la liste.");
            return Page();
        }
        if (Saisie.Role is not { } role) return Page();
        if (!Appliquer(() => lot.Attribuer(entreprise, role, Saisie.DateNotification))) return Page();
        return await EnregistrerAsync($"Le lot est attribué à « {entreprise.RaisonSociale} » ({Saisie.Role!.Value.Libelle().ToLower(Affichage.Fr)}).",
            "/Lots/Details", new { id }, annulation);
    }

    public async Task<IActionResult> OnPostRetirerAsync(LotId id, Guid attributionId, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot || lot.Attributions.All(a => a.Id != attributionId)) return NotFound();
        ModelState.Clear();
        // Nothing of the attribution form was posted: the refusal is shown at the top of the form.
        if (!Appliquer(() => lot.RetirerAttribution(attributionId), AttributionsEnTete)) return Page();
        return await EnregistrerAsync("L'attribution est retirée.", "/Lots/Details", new { id }, annulation);
    }

    private static readonly Dictionary<string, string> AttributionsEnTete = new() { [nameof(Domain.Marches.Lot.Attributions)] = string.Empty };

    protected override Task PreparerAsync(Domain.Marches.Lot lot, CancellationToken annulation)
    {
        Formulaire = new FormulaireAttribution(lot.Id, Saisie);
        return Task.CompletedTask;
    }
}
