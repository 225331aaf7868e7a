using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Heures;

/// <summary>
/// The database side of the counting (DOMAIN.md §7.1, §7.3, §8): sums grouped in SQL over integer minutes (never a
/// load of every line), handed to the domain's <see cref="Comptage"/> for the arithmetic. Which line counts and which
/// is pending is never written here: every query joins the lines to their contrats (<see cref="Lignes"/>) and filters
/// with <see cref="Comptage.Comptee"/> or <see cref="Comptage.EnAttente"/>, the domain's one definition. Scoped to the
/// current structure by the tenant filter.
/// </summary>
public sealed class RequetesHeures(ClauseDbContext db)
{
    /// <summary>
    /// The participant's month before a line of <paramref name="contratId"/> is written: the minutes of their other
    /// current, non-rejected lines of the month on every lot, and this contrat's existing line, if any.
    /// </summary>
    public async Task<SituationMois> SituationAsync(ParticipantId participantId, ContratId contratId, Mois mois, CancellationToken annulation = default)
    {
        var existante = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.ContratId == contratId && d.Mois == mois)
            .Select(d => (DeclarationId?)d.Id).FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        var autres = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.ParticipantId == participantId && d.Mois == mois && d.ContratId != contratId)
            .Where(Comptage.PeseSurLeMaximumMensuel)
            .SumAsync(d => d.Minutes, annulation).ConfigureAwait(false);
        return new SituationMois(autres, existante);
    }

    /// <summary>
    /// The given lines joined to their contrats, in the shape the domain's rules read: every counting query starts here
    /// and filters with <see cref="Comptage.Comptee"/> or <see cref="Comptage.EnAttente"/>.
    /// </summary>
    public IQueryable<LigneComptage> Lignes(IQueryable<DeclarationHeures> declarations) =>
        from d in declarations
        join c in db.Contrats on d.ContratId equals c.Id
        select new LigneComptage { Ligne = d, Contrat = c };

    /// <summary>
    /// Per month of the given lines (a participant's, a contrat's), the minutes that count, those pending and the
    /// number of lines — one query grouped in the database, latest month first.
    /// </summary>
    public async Task<IReadOnlyList<HeuresDuMois>> ParMoisAsync(IQueryable<DeclarationHeures> declarations, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var mois = await (
                from l in Lignes(declarations)
                group l by l.Ligne.Mois into g
                orderby g.Key descending
                select new
                {
                    Mois = g.Key,
                    Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                    EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
                    Lignes = g.Count(),
                })
            .ToListAsync(annulation).ConfigureAwait(false);
        return mois.Select(m => new HeuresDuMois(m.Mois, m.Comptees, m.EnAttente, m.Lignes)).ToList();
    }

    /// <summary>Counted minutes per lot and month, split training / the rest — grouped in the database.</summary>
    public async Task<IReadOnlyDictionary<LotId, IReadOnlyList<MinutesDuMois>>> MinutesCompteesAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id);
        var groupes = await Lignes(db.DeclarationsHeures.Where(d => ids.Contains(d.LotId)))
            .Where(Comptage.Comptee)
            .GroupBy(l => new { l.Ligne.LotId, l.Ligne.Mois, Formation = l.Contrat.Modalite == ModaliteContrat.Formation }, l => l.Ligne.Minutes)
            .Select(g => new { g.Key.LotId, g.Key.Mois, g.Key.Formation, Minutes = g.Sum() })
            .ToListAsync(annulation).ConfigureAwait(false);
        return groupes.GroupBy(g => g.LotId).ToDictionary(
            parLot => parLot.Key,
            parLot => (IReadOnlyList<MinutesDuMois>)parLot.GroupBy(g => g.Mois).OrderBy(g => g.Key)
                .Select(g => new MinutesDuMois(g.Key,
                    g.Where(x => !x.Formation).Sum(x => x.Minutes), g.Where(x => x.Formation).Sum(x => x.Minutes)))
                .ToList());
    }

    /// <summary>Pending minutes per lot (<see cref="Comptage.EnAttente"/>).</summary>
    public async Task<IReadOnlyDictionary<LotId, long>> MinutesEnAttenteAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id);
        return await Lignes(db.DeclarationsHeures.Where(d => ids.Contains(d.LotId)))
            .Where(Comptage.EnAttente)
            .GroupBy(l => l.Ligne.LotId, l => l.Ligne.Minutes)
            .Select(g => new { LotId = g.Key, Minutes = g.Sum() })
            .ToDictionaryAsync(x => x.LotId, x => x.Minutes, annulation).ConfigureAwait(false);
    }

    /// <summary>Hours due, realised, pending, remaining and rates of each lot of <paramref name="lots"/> (every lot gets an entry).</summary>
    public async Task<IReadOnlyDictionary<LotId, BilanHeures>> BilansAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
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
    public Task<IReadOnlyDictionary<LotId, BilanHeures>> BilansAsync(IReadOnlyCollection<LotId> lotIds, CancellationToken annulation = default) =>
        BilansAsync(db.Lots.Where(l => lotIds.Contains(l.Id)), annulation);

    /// <summary>The figures of one lot, or null when it does not exist in the current structure.</summary>
    public async Task<BilanHeures?> BilanAsync(LotId lotId, CancellationToken annulation = default)
    {
        var bilans = await BilansAsync(db.Lots.Where(l => l.Id == lotId), annulation).ConfigureAwait(false);
        return bilans.TryGetValue(lotId, out var bilan) ? bilan : null;
    }

    /// <summary>Several lots added up, with the capped aggregate rate Σ min(réalisées, dues) / Σ dues (§7.6).</summary>
    public async Task<BilanHeures> TotalAsync(IQueryable<Lot> lots, CancellationToken annulation = default) =>
        Comptage.Agreger((await BilansAsync(lots, annulation).ConfigureAwait(false)).Values);

    /// <summary>The burn-up of a lot: counted minutes per month and cumulated, without gaps (empty when nothing counts yet).</summary>
    public async Task<IReadOnlyList<PointSerie>> SerieAsync(LotId lotId, CancellationToken annulation = default)
    {
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Select(l => new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb))
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (lot is null) return [];
        var comptees = await MinutesCompteesAsync(db.Lots.Where(l => l.Id == lotId), annulation).ConfigureAwait(false);
        return comptees.TryGetValue(lotId, out var mois) ? Comptage.Serie(lot, mois) : [];
    }
}

/// <summary>One month of some lines: minutes counted (§7.3), minutes pending, number of lines.</summary>
public sealed record HeuresDuMois(Mois Mois, long CompteesMinutes, long EnAttenteMinutes, int Lignes);
