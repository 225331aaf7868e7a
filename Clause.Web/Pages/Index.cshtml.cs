using System.Security.Claims;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages;

public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public string Nom { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    public string? Structure { get; private set; }

    public async Task OnGetAsync()
    {
        Nom = User.FindFirstValue(RevendicationsClause.NomComplet) ?? User.Identity?.Name ?? string.Empty;
        Role = Roles.Libelle(Roles.Tous.FirstOrDefault(User.IsInRole) ?? string.Empty);
        if (db.Contexte.StructureId is { } id)
            Structure = await db.Structures.AsNoTracking().Where(s => s.Id == id).Select(s => s.Nom).FirstOrDefaultAsync();
    }
}
