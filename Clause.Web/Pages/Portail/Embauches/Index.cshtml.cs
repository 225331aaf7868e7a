using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Portail.Embauches;

/// <summary>The company's hire proposals with their status in words (« en attente », « validé », « refusé (motif) »), 10 per page.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const int Taille = 10;

    public IReadOnlyList<PropositionDuPortail> Propositions { get; private set; } = [];

    protected override string Adresse => "/Portail/Embauches";

    public async Task OnGetAsync(CancellationToken annulation) =>
        Propositions = (await ListerAsync(EmbauchesDuPortail.Propositions(db), Taille, annulation)).Elements;
}
