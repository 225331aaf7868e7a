using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Changes a lot's status (facilitateur only, by the folder conventions). Next steps are posted from the lot's
/// page; going back one step shows this page first to ask for the reason. « En exécution » needs an attributaire.
/// </summary>
public sealed class StatutModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieStatutLot Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string NomLot { get; private set; } = string.Empty;

    public StatutLot StatutActuel { get; private set; }

    public bool Retour => Saisie.Cible is { } cible && cible < StatutActuel;

    public async Task<IActionResult> OnGetAsync(Guid id, StatutLot? cible, CancellationToken annulation)
    {
        var lot = await TrouverAsync(id, annulation);
        if (lot is null) return NotFound();
        if (cible is null || !lot.StatutsAccessibles().Contains(cible.Value))
            return RedirectToPage("/Lots/Details", new { id });
        Saisie.Cible = cible;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var lot = await TrouverAsync(id, annulation);
        if (lot is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            lot.ChangerStatut(Saisie.Cible!.Value, Saisie.Motif);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, ChampsDuDomaine);
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"Le lot est maintenant au statut « {lot.Statut.Libelle()} ».";
        return RedirectToPage("/Lots/Details", new { id });
    }

    private static readonly Dictionary<string, string> ChampsDuDomaine = new()
    {
        [nameof(Lot.MotifRetour)] = nameof(SaisieStatutLot.Motif),
        [nameof(Lot.Statut)] = nameof(SaisieStatutLot.Cible),
    };

    private async Task<Lot?> TrouverAsync(Guid id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is not null)
        {
            Id = lot.Id;
            NomLot = ChargementLot.Nom(lot);
            StatutActuel = lot.Statut;
        }
        return lot;
    }
}

public sealed record SaisieStatutLot
{
    [Required(ErrorMessage = "Le champ « Nouveau statut » est obligatoire.")]
    [Display(Name = "Nouveau statut")]
    public StatutLot? Cible { get; set; }

    [StringLength(Lot.MotifLongueurMax, ErrorMessage = "Le champ « Motif du retour » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif du retour")]
    public string? Motif { get; set; }
}
