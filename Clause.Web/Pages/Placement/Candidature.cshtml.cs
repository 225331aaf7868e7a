using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement;

/// <summary>
/// One candidature, staff side (issue 14): its steps, the eligibility read at the proposal, the company's answer and the
/// next step. A Référent sees only those of his or her participants: another's is a 404, like another structure's.
/// </summary>
public sealed class CandidatureModel(ClauseDbContext db) : PageModel
{
    public CandidatureAffichee Candidature { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CandidatureId id, CancellationToken annulation)
    {
        var candidature = await AccesPlacement.Afficher(db, AccesPlacement.CandidaturesVisibles(db, User).Where(c => c.Id == id))
            .AsNoTracking().FirstOrDefaultAsync(annulation);
        if (candidature is null) return NotFound();
        Candidature = candidature;
        return Page();
    }
}
