using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Embauches;

/// <summary>One of the company's proposals and its status in words. Another company's (or structure's) proposal is a 404.</summary>
public sealed class DetailsModel(ClauseDbContext db) : PageModel
{
    public PropositionDuPortail Proposition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        // The company's own list, then the id: the scope of the list is the scope of the page.
        var proposition = await EmbauchesDuPortail.Propositions(db, id).FirstOrDefaultAsync(annulation);
        if (proposition is null) return NotFound();
        Proposition = proposition;
        return Page();
    }
}
