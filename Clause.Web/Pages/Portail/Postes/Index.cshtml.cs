using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Placement;

namespace Clause.Web.Pages.Portail.Postes;

/// <summary>The company's postes à pourvoir (issue 14 item 2), 10 per page: its own only (<see cref="AccesPlacement.PostesDuPortail"/>).</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const int Taille = 10;

    public IReadOnlyList<PosteAffiche> Postes { get; private set; } = [];

    protected override string Adresse => "/Portail/Postes";

    public async Task OnGetAsync(CancellationToken annulation) =>
        Postes = (await ListerAsync(AccesPlacement.PostesDuPortail(db), Taille, annulation)).Elements;
}
