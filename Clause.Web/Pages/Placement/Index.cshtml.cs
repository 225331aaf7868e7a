using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Placement;

/// <summary>The structure's postes à pourvoir (issue 14 item 2), the earliest start first; filter on the status (open by default link from the home).</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    [BindProperty(SupportsGet = true, Name = "statut")]
    public StatutPoste? Statut { get; set; }

    public IReadOnlyList<PosteAffiche> Postes { get; private set; } = [];

    protected override string Adresse => "/Placement";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() => [new("statut", Statut?.ToString())];

    public async Task OnGetAsync(CancellationToken annulation) =>
        Postes = (await ListerAsync(AccesPlacement.Postes(db, statut: Statut), annulation)).Elements;
}
