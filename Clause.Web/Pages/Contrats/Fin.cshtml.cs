using Clause.Domain.Commun;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// Records the actual end of a contrat (not before its start). The contrat's period changes, so the « hors période »
/// flag of its declarations is re-evaluated in the same save (DOMAIN.md §7.2).
/// </summary>
public sealed class FinModel(ClauseDbContext db) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieFin Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } contrat) return NotFound();
        // The domain is called on a date that was read; a missing or unreadable one keeps its own error.
        if (Saisie.FinReelle is not { } finReelle) return Page();
        if (!Appliquer(() => contrat.EnregistrerFin(finReelle))) return Page();
        // The periods of its lines are re-evaluated in this save (DatesContratModifiees).
        return await EnregistrerAsync($"La fin réelle du contrat est enregistrée au {Affichage.Date(contrat.FinReelle)}.", "/Contrats/Details", new { id },
            annulation);
    }
}
