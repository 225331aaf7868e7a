using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>
/// Changes an opération's status (facilitateur only, by the folder conventions). The next step is posted
/// straight from the opération's page; going back one step shows this page first to ask for the reason.
/// </summary>
public sealed class StatutModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieStatutOperation Saisie { get; set; } = new();

    public OperationId Id { get; private set; }

    public string Nom { get; private set; } = string.Empty;

    public StatutOperation StatutActuel { get; private set; }

    public bool Retour => Saisie.Cible is { } cible && cible < StatutActuel;

    public async Task<IActionResult> OnGetAsync(OperationId id, StatutOperation? cible, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } operation) return NotFound();
        if (cible is null || !operation.StatutsAccessibles().Contains(cible.Value))
            return RedirectToPage("/Operations/Details", new { id });
        Saisie.Cible = cible;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(OperationId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } operation) return NotFound();
        // Without a target there is nothing for the domain to check; with one it checks the reason too.
        if (Saisie.Cible is not { } cible) return Page();
        if (!Appliquer(() => operation.ChangerStatut(cible, Saisie.Motif), ChampsDuDomaine)) return Page();
        return await EnregistrerAsync($"L'opération est maintenant au statut « {operation.Statut.Libelle()} ».", "/Operations/Details", new { id }, annulation);
    }

    private static readonly Dictionary<string, string> ChampsDuDomaine = new()
    {
        [nameof(Operation.MotifRetour)] = nameof(SaisieStatutOperation.Motif),
        [nameof(Operation.Statut)] = nameof(SaisieStatutOperation.Cible),
    };

    private async Task<Operation?> ChargerAsync(OperationId id, CancellationToken annulation)
    {
        var operation = await Db.Operations.DeLaStructureAsync(Db, id, annulation);
        if (operation is not null)
        {
            Id = operation.Id;
            Nom = operation.Nom;
            StatutActuel = operation.Statut;
        }
        return operation;
    }
}

public sealed record SaisieStatutOperation
{
    [Required(ErrorMessage = "Le champ « Nouveau statut » est obligatoire.")]
    [Display(Name = "Nouveau statut")]
    public StatutOperation? Cible { get; set; }

    [StringLength(Operation.MotifLongueurMax, ErrorMessage = "Le champ « Motif du retour » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif du retour")]
    [DataType(DataType.MultilineText)]
    public string? Motif { get; set; }
}
