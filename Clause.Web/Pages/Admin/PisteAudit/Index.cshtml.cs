using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.PisteAudit;

/// <summary>
/// The audit trail's verification for the Administrateur (issue 16 item 12): on request (a POST, since it reads every row),
/// each chain — one per structure, plus the installation's — with its number of rows and its head hash, or its first
/// broken link. Same walk as the verb <c>audit verifier</c> (<see cref="ChaineAudit.VerifierAsync"/>).
/// </summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public IReadOnlyList<LigneVerification>? Resultats { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken annulation)
    {
        var chaines = await ChaineAudit.VerifierAsync(db, annulation: annulation);
        var noms = await db.Structures.AsNoTracking().Select(s => new { s.Id, s.Nom }).ToDictionaryAsync(s => s.Id, s => s.Nom, annulation);
        Resultats = chaines
            .Select(c => new LigneVerification(c.StructureId is { } id ? noms.GetValueOrDefault(id, id.ToString()) : "Installation (sans structure)", c))
            .OrderBy(l => l.Verification.Intacte).ThenBy(l => l.Nom, StringComparer.CurrentCulture)
            .ToList();
    }
}

public sealed record LigneVerification(string Nom, VerificationChaine Verification);
