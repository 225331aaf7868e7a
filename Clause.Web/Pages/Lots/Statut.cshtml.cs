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
public sealed class StatutModel(ClauseDbContext db) : PageActionLot(db)
{
    [BindProperty]
    public SaisieStatutLot Saisie { get; set; } = new();

    public StatutLot StatutActuel { get; private set; }

    public bool Retour => Saisie.Cible is { } cible && cible < StatutActuel;

    public async Task<IActionResult> OnGetAsync(LotId id, StatutLot? cible, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        if (cible is null || !lot.StatutsAccessibles().Contains(cible.Value))
            return RedirectToPage("/Lots/Details", new { id });
        Saisie.Cible = cible;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        // Without a target there is nothing for the domain to check; with one it checks the reason too.
        if (Saisie.Cible is not { } cible) return Page();
        if (!Appliquer(() => lot.ChangerStatut(cible, Saisie.Motif), ChampsDuDomaine)) return Page();
        return await EnregistrerAsync($"Le lot est maintenant au statut « {lot.Statut.Libelle()} ».", "/Lots/Details", new { id }, annulation);
    }

    private static readonly Dictionary<string, string> ChampsDuDomaine = new()
    {
        [nameof(Lot.MotifRetour)] = nameof(SaisieStatutLot.Motif),
        [nameof(Lot.Statut)] = nameof(SaisieStatutLot.Cible),
    };

    protected override Task PreparerAsync(Lot lot, CancellationToken annulation)
    {
        StatutActuel = lot.Statut;
        return Task.CompletedTask;
    }
}

public sealed record SaisieStatutLot
{
    [Required(ErrorMessage = "Le champ « Nouveau statut » est obligatoire.")]
    [Display(Name = "Nouveau statut")]
    public StatutLot? Cible { get; set; }

    [StringLength(Lot.MotifLongueurMax, ErrorMessage = "Le champ « Motif du retour » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif du retour")]
    [DataType(DataType.MultilineText)]
    public string? Motif { get; set; }
}
