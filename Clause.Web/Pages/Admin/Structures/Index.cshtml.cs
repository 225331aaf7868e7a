using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Structures;

/// <summary>The structures of the installation (Administrateur): name, type, commune, number of accounts.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public PageDe<LigneStructure> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    protected override string Adresse => "/Admin/Structures";

    public async Task OnGetAsync(CancellationToken annulation) =>
        Resultats = await ListerAsync(db.Structures.AsNoTracking()
            .OrderBy(s => s.Nom).ThenBy(s => s.Id)
            .Select(s => new LigneStructure(s.Id, s.Nom, s.Type, s.Commune, s.Active, db.Users.Count(u => u.StructureId == s.Id))),
            annulation);
}

public sealed record LigneStructure(StructureId Id, string Nom, TypeStructure Type, string? Commune, bool Active, int NombreComptes);
