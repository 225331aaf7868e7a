using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Acheteur;

/// <summary>The buyer's home: its opérations, its lots (paged) with their figures and forecast, the links to the bilans.</summary>
public sealed class IndexModel(ClauseDbContext db, RequetesHeures requetes) : PageListe
{
    public const int TailleLots = 10;

    public string DonneurOrdre { get; private set; } = string.Empty;

    public Guid DonneurOrdreId { get; private set; }

    public IReadOnlyList<OperationAcheteur> Operations { get; private set; } = [];

    public IReadOnlyList<LotAcheteur> Lots { get; private set; } = [];

    protected override string Adresse => "/Acheteur";

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var donneurOrdreId = db.Contexte.DonneurOrdreId;
        DonneurOrdreId = donneurOrdreId?.Valeur ?? Guid.Empty;
        DonneurOrdre = await db.DonneursOrdre.AsNoTracking().Where(d => donneurOrdreId != null && d.Id == donneurOrdreId)
            .Select(d => d.RaisonSociale).FirstOrDefaultAsync(annulation) ?? string.Empty;
        Operations = await AccueilAcheteur.OperationsAsync(db, annulation);
        var lots = await ListerAsync(AccueilAcheteur.LotsDuDonneur(db), TailleLots, annulation);
        Lots = await AccueilAcheteur.LotsAsync(db, requetes, lots.Elements, annulation);
    }
}
