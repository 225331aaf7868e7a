using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using MoisCalendaire = Clause.Domain.Commun.Mois;

namespace Clause.Infrastructure.Heures;

/// <summary>
/// The database side of the counting (DOMAIN.md §7.1, §7.3, §8): sums grouped in SQL over integer minutes (never a
/// load of every line), handed to the domain's <see cref="Comptage"/> for the arithmetic. The filter of a counted line
/// is the one of <see cref="Comptage.EstComptee"/>: current version validated, not out of period, contrat validated
/// with a valid eligibility. Scoped to the current structure by the tenant filter.
/// </summary>
public sealed class RequetesHeures(ClauseDbContext db)
{
    /// <summary>
    /// The participant's month before a line of <paramref name="contratId"/> is written: the minutes of their other
    /// current, non-rejected lines of the month on every lot, and this contrat's existing line, if any.
    /// </summary>
    public async Task<SituationMois> SituationAsync(Guid participantId, Guid contratId, MoisCalendaire mois, CancellationToken annulation = default)
    {
        var code = mois.Code;
        var existante = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.ContratId == contratId && d.Mois == code)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        var autres = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.ParticipantId == participantId && d.Mois == code && d.ContratId != contratId && d.Statut != StatutDeclaration.Rejetee)
            .SumAsync(d => d.Minutes, annulation).ConfigureAwait(false);
        return new SituationMois(autres, existante);
    }

    /// <summary>Counted minutes per lot and month, split training / the rest — grouped in the database.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MinutesDuMois>>> MinutesCompteesAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id);
        var groupes = await (
                from d in db.DeclarationsHeures
                join c in db.Contrats on d.ContratId equals c.Id
                where ids.Contains(d.LotId)
                      && d.Statut == StatutDeclaration.Validee && !d.HorsPeriode
                      && c.Statut == StatutContrat.Valide && c.EligibiliteValide
                group d.Minutes by new { d.LotId, d.Mois, Formation = c.Modalite == ModaliteContrat.Formation } into g
                select new { g.Key.LotId, g.Key.Mois, g.Key.Formation, Minutes = g.Sum() })
            .ToListAsync(annulation).ConfigureAwait(false);
        return groupes.GroupBy(g => g.LotId).ToDictionary(
            parLot => parLot.Key,
            parLot => (IReadOnlyList<MinutesDuMois>)parLot.GroupBy(g => g.Mois).OrderBy(g => g.Key)
                .Select(g => new MinutesDuMois(MoisCalendaire.DepuisCode(g.Key),
                    g.Where(x => !x.Formation).Sum(x => x.Minutes), g.Where(x => x.Formation).Sum(x => x.Minutes)))
                .ToList());
    }

    /// <summary>Pending minutes per lot: current lines « déclarées », in period, on contrats not refused.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> MinutesEnAttenteAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id);
        return await (
                from d in db.DeclarationsHeures
                join c in db.Contrats on d.ContratId equals c.Id
                where ids.Contains(d.LotId) && d.Statut == StatutDeclaration.Declaree && !d.HorsPeriode && c.Statut != StatutContrat.Refuse
                group d.Minutes by d.LotId into g
                select new { LotId = g.Key, Minutes = g.Sum() })
            .ToDictionaryAsync(x => x.LotId, x => x.Minutes, annulation).ConfigureAwait(false);
    }

    /// <summary>Hours due, realised, pending, remaining and rates of each lot of <paramref name="lots"/> (every lot gets an entry).</summary>
    public async Task<IReadOnlyDictionary<Guid, BilanHeures>> BilansAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var parametres = await lots.AsNoTracking()
            .Select(l => new { l.Id, Parametres = new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb) })
            .ToListAsync(annulation).ConfigureAwait(false);
        var comptees = await MinutesCompteesAsync(lots, annulation).ConfigureAwait(false);
        var enAttente = await MinutesEnAttenteAsync(lots, annulation).ConfigureAwait(false);
        return parametres.ToDictionary(p => p.Id, p => Comptage.Bilan(p.Parametres,
            comptees.TryGetValue(p.Id, out var mois) ? mois : [],
            enAttente.TryGetValue(p.Id, out var attente) ? attente : 0));
    }

    /// <summary>The figures of several lots by id (unknown or other structures' ids are left out).</summary>
    public Task<IReadOnlyDictionary<Guid, BilanHeures>> BilansAsync(IReadOnlyCollection<Guid> lotIds, CancellationToken annulation = default) =>
        BilansAsync(db.Lots.Where(l => lotIds.Contains(l.Id)), annulation);

    /// <summary>The figures of one lot, or null when it does not exist in the current structure.</summary>
    public async Task<BilanHeures?> BilanAsync(Guid lotId, CancellationToken annulation = default)
    {
        var bilans = await BilansAsync(db.Lots.Where(l => l.Id == lotId), annulation).ConfigureAwait(false);
        return bilans.TryGetValue(lotId, out var bilan) ? bilan : null;
    }

    /// <summary>Several lots added up, with the capped aggregate rate Σ min(réalisées, dues) / Σ dues (§7.6).</summary>
    public async Task<BilanHeures> TotalAsync(IQueryable<Lot> lots, CancellationToken annulation = default) =>
        Comptage.Agreger((await BilansAsync(lots, annulation).ConfigureAwait(false)).Values);

    /// <summary>The burn-up of a lot: counted minutes per month and cumulated, without gaps (empty when nothing counts yet).</summary>
    public async Task<IReadOnlyList<PointSerie>> SerieAsync(Guid lotId, CancellationToken annulation = default)
    {
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Select(l => new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb))
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (lot is null) return [];
        var comptees = await MinutesCompteesAsync(db.Lots.Where(l => l.Id == lotId), annulation).ConfigureAwait(false);
        return comptees.TryGetValue(lotId, out var mois) ? Comptage.Serie(lot, mois) : [];
    }
}
