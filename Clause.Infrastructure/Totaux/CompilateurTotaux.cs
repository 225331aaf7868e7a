using System.Linq.Expressions;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Totaux;

/// <summary>
/// Compiles the monthly totals of one structure (DOMAIN.md §8, docs/domain.md « Totaux compilés »): for one month, a
/// fixed number of aggregates grouped in the database over that month's lines — one per level (lot, marché, opération,
/// donneur d'ordre, structure) and the lots' split by modality and contract type — never a loop over lots or lines.
/// Which line counts and which is pending is the domain's one definition (<see cref="Comptage.Comptee"/>,
/// <see cref="Comptage.EnAttente"/>) applied to <see cref="RequetesHeures.Lignes"/>, the join every live figure starts from.
/// The month's rows are replaced in one transaction (delete, insert, the month marked compiled, the dirty marks seen
/// before reading removed): compiling twice gives the same rows. Acts within the structure of its scope
/// (<see cref="Taches.ParStructure"/>, <c>ContexteExecution.DefinirTache</c>).
/// </summary>
public sealed class CompilateurTotaux(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge)
{
    /// <summary>Months compiled by the nightly run: the current month and the two before.</summary>
    public const int MoisRecents = 3;

    /// <summary>Replaces the compiled totals of <paramref name="mois"/> of <paramref name="structure"/> by what the lines count now.</summary>
    public async Task CompilerAsync(StructureId structure, Mois mois, CancellationToken annulation = default)
    {
        ExigerStructure(structure);
        var propre = db.Database.CurrentTransaction is null;
        var transaction = propre ? await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false) : null;
        try
        {
            // The marks seen BEFORE reading the lines: a change saved after this read leaves its own mark, kept for the next run.
            var derniereMarque = await db.MoisSales.Where(m => m.StructureId == structure && m.Mois == mois)
                .MaxAsync(m => (long?)m.Id, annulation).ConfigureAwait(false);
            var calcul = await CalculerAsync(structure, mois, annulation).ConfigureAwait(false);

            await db.TotauxMensuels.Where(t => t.StructureId == structure && t.Mois == mois).ExecuteDeleteAsync(annulation).ConfigureAwait(false);
            await db.TotauxMensuelsLots.Where(t => t.StructureId == structure && t.Mois == mois).ExecuteDeleteAsync(annulation).ConfigureAwait(false);
            if (derniereMarque is { } marque)
                await db.MoisSales.Where(m => m.StructureId == structure && m.Mois == mois && m.Id <= marque)
                    .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
            var compile = await db.MoisCompiles.FirstOrDefaultAsync(m => m.StructureId == structure && m.Mois == mois, annulation).ConfigureAwait(false);
            if (compile is null)
            {
                compile = new MoisCompile { StructureId = structure, Mois = mois };
                db.MoisCompiles.Add(compile);
            }
            compile.CompileLe = horloge.GetUtcNow();
            db.TotauxMensuels.AddRange(calcul.Totaux);
            db.TotauxMensuelsLots.AddRange(calcul.Lots);
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            // Derived rows are not kept in the change tracker: a second compilation in the same scope adds them again.
            foreach (var entree in db.ChangeTracker.Entries().Where(e => e.Entity is TotalMensuel or TotalMensuelLot or MoisCompile).ToList())
                entree.State = EntityState.Detached;
            if (transaction is not null) await transaction.CommitAsync(annulation).ConfigureAwait(false);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Compiles every dirty month of the structure (the job of every few minutes); returns how many.</summary>
    public async Task<int> CompilerMoisSalesAsync(StructureId structure, CancellationToken annulation = default)
    {
        ExigerStructure(structure);
        var sales = await db.MoisSales.AsNoTracking().Where(m => m.StructureId == structure)
            .Select(m => m.Mois).Distinct().ToListAsync(annulation).ConfigureAwait(false);
        foreach (var mois in sales.OrderBy(m => m))
            await CompilerAsync(structure, mois, annulation).ConfigureAwait(false);
        return sales.Count;
    }

    /// <summary>
    /// The nightly run: the last <see cref="MoisRecents"/> months (current included), every dirty month, and every month
    /// with lines never compiled yet (after an installation or an import); returns how many months were compiled.
    /// </summary>
    public async Task<int> CompilerMoisRecentsAsync(StructureId structure, CancellationToken annulation = default)
    {
        ExigerStructure(structure);
        var courant = RequetesHeures.MoisEnCours(horloge);
        var recents = Enumerable.Range(0, MoisRecents).Select(i => Mois.De(courant.Premier.AddMonths(-i)));
        var aCompiler = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.StructureId == structure && !db.MoisCompiles.Any(m => m.StructureId == structure && m.Mois == d.Mois))
            .Select(d => d.Mois)
            .Union(db.MoisSales.Where(m => m.StructureId == structure).Select(m => m.Mois))
            .ToListAsync(annulation).ConfigureAwait(false);
        var mois = aCompiler.Concat(recents).Distinct().OrderBy(m => m).ToList();
        foreach (var m in mois)
            await CompilerAsync(structure, m, annulation).ConfigureAwait(false);
        return mois.Count;
    }

    /// <summary>
    /// The totals the lines of <paramref name="mois"/> give now, not written: what <see cref="CompilerAsync"/> writes and
    /// what <see cref="VerificationTotaux"/> compares the compiled rows with. Rows with neither counted nor pending minutes
    /// are left out (a month of rejected lines only has no total).
    /// </summary>
    public async Task<CalculTotaux> CalculerAsync(StructureId structure, Mois mois, CancellationToken annulation = default)
    {
        var lignes =
            from l in requetes.Lignes(db.DeclarationsHeures.Where(d => d.StructureId == structure && d.Mois == mois))
            join lot in db.Lots on l.Ligne.LotId equals lot.Id
            join marche in db.Marches on lot.MarcheId equals marche.Id
            select new LigneHierarchie { Ligne = l, MarcheId = marche.Id, OperationId = marche.OperationId, DonneurOrdreId = marche.DonneurOrdreId };

        var totaux = new List<TotalMensuel>();
        void Ajouter<TCle>(NiveauTotal niveau, IEnumerable<Agregat<TCle>> agregats, Func<TCle, Guid> cle) =>
            totaux.AddRange(agregats.Where(a => a.Comptees != 0 || a.EnAttente != 0).Select(a => new TotalMensuel
            {
                StructureId = structure,
                Mois = mois,
                Niveau = niveau,
                CleId = cle(a.Cle),
                MinutesComptees = a.Comptees,
                MinutesEnAttente = a.EnAttente,
                Participants = a.Participants,
                Contrats = a.Contrats,
            }));
        Ajouter(NiveauTotal.Lot, await AgregerAsync(lignes, x => x.Ligne.Ligne.LotId, annulation).ConfigureAwait(false), c => c.Valeur);
        Ajouter(NiveauTotal.Marche, await AgregerAsync(lignes, x => x.MarcheId, annulation).ConfigureAwait(false), c => c.Valeur);
        Ajouter(NiveauTotal.Operation, await AgregerAsync(lignes, x => x.OperationId, annulation).ConfigureAwait(false), c => c.Valeur);
        Ajouter(NiveauTotal.DonneurOrdre, await AgregerAsync(lignes, x => x.DonneurOrdreId, annulation).ConfigureAwait(false), c => c.Valeur);
        Ajouter(NiveauTotal.Structure, await AgregerAsync(lignes, x => x.Ligne.Ligne.StructureId, annulation).ConfigureAwait(false), c => c.Valeur);

        var parLot = await requetes.Lignes(db.DeclarationsHeures.Where(d => d.StructureId == structure && d.Mois == mois))
            .GroupBy(l => new { l.Ligne.LotId, l.Contrat.Modalite, l.Contrat.TypeContrat })
            .Select(g => new
            {
                g.Key.LotId,
                g.Key.Modalite,
                g.Key.TypeContrat,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
                Contrats = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ContratId).Distinct().Count(),
            })
            .ToListAsync(annulation).ConfigureAwait(false);
        var lots = parLot.Where(a => a.Comptees != 0 || a.EnAttente != 0).Select(a => new TotalMensuelLot
        {
            StructureId = structure,
            Mois = mois,
            LotId = a.LotId,
            Modalite = a.Modalite,
            TypeContrat = a.TypeContrat,
            MinutesComptees = a.Comptees,
            MinutesEnAttente = a.EnAttente,
            Contrats = a.Contrats,
        }).ToList();
        return new CalculTotaux(totaux, lots);
    }

    /// <summary>One level: the month's lines grouped by <paramref name="cle"/> in the database, counted with the domain's rules.</summary>
    private static Task<List<Agregat<TCle>>> AgregerAsync<TCle>(IQueryable<LigneHierarchie> lignes, Expression<Func<LigneHierarchie, TCle>> cle,
        CancellationToken annulation) =>
        lignes.GroupBy(cle, x => x.Ligne)
            .Select(g => new Agregat<TCle>
            {
                Cle = g.Key,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
                Participants = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ParticipantId).Distinct().Count(),
                Contrats = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ContratId).Distinct().Count(),
            })
            .ToListAsync(annulation);

    /// <summary>Background work acts within one structure (its scope's): the tenant filter must show that structure's lines.</summary>
    private void ExigerStructure(StructureId structure)
    {
        if (db.Contexte.StructureId != structure)
            throw new InvalidOperationException(
                "Les totaux d'une structure se compilent dans sa portée (ParStructure / ContexteExecution.DefinirTache).");
    }
}

/// <summary>The totals of one month as computed from the lines: the rows of every level and the lots' split.</summary>
public sealed record CalculTotaux(IReadOnlyList<TotalMensuel> Totaux, IReadOnlyList<TotalMensuelLot> Lots);

/// <summary>A line with its contrat and the marché, opération and donneur d'ordre of its lot (the roll-up keys).</summary>
public sealed class LigneHierarchie
{
    public required LigneComptage Ligne { get; init; }

    public required MarcheId MarcheId { get; init; }

    public required OperationId OperationId { get; init; }

    public required DonneurOrdreId DonneurOrdreId { get; init; }
}

/// <summary>The figures of one group of lines (EF materialises it from the grouped query).</summary>
public sealed class Agregat<TCle>
{
    public required TCle Cle { get; init; }

    public long Comptees { get; init; }

    public long EnAttente { get; init; }

    public int Participants { get; init; }

    public int Contrats { get; init; }
}
