using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Heures;

/// <summary>
/// Whether a lot is behind schedule on a day (docs/domain.md §18 « lot en retard »): the rule of <see cref="ReglesAlertes"/>
/// (realised under the réglage's share of the target line at the end of the last complete month, or the forecast's
/// projection under that share of the hours due), evaluated for a set of lots — read by the « lot en retard » alert and by
/// the lots' cockpit (its « en retard » filter), so that both say the same. Four commands whatever the number of lots:
/// the lots' dates, their sums (<see cref="RequetesHeures.BilansAsync(IQueryable{Lot}, CancellationToken)"/>) and their
/// forecasts (<see cref="RequetesHeures.PrevisionsAsync"/>, two).
/// </summary>
public static class RetardsLots
{
    /// <summary>The lots the rule can judge: in execution, with hours due, started by the end of the month checked.</summary>
    public static IQueryable<Lot> Candidats(IQueryable<Lot> lots, Mois moisVerifie)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var fin = moisVerifie.Dernier;
        return lots.Where(l => l.Statut == StatutLot.EnExecution && l.HeuresDuesMinutes > 0 && l.DebutExecution <= fin);
    }

    /// <summary>The verdict of each candidate of <paramref name="lots"/> on <paramref name="aujourdhui"/> (every candidate gets an entry).</summary>
    public static async Task<IReadOnlyDictionary<LotId, RetardLot>> EvaluerAsync(RequetesHeures requetes, IQueryable<Lot> lots, DateOnly aujourdhui,
        int seuilPdb, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(requetes);
        var moisVerifie = ReglesAlertes.MoisVerifie(aujourdhui);
        var candidats = Candidats(lots, moisVerifie);
        var dates = await candidats.AsNoTracking().Select(l => new { l.Id, l.DebutExecution, l.FinExecution, l.HeuresDuesMinutes })
            .ToListAsync(annulation).ConfigureAwait(false);
        if (dates.Count == 0) return new Dictionary<LotId, RetardLot>();
        var bilans = await requetes.BilansAsync(candidats, annulation).ConfigureAwait(false);
        var previsions = await requetes.PrevisionsAsync(candidats, annulation).ConfigureAwait(false);
        var retards = new Dictionary<LotId, RetardLot>();
        foreach (var l in dates)
        {
            var realisees = bilans.TryGetValue(l.Id, out var b) ? b.Realisees : new Duree(0);
            var cible = CibleLineaire.FinDuMois(l.DebutExecution, l.FinExecution, l.HeuresDuesMinutes, moisVerifie);
            var prevision = previsions.GetValueOrDefault(l.Id);
            retards.Add(l.Id, new RetardLot(moisVerifie, realisees, cible, prevision,
                ReglesAlertes.EnRetard(realisees, cible, seuilPdb),
                ReglesAlertes.PrevisionEnRetard(prevision, l.HeuresDuesMinutes, seuilPdb)));
        }
        return retards;
    }
}

/// <summary>A lot's verdict: the month checked, its realised hours and target then, its forecast, and which clause holds.</summary>
public sealed record RetardLot(Mois MoisVerifie, Duree Realisees, Duree Cible, PrevisionLot? Prevision, bool SousCible, bool SousPrevision)
{
    public bool EnRetard => SousCible || SousPrevision;
}
