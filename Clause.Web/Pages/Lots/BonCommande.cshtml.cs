using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Adds a bon de commande to a lot of an accord-cadre à bons de commande, or removes one (handler Retirer).
/// Its hours are asked only under the « par bon » réglage. The form is shown on the lot's page.
/// </summary>
public sealed class BonCommandeModel(ClauseDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty]
    public SaisieBonCommande Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string NomLot { get; private set; } = string.Empty;

    public FormulaireBon Formulaire { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is null) return NotFound();
        Saisie.DateNotificationBon = Affichage.Aujourdhui(horloge);
        await PreparerAsync(lot, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is null) return NotFound();
        var parBon = await PreparerAsync(lot, annulation);
        var lecture = new LectureSaisie(ModelState);
        var montant = lecture.Montant(Saisie.MontantHT, nameof(Saisie.MontantHT), "Montant HT du bon");
        var heures = parBon ? lecture.Heures(Saisie.Heures, nameof(Saisie.Heures), "Heures d'insertion du bon") : null;
        if (!ModelState.IsValid || montant is null) return Page();
        try
        {
            lot.AjouterBonCommande(Saisie.Numero, Saisie.DateNotificationBon!.Value, montant.Value, heures);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, new Dictionary<string, string> { [nameof(Domain.Marches.Lot.BonsCommande)] = string.Empty });
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le bon de commande n°{Saisie.Numero?.Trim()} est ajouté.";
        return RedirectToPage("/Lots/Details", new { id });
    }

    public async Task<IActionResult> OnPostRetirerAsync(Guid id, Guid bonId, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is null || lot.BonsCommande.All(b => b.Id != bonId)) return NotFound();
        lot.RetirerBonCommande(bonId);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Le bon de commande est retiré.";
        return RedirectToPage("/Lots/Details", new { id });
    }

    /// <returns>True when the structure counts hours per bon (the form then asks for them).</returns>
    private async Task<bool> PreparerAsync(Domain.Marches.Lot lot, CancellationToken annulation)
    {
        Id = lot.Id;
        NomLot = ChargementLot.Nom(lot);
        var parBon = (await ReglagesStructure.LireAsync(db, annulation)).ModeAccordCadre == ModeAccordCadre.ParBon;
        Formulaire = new FormulaireBon(lot.Id, Saisie, parBon);
        return parBon;
    }
}
