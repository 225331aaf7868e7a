using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Structures;

/// <summary>The structures of the installation (Administrateur): name, type, commune, number of accounts.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    // "page" is a reserved route value in Razor Pages: the page number is "numero".
    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    public PageDe<LigneStructure> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public async Task OnGetAsync(CancellationToken annulation) =>
        Resultats = await db.Structures.AsNoTracking()
            .OrderBy(s => s.Nom).ThenBy(s => s.Id)
            .Select(s => new LigneStructure(s.Id, s.Nom, s.Type, s.Commune, s.Active, db.Users.Count(u => u.StructureId == s.Id)))
            .PaginerAsync(Numero, annulation: annulation);

    public static string Lien(int numero) =>
        numero > 1 ? "/Admin/Structures?numero=" + numero.ToString(Affichage.Fr) : "/Admin/Structures";
}

public sealed record LigneStructure(Guid Id, string Nom, TypeStructure Type, string? Commune, bool Active, int NombreComptes);
