using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>Changes an opération's descriptive fields (not its donneur d'ordre, not its status).</summary>
public sealed class ModifierModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieOperation Saisie { get; set; } = new();

    public OperationId Id { get; private set; }

    public string NomActuel { get; private set; } = string.Empty;

    public string DonneurOrdre { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(OperationId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } operation) return NotFound();
        Saisie = SaisieOperation.Depuis(operation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(OperationId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } operation) return NotFound();
        var objectif = new LectureSaisie(ModelState).Taux(Saisie.ObjectifPartQpv, nameof(Saisie.ObjectifPartQpv), SaisieOperation.LibelleObjectifQpv);
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        if (!Appliquer(() => operation.Modifier(Saisie.Nom, Saisie.Commune, Saisie.DebutPrevisionnel, Saisie.FinPrevisionnelle, Saisie.Programme ?? default,
                Saisie.EnQpv, Saisie.CodeQpv, objectif), SaisieOperation.ChampsDuDomaine))
            return Page();
        return await EnregistrerAsync("Les modifications de l'opération sont enregistrées.", "/Operations/Details", new { id }, annulation);
    }

    private async Task<Operation?> ChargerAsync(OperationId id, CancellationToken annulation)
    {
        var operation = await Db.Operations.DeLaStructureAsync(Db, id, annulation);
        if (operation is not null)
        {
            Id = operation.Id;
            NomActuel = operation.Nom;
            DonneurOrdre = await Db.DonneursOrdre.AsNoTracking().Where(d => d.Id == operation.DonneurOrdreId)
                .Select(d => d.RaisonSociale).FirstOrDefaultAsync(annulation) ?? "—";
        }
        return operation;
    }
}
