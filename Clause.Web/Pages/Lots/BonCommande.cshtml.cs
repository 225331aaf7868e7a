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
public sealed class BonCommandeModel(ClauseDbContext db, TimeProvider horloge) : PageActionLot(db)
{
    [BindProperty]
    public SaisieBonCommande Saisie { get; set; } = new();

    public FormulaireBon Formulaire { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(LotId id, CancellationToken annulation)
    {
        Saisie.DateNotificationBon = Affichage.Aujourdhui(horloge);
        return await ChargerAsync(id, annulation) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        var lecture = new LectureSaisie(ModelState);
        var montant = lecture.Montant(Saisie.MontantHT, nameof(Saisie.MontantHT), "Montant HT du bon");
        var heures = Formulaire.AvecHeures ? lecture.Heures(Saisie.Heures, nameof(Saisie.Heures), "Heures d'insertion du bon") : null;
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        // An unread amount is already an error beside its field: a stand-in (1 centime) lets the domain check the others.
        if (!Appliquer(() => lot.AjouterBonCommande(Saisie.Numero, Saisie.DateNotificationBon ?? default, montant ?? new Montant(1), heures), BonsEnTete))
            return Page();
        return await EnregistrerAsync($"Le bon de commande n°{Saisie.Numero?.Trim()} est ajouté.", "/Lots/Details", new { id }, annulation);
    }

    public async Task<IActionResult> OnPostRetirerAsync(LotId id, Guid bonId, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot || lot.BonsCommande.All(b => b.Id != bonId)) return NotFound();
        lot.RetirerBonCommande(bonId);
        return await EnregistrerAsync("Le bon de commande est retiré.", "/Lots/Details", new { id }, annulation);
    }

    /// <summary>A refusal about the bons as a whole (not an accord-cadre à bons) is shown at the top of the form.</summary>
    private static readonly Dictionary<string, string> BonsEnTete = new() { [nameof(Domain.Marches.Lot.BonsCommande)] = string.Empty };

    /// <summary>The form asks for the hours only when the structure counts hours per bon.</summary>
    protected override async Task PreparerAsync(Domain.Marches.Lot lot, CancellationToken annulation)
    {
        var parBon = (await ReglagesStructure.LireAsync(Db, annulation)).ModeAccordCadre == ModeAccordCadre.ParBon;
        Formulaire = new FormulaireBon(lot.Id, Saisie, parBon);
    }
}
