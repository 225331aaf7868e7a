using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement;

/// <summary>
/// A poste à pourvoir, staff side (issue 14): its need and its candidatures with their eligibility (staff only) — for a
/// Référent, only those of his or her participants. Another structure's poste is a 404.
/// </summary>
public sealed class PosteModel(ClauseDbContext db) : PageModel
{
    public const int CandidaturesMax = 200;

    public PosteAffiche Poste { get; private set; } = null!;

    public IReadOnlyList<CandidatureAffichee> Candidatures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(PosteId id, CancellationToken annulation)
    {
        var poste = await AccesPlacement.Postes(db, id).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (poste is null) return NotFound();
        Poste = poste;
        Candidatures = await AccesPlacement.Afficher(db, AccesPlacement.CandidaturesVisibles(db, User).Where(c => c.PosteId == id))
            .AsNoTracking().Take(CandidaturesMax).ToListAsync(annulation);
        return Page();
    }
}
