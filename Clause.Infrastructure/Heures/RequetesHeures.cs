using System.Linq.Expressions;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Totaux;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Heures;

/// <summary>
/// The database side of the counting (DOMAIN.md §7.1, §7.3, §8): sums grouped in SQL over integer minutes (never a
/// load of every line), handed to the domain's <see cref="Comptage"/> for the arithmetic. Which line counts and which
/// is pending is never written here: every query joins the lines to their contrats (<see cref="Lignes"/>) and filters
/// with <see cref="Comptage.Comptee"/> or <see cref="Comptage.EnAttente"/>, the domain's one definition. Scoped to the
/// current structure by the tenant filter. Past months compiled and not dirty are read from the compiled totals
/// (<see cref="TotalMensuelLot"/>, DOMAIN.md §8), the others from the lines, inside the same command: the pages and the
/// API never know which (docs/domain.md « Totaux compilés »). Without a clock, the system's.
/// </summary>
public sealed class RequetesHeures(ClauseDbContext db, TimeProvider? horloge = null)
{
    private static readonly TimeZoneInfo FuseauParis = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

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

    /// <summary>
    /// Counted minutes per lot and month, split training / the rest — grouped in the database, in one command: the months
    /// served by the compiled totals (<see cref="ServiesCompilees"/>) from <see cref="TotalMensuelLot"/>, the others from the
    /// lines, so the figures are the same either way.
    /// </summary>
    public async Task<IReadOnlyDictionary<LotId, IReadOnlyList<MinutesDuMois>>> MinutesCompteesAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id);
        var courant = MoisCourant();
        var vivantes = Lignes(db.DeclarationsHeures.Where(d => ids.Contains(d.LotId)).Where(LuesEnDirect(courant)))
            .Where(Comptage.Comptee)
            .GroupBy(l => new { l.Ligne.LotId, l.Ligne.Mois, Formation = l.Contrat.Modalite == ModaliteContrat.Formation }, l => l.Ligne.Minutes)
            .Select(g => new { g.Key.LotId, g.Key.Mois, g.Key.Formation, Minutes = g.Sum() });
        var compilees = db.TotauxMensuelsLots.Where(t => ids.Contains(t.LotId) && t.MinutesComptees > 0).Where(ServiesCompilees(courant))
            .GroupBy(t => new { t.LotId, t.Mois, Formation = t.Modalite == ModaliteContrat.Formation }, t => t.MinutesComptees)
            .Select(g => new { g.Key.LotId, g.Key.Mois, g.Key.Formation, Minutes = g.Sum() });
        var groupes = await vivantes.Concat(compilees).ToListAsync(annulation).ConfigureAwait(false);
        return groupes.GroupBy(g => g.LotId).ToDictionary(
            parLot => parLot.Key,
            parLot => (IReadOnlyList<MinutesDuMois>)parLot.GroupBy(g => g.Mois).OrderBy(g => g.Key)
                .Select(g => new MinutesDuMois(g.Key,
                    g.Where(x => !x.Formation).Sum(x => x.Minutes), g.Where(x => x.Formation).Sum(x => x.Minutes)))
                .ToList());
    }

    /// <summary>
    /// Counted and pending minutes per lot, month, modality and contract type up to <paramref name="jusquA"/> included (the
    /// grain of <see cref="TotalMensuelLot"/>): ONE command, the months served by the compiled totals read from them, the
    /// others from the lines grouped in the database (the bilans, DOMAIN.md §9).
    /// </summary>
    public async Task<IReadOnlyList<MinutesDetaillees>> MinutesDetailleesAsync(IQueryable<Lot> lots, Mois jusquA, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id);
        var courant = MoisCourant();
        var vivantes = Lignes(db.DeclarationsHeures.Where(d => ids.Contains(d.LotId) && d.Mois <= jusquA).Where(LuesEnDirect(courant)))
            .GroupBy(l => new { l.Ligne.LotId, l.Ligne.Mois, l.Contrat.Modalite, l.Contrat.TypeContrat })
            .Select(g => new SourceDetaillee
            {
                LotId = g.Key.LotId,
                Mois = g.Key.Mois,
                Modalite = g.Key.Modalite,
                TypeContrat = g.Key.TypeContrat,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
            });
        var compilees = db.TotauxMensuelsLots.Where(t => ids.Contains(t.LotId) && t.Mois <= jusquA).Where(ServiesCompilees(courant))
            .Select(t => new SourceDetaillee
            {
                LotId = t.LotId,
                Mois = t.Mois,
                Modalite = t.Modalite,
                TypeContrat = t.TypeContrat,
                Comptees = t.MinutesComptees,
                EnAttente = t.MinutesEnAttente,
            });
        var lignes = await vivantes.Concat(compilees).ToListAsync(annulation).ConfigureAwait(false);
        return lignes.Where(l => l.Comptees != 0 || l.EnAttente != 0)
            .Select(l => new MinutesDetaillees(l.LotId, l.Mois, l.Modalite, l.TypeContrat, l.Comptees, l.EnAttente)).ToList();
    }

    /// <summary>Pending minutes per lot (<see cref="Comptage.EnAttente"/>), compiled months from the compiled totals.</summary>
    public async Task<IReadOnlyDictionary<LotId, long>> MinutesEnAttenteAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        return await SommesParLot(lots).Where(s => s.EnAttente > 0)
            .ToDictionaryAsync(x => x.LotId, x => x.EnAttente, annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// Hours due, realised, pending, remaining and rates of each lot of <paramref name="lots"/> (every lot gets an entry):
    /// ONE command, one row per lot (its parameters and its sums, compiled months from the compiled totals), then the
    /// domain's arithmetic (<see cref="Comptage.Bilan(ParametresComptage, IEnumerable{MinutesDuMois}, long)"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<LotId, BilanHeures>> BilansAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var sommes = SommesParLot(lots);
        var lignes = await (
                from l in lots.AsNoTracking()
                join s in sommes on l.Id equals s.LotId into parLot
                from s in parLot.DefaultIfEmpty()
                select new
                {
                    l.Id,
                    l.HeuresDuesMinutes,
                    l.FormationComptabilisee,
                    l.PlafondFormationPdb,
                    HorsFormation = (long?)s!.HorsFormation,
                    Formation = (long?)s.Formation,
                    EnAttente = (long?)s.EnAttente,
                })
            .ToListAsync(annulation).ConfigureAwait(false);
        return lignes.ToDictionary(l => l.Id, l => Comptage.Bilan(
            new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb),
            [new MinutesDuMois(default, l.HorsFormation ?? 0, l.Formation ?? 0)], l.EnAttente ?? 0));
    }

    /// <summary>
    /// Per lot of <paramref name="lots"/> having lines: counted minutes outside and inside training, and pending minutes,
    /// over every month — the compiled months from <see cref="TotalMensuelLot"/>, the others from the lines (a query, not run).
    /// </summary>
    private IQueryable<SommesLot> SommesParLot(IQueryable<Lot> lots)
    {
        var ids = lots.Select(l => l.Id);
        var courant = MoisCourant();
        var vivantes = Lignes(db.DeclarationsHeures.Where(d => ids.Contains(d.LotId)).Where(LuesEnDirect(courant)))
            .GroupBy(l => new { l.Ligne.LotId, Formation = l.Contrat.Modalite == ModaliteContrat.Formation })
            .Select(g => new SourceSommes
            {
                LotId = g.Key.LotId,
                Formation = g.Key.Formation,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
            });
        var compilees = db.TotauxMensuelsLots.Where(t => ids.Contains(t.LotId)).Where(ServiesCompilees(courant))
            .GroupBy(t => new { t.LotId, Formation = t.Modalite == ModaliteContrat.Formation })
            .Select(g => new SourceSommes
            {
                LotId = g.Key.LotId,
                Formation = g.Key.Formation,
                Comptees = g.Sum(t => t.MinutesComptees),
                EnAttente = g.Sum(t => t.MinutesEnAttente),
            });
        return vivantes.Concat(compilees)
            .GroupBy(s => s.LotId)
            .Select(g => new SommesLot
            {
                LotId = g.Key,
                HorsFormation = g.Where(s => !s.Formation).Sum(s => s.Comptees),
                Formation = g.Where(s => s.Formation).Sum(s => s.Comptees),
                EnAttente = g.Sum(s => s.EnAttente),
            });
    }

    /// <summary>
    /// The months read from the compiled totals (docs/domain.md « Totaux compilés »): a past month (before the current
    /// one), compiled, and not dirty since — a dirty month not yet recompiled is read live, never stale.
    /// </summary>
    private Expression<Func<TotalMensuelLot, bool>> ServiesCompilees(Mois courant) =>
        t => t.Mois < courant
             && db.MoisCompiles.Any(c => c.StructureId == t.StructureId && c.Mois == t.Mois)
             && !db.MoisSales.Any(m => m.StructureId == t.StructureId && m.Mois == t.Mois);

    /// <summary>The exact complement of <see cref="ServiesCompilees"/> on the lines: the months read live.</summary>
    private Expression<Func<DeclarationHeures, bool>> LuesEnDirect(Mois courant) =>
        d => !(d.Mois < courant
               && db.MoisCompiles.Any(c => c.StructureId == d.StructureId && c.Mois == d.Mois)
               && !db.MoisSales.Any(m => m.StructureId == d.StructureId && m.Mois == d.Mois));

    /// <summary>The current month (Europe/Paris) of the injected clock: always read live.</summary>
    private Mois MoisCourant() => MoisEnCours(horloge ?? TimeProvider.System);

    /// <summary>The month of <paramref name="horloge"/>'s date in Europe/Paris (DOMAIN.md §2).</summary>
    public static Mois MoisEnCours(TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(horloge);
        return Mois.De(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), FuseauParis).DateTime));
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

    /// <summary>
    /// The forecast (docs/domain.md « Prévision des heures d'un lot ») of each lot of <paramref name="lots"/> in execution
    /// with hours due (<see cref="Prevision.Concerne"/>) that has at least one counted month of execution: two commands
    /// whatever the number of lots — the lots' parameters with their structure's declaration due day, and their counted
    /// minutes per month (<see cref="MinutesCompteesAsync"/>, past months from the compiled totals) — then
    /// <see cref="Prevision.Calculer(ParametresComptage, DateOnly, DateOnly, IEnumerable{MinutesDuMois}, Mois)"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<LotId, PrevisionLot>> PrevisionsAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var concernes = lots.Where(Prevision.Concerne);
        var parametres = await concernes.AsNoTracking()
            .Select(l => new
            {
                l.Id,
                l.HeuresDuesMinutes,
                l.FormationComptabilisee,
                l.PlafondFormationPdb,
                l.DebutExecution,
                l.FinExecution,
                JourLimite = db.Reglages.Where(r => r.StructureId == l.StructureId).Select(r => (int?)r.JourLimiteDeclaration).FirstOrDefault(),
            })
            .ToListAsync(annulation).ConfigureAwait(false);
        var comptees = await MinutesCompteesAsync(concernes, annulation).ConfigureAwait(false);
        var aujourdhui = AujourdhuiParis(horloge ?? TimeProvider.System);
        var previsions = new Dictionary<LotId, PrevisionLot>();
        foreach (var l in parametres)
        {
            var prevision = Prevision.Calculer(new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb),
                l.DebutExecution, l.FinExecution, comptees.TryGetValue(l.Id, out var mois) ? mois : [],
                Prevision.DernierMoisCompte(aujourdhui, l.JourLimite ?? Reglages.JourLimiteDeclarationDefaut));
            if (prevision is not null) previsions.Add(l.Id, prevision);
        }
        return previsions;
    }

    /// <summary>The date of <paramref name="horloge"/> in Europe/Paris (DOMAIN.md §2).</summary>
    public static DateOnly AujourdhuiParis(TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(horloge);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), FuseauParis).DateTime);
    }

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

/// <summary>Counted and pending minutes of one lot, training apart, from one source (lines read live or compiled rows).</summary>
internal sealed class SourceSommes
{
    public LotId LotId { get; init; }

    public bool Formation { get; init; }

    public long Comptees { get; init; }

    public long EnAttente { get; init; }
}

/// <summary>Minutes of one lot, month, modality and type, from one source (lines read live or compiled rows).</summary>
internal sealed class SourceDetaillee
{
    public LotId LotId { get; init; }

    public Mois Mois { get; init; }

    public ModaliteContrat Modalite { get; init; }

    public TypeContrat TypeContrat { get; init; }

    public long Comptees { get; init; }

    public long EnAttente { get; init; }
}

/// <summary>The sums of one lot over every month.</summary>
internal sealed class SommesLot
{
    public LotId LotId { get; init; }

    public long HorsFormation { get; init; }

    public long Formation { get; init; }

    public long EnAttente { get; init; }
}

/// <summary>One month of some lines: minutes counted (§7.3), minutes pending, number of lines.</summary>
public sealed record HeuresDuMois(Mois Mois, long CompteesMinutes, long EnAttenteMinutes, int Lignes);
