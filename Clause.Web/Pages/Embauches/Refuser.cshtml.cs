using Clause.Domain.Commun;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Embauches;

/// <summary>A facilitateur refuses a proposal with a reason (required) that the company reads; a linked proposal's contrat is refused with it.</summary>
public sealed class RefuserModel(ClauseDbContext db, TimeProvider horloge) : PageActionProposition(db)
{
    [BindProperty]
    public SaisieRefus Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(PropositionEmbaucheId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        // No early return: the domain's refusals (status, reason) show with the form's own errors.
        var contrat = await ContratAsync(proposition, annulation);
        if (!Appliquer(() => proposition.Refuser(Saisie.MotifRefus, contrat, Auteurs.Courant(Db, User), horloge.GetUtcNow()))) return Page();
        return await EnregistrerAsync("La proposition est refusée : l'entreprise voit votre motif.", "/Embauches/Details", new { id }, annulation);
    }
}
