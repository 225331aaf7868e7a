using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Contrats;

/// <summary>What is typed to record the situation after the clause (empty = not known).</summary>
public sealed class SaisieSituation
{
    public SituationApresClause? Situation { get; set; }
}

/// <summary>
/// Records the participant's situation after the clause on a validated contrat (DOMAIN.md §9, « where known »), counted by
/// the bilans (docs/domain.md « Bilans »). The form is on the contrat's page; this page shows it again with its errors.
/// </summary>
public sealed class SituationModel(ClauseDbContext db) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieSituation Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } contrat) return NotFound();
        // No early return unless the situation itself could not be read (null would clear it): the domain's refusals show too.
        if (Invalide("Saisie.Situation")) return Page();
        if (!Appliquer(() => contrat.EnregistrerSituation(Saisie.Situation, Auteurs.Courant(Db, User)))) return Page();
        return await EnregistrerAsync(Saisie.Situation is { } s ? $"Situation après la clause enregistrée : {s.Libelle()}." : "Situation après la clause effacée.",
            "/Contrats/Details", new { id }, annulation);
    }
}
