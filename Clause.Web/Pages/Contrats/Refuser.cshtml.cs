using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Contrats;

/// <summary>A facilitateur refuses a proposed contrat with a written reason (required).</summary>
public sealed class RefuserModel(ClauseDbContext db, TimeProvider horloge) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieRefus Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } contrat) return NotFound();
        // No early return: the domain's refusals (status, reason) show with the form's own errors.
        if (!Appliquer(() => contrat.Refuser(Saisie.MotifRefus, Auteurs.Courant(Db, User), horloge.GetUtcNow()))) return Page();
        return await EnregistrerAsync("Le contrat est refusé.", "/Contrats/Details", new { id }, annulation);
    }
}
