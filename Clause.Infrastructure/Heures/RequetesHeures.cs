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
using Microsoft.EntityFrameworkCore.Query;

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
    /// The lines of <paramref name="lots"/> up to <paramref name="jusquA"/> included, read ONCE for a bilan (DOMAIN.md §9,
    /// docs/performance.md « Bilan de la structure »): one narrow row per line (<see cref="LigneDuBilan"/>), joined once to
    /// its contrat (<see cref="Lignes"/>), with the domain's rules evaluated by the database as columns
    /// (<see cref="Comptage.Comptee"/>, <see cref="Comptage.EnAttente"/>, <see cref="Comptage.HorsPeriodeListee"/>: the
    /// expressions themselves, spliced into the projection) and whether its month is read live; and the rows of the months
    /// served by the compiled totals (<see cref="ServiesCompilees"/>, the grain of <see cref="TotalMensuelLot"/>). Two
    /// commands whatever the number of lines. <paramref name="lots"/> null: every lot of the current structure — its lines
    /// by the tenant filter alone (the index on structure and month), no list of lots tested on each line. The caller adds up the minutes per lot, month, modality and type from the
    /// lines read live and the compiled rows, so the figures are the same compiled or not (RequetesBilans).
    /// </summary>
    public async Task<LignesDesLots> LignesDesLotsAsync(IQueryable<Lot>? lots, Mois jusquA, CancellationToken annulation = default)
    {
        var declarations = db.DeclarationsHeures.Where(d => d.Mois <= jusquA);
        var totaux = db.TotauxMensuelsLots.Where(t => t.Mois <= jusquA);
        if (lots is not null)
        {
            var ids = lots.Select(l => l.Id);
            declarations = declarations.Where(d => ids.Contains(d.LotId));
            totaux = totaux.Where(t => ids.Contains(t.LotId));
        }
        var courant = MoisCourant();
        var lignes = await Lignes(declarations)
            .Select(Etroite(LuesEnDirect(courant)))
            .ToListAsync(annulation).ConfigureAwait(false);
        var compilees = await totaux.AsNoTracking()
            .Where(t => t.MinutesComptees != 0 || t.MinutesEnAttente != 0)
            .Where(ServiesCompilees(courant))
            .Select(t => new { t.LotId, t.Mois, t.Modalite, t.TypeContrat, t.MinutesComptees, t.MinutesEnAttente })
            .ToListAsync(annulation).ConfigureAwait(false);
        return new LignesDesLots(lignes,
            [.. compilees.Select(t => new MinutesDetaillees(t.LotId, t.Mois, t.Modalite, t.TypeContrat, t.MinutesComptees, t.MinutesEnAttente))]);
    }

    /// <summary>
    /// The projection of <see cref="LignesDesLotsAsync"/>: the rules' bodies (and <paramref name="enDirect"/>, on the line)
    /// put in place of the flags, so that the database evaluates each once per line and nothing of them is written here.
    /// </summary>
    private static Expression<Func<LigneComptage, LigneDuBilan>> Etroite(Expression<Func<DeclarationHeures, bool>> enDirect)
    {
        Expression<Func<LigneComptage, bool, bool, bool, bool, LigneDuBilan>> modele = (l, comptee, enAttente, horsPeriode, directe) => new LigneDuBilan
        {
            LotId = l.Ligne.LotId,
            ContratId = l.Ligne.ContratId,
            Mois = l.Ligne.Mois,
            Minutes = l.Ligne.Minutes,
            Modalite = l.Contrat.Modalite,
            TypeContrat = l.Contrat.TypeContrat,
            Comptee = comptee,
            EnAttente = enAttente,
            HorsPeriode = horsPeriode,
            Directe = directe,
        };
        var l = modele.Parameters[0];
        Expression Regle(Expression<Func<LigneComptage, bool>> regle) => ReplacingExpressionVisitor.Replace(regle.Parameters[0], l, regle.Body);
        var corps = ReplacingExpressionVisitor.Replace(modele.Parameters[1], Regle(Comptage.Comptee), modele.Body);
        corps = ReplacingExpressionVisitor.Replace(modele.Parameters[2], Regle(Comptage.EnAttente), corps);
        corps = ReplacingExpressionVisitor.Replace(modele.Parameters[3], Regle(Comptage.HorsPeriodeListee), corps);
        corps = ReplacingExpressionVisitor.Replace(modele.Parameters[4],
            ReplacingExpressionVisitor.Replace(enDirect.Parameters[0], Expression.Property(l, nameof(LigneComptage.Ligne)), enDirect.Body), corps);
        return Expression.Lambda<Func<LigneComptage, LigneDuBilan>>(corps, l);
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
    /// ONE command, one row per lot (<see cref="Sommes"/>), then the domain's per-lot figures
    /// (<see cref="Comptage.Bilan(SommesDuLot)"/>, the compiled form of the expressions <see cref="TotalAsync"/> sums in SQL).
    /// </summary>
    public async Task<IReadOnlyDictionary<LotId, BilanHeures>> BilansAsync(IQueryable<Lot> lots, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var sommes = await Sommes(lots).ToListAsync(annulation).ConfigureAwait(false);
        return sommes.ToDictionary(s => s.LotId, Comptage.Bilan);
    }

    /// <summary>
    /// One row per lot of <paramref name="lots"/> (zeros for a lot without lines): its counting parameters and its sums
    /// over every month, compiled months from the compiled totals — a query, not run, for a page to join to what it shows
    /// of the lots (the home page: the lots shown and their figures in one command).
    /// </summary>
    public IQueryable<SommesDuLot> Sommes(IQueryable<Lot> lots)
    {
        ArgumentNullException.ThrowIfNull(lots);
        return from l in lots.AsNoTracking()
               join s in SommesParLot(lots) on l.Id equals s.LotId into parLot
               from s in parLot.DefaultIfEmpty()
               select new SommesDuLot
               {
                   LotId = l.Id,
                   HeuresDuesMinutes = l.HeuresDuesMinutes,
                   FormationComptabilisee = l.FormationComptabilisee,
                   PlafondFormationPdb = l.PlafondFormationPdb,
                   MinutesHorsFormation = (long?)s!.HorsFormation ?? 0,
                   MinutesFormation = (long?)s.Formation ?? 0,
                   EnAttenteMinutes = (long?)s.EnAttente ?? 0,
               };
    }

    /// <summary>
    /// One row per lot of <paramref name="lots"/>: its realised minutes (<see cref="Comptage.RealiseesDuLot"/>, the domain's
    /// expression spliced into the projection, evaluated by the database) and its pending minutes — a query, not run, that a
    /// list joins to its rows to filter and sort on the realised hours of every lot in one command (the lots' cockpit).
    /// </summary>
    public IQueryable<RealiseDuLot> Realisees(IQueryable<Lot> lots)
    {
        var s = Expression.Parameter(typeof(SommesDuLot), "s");
        var realisees = new RemplacementParametre(Comptage.RealiseesDuLot.Parameters[0], s).Visit(Comptage.RealiseesDuLot.Body);
        var selecteur = Expression.Lambda<Func<SommesDuLot, RealiseDuLot>>(Expression.MemberInit(Expression.New(typeof(RealiseDuLot)),
            Expression.Bind(typeof(RealiseDuLot).GetProperty(nameof(RealiseDuLot.LotId))!, Expression.Property(s, nameof(SommesDuLot.LotId))),
            Expression.Bind(typeof(RealiseDuLot).GetProperty(nameof(RealiseDuLot.Minutes))!, realisees),
            Expression.Bind(typeof(RealiseDuLot).GetProperty(nameof(RealiseDuLot.EnAttenteMinutes))!, Expression.Property(s, nameof(SommesDuLot.EnAttenteMinutes)))), s);
        return Sommes(lots).Select(selecteur);
    }

    /// <summary>
    /// The lots of <paramref name="lots"/> added up in ONE SQL aggregate over the per-lot rows of <see cref="Sommes"/>:
    /// their number and Σ dues, Σ réalisées, Σ en attente, and the two rates' numerators — each per-lot figure being the
    /// domain's expression (<see cref="Comptage.RealiseesDuLot"/>, <see cref="Comptage.RealiseesAuTauxDuLot"/>,
    /// <see cref="Comptage.RealiseesPlafonneesDuLot"/>) evaluated by the database, so the capped aggregate rate
    /// Σ min(réalisées, dues) / Σ dues (§7.6) never loads a row per lot.
    /// </summary>
    public Task<TotalLots> TotalLotsAsync(IQueryable<Lot> lots, CancellationToken annulation = default) =>
        AdditionnerAsync(Sommes(lots), annulation);

    /// <summary>Per-lot rows added up by the database in one aggregate (see <see cref="TotalLotsAsync"/>).</summary>
    public static async Task<TotalLots> AdditionnerAsync(IQueryable<SommesDuLot> sommes, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(sommes);
        var total = await sommes
            .GroupBy(s => 1)
            .Select(g => new
            {
                Lots = g.Count(),
                Dues = g.Sum(s => s.HeuresDuesMinutes),
                Realisees = g.AsQueryable().Sum(Comptage.RealiseesDuLot),
                EnAttente = g.Sum(s => s.EnAttenteMinutes),
                AuTaux = g.AsQueryable().Sum(Comptage.RealiseesAuTauxDuLot),
                Plafonnees = g.AsQueryable().Sum(Comptage.RealiseesPlafonneesDuLot),
            })
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        return total is null
            ? new TotalLots(0, BilanHeures.Vide)
            : new TotalLots(total.Lots, new BilanHeures(total.Dues, total.Realisees, total.EnAttente, total.AuTaux, total.Plafonnees));
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

    /// <summary>Several lots added up, with the capped aggregate rate Σ min(réalisées, dues) / Σ dues (§7.6): one SQL aggregate.</summary>
    public async Task<BilanHeures> TotalAsync(IQueryable<Lot> lots, CancellationToken annulation = default) =>
        (await TotalLotsAsync(lots, annulation).ConfigureAwait(false)).Total;

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

/// <summary>A lot's realised and pending minutes (<see cref="RequetesHeures.Realisees"/>).</summary>
public sealed class RealiseDuLot
{
    public LotId LotId { get; init; }

    public long Minutes { get; init; }

    public long EnAttenteMinutes { get; init; }
}

/// <summary>Replaces a lambda's parameter by another expression (a domain rule spliced into a projection).</summary>
internal sealed class RemplacementParametre(ParameterExpression ancien, Expression nouveau) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == ancien ? nouveau : base.VisitParameter(node);
}

/// <summary>Counted and pending minutes of one lot, training apart, from one source (lines read live or compiled rows).</summary>
internal sealed class SourceSommes
{
    public LotId LotId { get; init; }

    public bool Formation { get; init; }

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

/// <summary>Several lots added up (<see cref="RequetesHeures.TotalLotsAsync"/>): how many, and their figures.</summary>
public sealed record TotalLots(int Lots, BilanHeures Total);

/// <summary>One month of some lines: minutes counted (§7.3), minutes pending, number of lines.</summary>
public sealed record HeuresDuMois(Mois Mois, long CompteesMinutes, long EnAttenteMinutes, int Lignes);

/// <summary>
/// One hour line of a bilan's lots, narrow (<see cref="RequetesHeures.LignesDesLotsAsync"/>): its lot, contrat, month and
/// minutes, its contrat's modality and type, and the domain's flags as the database evaluated them — counted
/// (<see cref="Comptage.Comptee"/>), pending (<see cref="Comptage.EnAttente"/>), listed out of period
/// (<see cref="Comptage.HorsPeriodeListee"/>) — and whether its month is read live (not served by the compiled totals).
/// A class with init properties so that EF Core sees through <c>new LigneDuBilan { … }</c>.
/// </summary>
public sealed class LigneDuBilan
{
    public required LotId LotId { get; init; }

    public required ContratId ContratId { get; init; }

    public required Mois Mois { get; init; }

    public required long Minutes { get; init; }

    public required ModaliteContrat Modalite { get; init; }

    public required TypeContrat TypeContrat { get; init; }

    public required bool Comptee { get; init; }

    public required bool EnAttente { get; init; }

    public required bool HorsPeriode { get; init; }

    public required bool Directe { get; init; }
}

/// <summary>
/// The lines of some lots read once (<see cref="RequetesHeures.LignesDesLotsAsync"/>), and the compiled rows of the months
/// served by the compiled totals (non-zero ones).
/// </summary>
public sealed record LignesDesLots(IReadOnlyList<LigneDuBilan> Lignes, IReadOnlyList<MinutesDetaillees> Compilees);
