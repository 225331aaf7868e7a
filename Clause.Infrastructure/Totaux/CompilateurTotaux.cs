using System.Linq.Expressions;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

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
        await EcrireAsync(mois, [structure], annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// System path (a whole month for many structures, docs/performance.md): replaces the compiled totals of
    /// <paramref name="mois"/> of exactly the given <paramref name="structures"/> in one transaction and one statement per
    /// table and level, whatever the structure of the calling scope — every read and write ignores the tenant filter
    /// (<c>IgnoreQueryFilters</c>) and is restricted to <paramref name="structures"/> explicitly. Same rows as
    /// <see cref="CompilerAsync"/> structure by structure.
    /// </summary>
    public Task CompilerStructuresAsync(Mois mois, IReadOnlyCollection<StructureId> structures, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(structures);
        return structures.Count == 0 ? Task.CompletedTask : EcrireAsync(mois, structures.Distinct().ToList(), annulation);
    }

    /// <summary>
    /// The write path, set-based: the month's old rows deleted (<c>ExecuteDelete</c>), then each aggregate written by one
    /// <c>INSERT INTO … (columns) SELECT … FROM (the SQL EF translates from the grouped query)</c> — the grouped queries are
    /// those <see cref="CalculerAsync"/> materialises, so the counting rule (<see cref="Comptage"/>) is written once — then
    /// the months marked compiled and the dirty marks seen before writing removed; all in one transaction.
    /// </summary>
    private async Task EcrireAsync(Mois mois, List<StructureId> structures, CancellationToken annulation)
    {
        var propre = db.Database.CurrentTransaction is null;
        var transaction = propre ? await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false) : null;
        try
        {
            // The marks seen BEFORE reading the lines: a change saved after this read leaves its own mark, kept for the next run.
            var derniereMarque = await db.MoisSales.IgnoreQueryFilters().Where(m => m.Mois == mois && structures.Contains(m.StructureId))
                .MaxAsync(m => (long?)m.Id, annulation).ConfigureAwait(false);

            await db.TotauxMensuels.IgnoreQueryFilters().Where(t => t.Mois == mois && structures.Contains(t.StructureId))
                .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
            await db.TotauxMensuelsLots.IgnoreQueryFilters().Where(t => t.Mois == mois && structures.Contains(t.StructureId))
                .ExecuteDeleteAsync(annulation).ConfigureAwait(false);

            await EcrireAgregatsAsync(mois, structures, annulation).ConfigureAwait(false);

            if (derniereMarque is { } marque)
                await db.MoisSales.IgnoreQueryFilters().Where(m => m.Mois == mois && structures.Contains(m.StructureId) && m.Id <= marque)
                    .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
            var maintenant = horloge.GetUtcNow();
            var dejaCompiles = await db.MoisCompiles.IgnoreQueryFilters().Where(m => m.Mois == mois && structures.Contains(m.StructureId))
                .Select(m => m.StructureId).ToListAsync(annulation).ConfigureAwait(false);
            if (dejaCompiles.Count > 0)
                await db.MoisCompiles.IgnoreQueryFilters().Where(m => m.Mois == mois && structures.Contains(m.StructureId))
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.CompileLe, maintenant), annulation).ConfigureAwait(false);
            var nouveaux = structures.Except(dejaCompiles).Select(s => new MoisCompile { StructureId = s, Mois = mois, CompileLe = maintenant }).ToList();
            if (nouveaux.Count > 0)
            {
                db.MoisCompiles.AddRange(nouveaux);
                await db.SaveChangesAsync(annulation).ConfigureAwait(false);
                // Derived rows are not kept in the change tracker: a second compilation in the same scope finds them in the database.
                foreach (var entree in db.ChangeTracker.Entries<MoisCompile>().ToList())
                    entree.State = EntityState.Detached;
            }
            if (transaction is not null) await transaction.CommitAsync(annulation).ConfigureAwait(false);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Name of the narrow per-connection temporary table of the month's lines (<see cref="LigneEtroite"/>).</summary>
    private const string TableLignes = "TotauxLignesDuMois";

    /// <summary>
    /// One pass over the month's lines (docs/performance.md): EF's SQL of <see cref="LignesEtroites"/> — the lines joined
    /// once to their contrat, lot and marché, each evaluated by <see cref="Comptage.Comptee"/> and
    /// <see cref="Comptage.EnAttente"/> — copied into a narrow temporary table (SQLite <c>CREATE TEMP TABLE … AS SELECT</c>,
    /// SQL Server <c>SELECT … INTO #t</c>), then the five levels and the lots' split grouped from that table by plain sums
    /// and distinct counts of the two flags: the rule itself is only in the EF expression.
    /// </summary>
    private async Task EcrireAgregatsAsync(Mois mois, List<StructureId> structures, CancellationToken annulation)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var sqlServer = db.Database.IsSqlServer();
        var temp = sqlServer ? "#" + TableLignes : "temp." + sql.DelimitIdentifier(TableLignes);
        await ExecuterAsync($"DROP TABLE IF EXISTS {temp}", [], annulation).ConfigureAwait(false);
        await using (var commande = LignesEtroites(mois, structures).CreateDbCommand())
        {
            commande.CommandText = sqlServer
                ? $"SELECT * INTO {temp} FROM ({commande.CommandText}) AS s"
                : $"CREATE TEMP TABLE {sql.DelimitIdentifier(TableLignes)} AS SELECT * FROM ({commande.CommandText}) AS s";
            commande.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await commande.ExecuteNonQueryAsync(annulation).ConfigureAwait(false);
        }
        try
        {
            string C(string membre) => sql.DelimitIdentifier(membre);
            var comptees = $"SUM(CASE WHEN {C(nameof(LigneEtroite.Comptee))} = 1 THEN CAST({C(nameof(LigneEtroite.Minutes))} AS bigint) ELSE 0 END)";
            var enAttente = $"SUM(CASE WHEN {C(nameof(LigneEtroite.EnAttente))} = 1 THEN CAST({C(nameof(LigneEtroite.Minutes))} AS bigint) ELSE 0 END)";
            string Distincts(string membre) => $"COUNT(DISTINCT CASE WHEN {C(nameof(LigneEtroite.Comptee))} = 1 THEN {C(membre)} END)";
            var garde = $"HAVING {comptees} <> 0 OR {enAttente} <> 0";
            var structure = C(nameof(LigneEtroite.StructureId));

            var totaux = db.Model.FindEntityType(typeof(TotalMensuel))!;
            var colonnesTotaux = Colonnes(totaux, nameof(TotalMensuel.StructureId), nameof(TotalMensuel.Mois), nameof(TotalMensuel.Niveau),
                nameof(TotalMensuel.CleId), nameof(TotalMensuel.MinutesComptees), nameof(TotalMensuel.MinutesEnAttente),
                nameof(TotalMensuel.Participants), nameof(TotalMensuel.Contrats));
            foreach (var (niveau, cle) in new[]
            {
                (NiveauTotal.Lot, nameof(LigneEtroite.LotId)), (NiveauTotal.Marche, nameof(LigneEtroite.MarcheId)),
                (NiveauTotal.Operation, nameof(LigneEtroite.OperationId)), (NiveauTotal.DonneurOrdre, nameof(LigneEtroite.DonneurOrdreId)),
                (NiveauTotal.Structure, nameof(LigneEtroite.StructureId)),
            })
            {
                var groupe = niveau == NiveauTotal.Structure ? structure : $"{structure}, {C(cle)}";
                await ExecuterAsync(
                    $"INSERT INTO {colonnesTotaux} SELECT {structure}, @c_mois, @c_niveau, {C(cle)}, {comptees}, {enAttente}, " +
                    $"{Distincts(nameof(LigneEtroite.ParticipantId))}, {Distincts(nameof(LigneEtroite.ContratId))} FROM {temp} GROUP BY {groupe} {garde}",
                    [("@c_mois", mois.Code), ("@c_niveau", niveau.ToString())], annulation).ConfigureAwait(false);
            }

            var lots = db.Model.FindEntityType(typeof(TotalMensuelLot))!;
            var colonnesLots = Colonnes(lots, nameof(TotalMensuelLot.StructureId), nameof(TotalMensuelLot.LotId),
                nameof(TotalMensuelLot.Modalite), nameof(TotalMensuelLot.TypeContrat), nameof(TotalMensuelLot.Mois), nameof(TotalMensuelLot.MinutesComptees),
                nameof(TotalMensuelLot.MinutesEnAttente), nameof(TotalMensuelLot.Contrats));
            var cleLot = $"{structure}, {C(nameof(LigneEtroite.LotId))}, {C(nameof(LigneEtroite.Modalite))}, {C(nameof(LigneEtroite.TypeContrat))}";
            await ExecuterAsync(
                $"INSERT INTO {colonnesLots} SELECT {cleLot}, @c_mois, {comptees}, {enAttente}, {Distincts(nameof(LigneEtroite.ContratId))} " +
                $"FROM {temp} GROUP BY {cleLot} {garde}",
                [("@c_mois", mois.Code)], annulation).ConfigureAwait(false);
        }
        finally
        {
            await ExecuterAsync($"DROP TABLE IF EXISTS {temp}", [], CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary><c>"Table" ("Column", …)</c> of the given properties, in their order.</summary>
    private string Colonnes(IEntityType table, params string[] proprietes)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var identifiant = StoreObjectIdentifier.Table(table.GetTableName()!, table.GetSchema());
        return $"{sql.DelimitIdentifier(table.GetTableName()!, table.GetSchema())} (" +
            string.Join(", ", proprietes.Select(p => sql.DelimitIdentifier(table.FindProperty(p)!.GetColumnName(identifiant)!))) + ")";
    }

    /// <summary>Runs one statement with its parameters in the current transaction.</summary>
    private async Task ExecuterAsync(string texte, IReadOnlyList<(string Nom, object Valeur)> parametres, CancellationToken annulation)
    {
        await using var commande = db.Database.GetDbConnection().CreateCommand();
        commande.CommandText = texte;
        commande.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (nom, valeur) in parametres)
        {
            var parametre = commande.CreateParameter();
            parametre.ParameterName = nom;
            parametre.Value = valeur;
            commande.Parameters.Add(parametre);
        }
        await commande.ExecuteNonQueryAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// The month's lines, narrow: the roll-up keys, the contrat's modality and type, and the domain's two flags
    /// (<see cref="Comptage.Comptee"/>, <see cref="Comptage.EnAttente"/>) evaluated once per line.
    /// </summary>
    private IQueryable<LigneEtroite> LignesEtroites(Mois mois, List<StructureId> structures) =>
        LignesDuMois(mois, structures).Select(Etroite);

    private static readonly Expression<Func<LigneHierarchie, LigneEtroite>> Etroite = ConstruireEtroite();

    private static Expression<Func<LigneHierarchie, LigneEtroite>> ConstruireEtroite()
    {
        Expression<Func<LigneHierarchie, LigneComptage, bool, bool, LigneEtroite>> modele = (x, l, comptee, enAttente) => new LigneEtroite
        {
            StructureId = l.Ligne.StructureId,
            LotId = l.Ligne.LotId,
            MarcheId = x.MarcheId,
            OperationId = x.OperationId,
            DonneurOrdreId = x.DonneurOrdreId,
            Modalite = l.Contrat.Modalite,
            TypeContrat = l.Contrat.TypeContrat,
            ParticipantId = l.Ligne.ParticipantId,
            ContratId = l.Ligne.ContratId,
            Minutes = l.Ligne.Minutes,
            Comptee = comptee,
            EnAttente = enAttente,
        };
        var x = modele.Parameters[0];
        var ligne = Expression.Property(x, nameof(LigneHierarchie.Ligne));
        Expression Regle(Expression<Func<LigneComptage, bool>> regle) => ReplacingExpressionVisitor.Replace(regle.Parameters[0], ligne, regle.Body);
        var corps = ReplacingExpressionVisitor.Replace(modele.Parameters[1], ligne, modele.Body);
        corps = ReplacingExpressionVisitor.Replace(modele.Parameters[2], Regle(Comptage.Comptee), corps);
        corps = ReplacingExpressionVisitor.Replace(modele.Parameters[3], Regle(Comptage.EnAttente), corps);
        return Expression.Lambda<Func<LigneHierarchie, LigneEtroite>>(corps, x);
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
    /// The totals the lines of <paramref name="mois"/> give now, not written: the same grouped queries
    /// <see cref="CompilerAsync"/> writes, materialised — what <see cref="VerificationTotaux"/> compares the compiled rows
    /// with. Rows with neither counted nor pending minutes are left out (a month of rejected lines only has no total).
    /// </summary>
    public async Task<CalculTotaux> CalculerAsync(StructureId structure, Mois mois, CancellationToken annulation = default)
    {
        List<StructureId> structures = [structure];
        var lignes = LignesDuMois(mois, structures);
        var totaux = new List<TotalMensuel>();
        void Ajouter<TCle>(NiveauTotal niveau, IEnumerable<Agregat<TCle>> agregats, Func<Agregat<TCle>, Guid> cle) =>
            totaux.AddRange(agregats.Select(a => new TotalMensuel
            {
                StructureId = a.StructureId,
                Mois = mois,
                Niveau = niveau,
                CleId = cle(a),
                MinutesComptees = a.Comptees,
                MinutesEnAttente = a.EnAttente,
                Participants = a.Participants,
                Contrats = a.Contrats,
            }));
        Ajouter(NiveauTotal.Lot, await Agreger(lignes, x => new CleGroupe<LotId> { StructureId = x.Ligne.Ligne.StructureId, Cle = x.Ligne.Ligne.LotId })
            .ToListAsync(annulation).ConfigureAwait(false), a => a.Cle.Valeur);
        Ajouter(NiveauTotal.Marche, await Agreger(lignes, x => new CleGroupe<MarcheId> { StructureId = x.Ligne.Ligne.StructureId, Cle = x.MarcheId })
            .ToListAsync(annulation).ConfigureAwait(false), a => a.Cle.Valeur);
        Ajouter(NiveauTotal.Operation, await Agreger(lignes, x => new CleGroupe<OperationId> { StructureId = x.Ligne.Ligne.StructureId, Cle = x.OperationId })
            .ToListAsync(annulation).ConfigureAwait(false), a => a.Cle.Valeur);
        Ajouter(NiveauTotal.DonneurOrdre, await Agreger(lignes, x => new CleGroupe<DonneurOrdreId> { StructureId = x.Ligne.Ligne.StructureId, Cle = x.DonneurOrdreId })
            .ToListAsync(annulation).ConfigureAwait(false), a => a.Cle.Valeur);
        Ajouter(NiveauTotal.Structure, await AgregerStructure(lignes).ToListAsync(annulation).ConfigureAwait(false), a => a.StructureId.Valeur);

        var lots = (await ParLot(mois, structures).ToListAsync(annulation).ConfigureAwait(false)).Select(a => new TotalMensuelLot
        {
            StructureId = a.StructureId,
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

    /// <summary>
    /// The month's lines of exactly <paramref name="structures"/> with their roll-up keys. The tenant filter is ignored on
    /// purpose (the system path compiles many structures): the structures are the explicit predicate.
    /// </summary>
    private IQueryable<LigneHierarchie> LignesDuMois(Mois mois, List<StructureId> structures) =>
        (from l in requetes.Lignes(db.DeclarationsHeures.Where(d => d.Mois == mois && structures.Contains(d.StructureId)))
         join lot in db.Lots on l.Ligne.LotId equals lot.Id
         join marche in db.Marches on lot.MarcheId equals marche.Id
         select new LigneHierarchie { Ligne = l, MarcheId = marche.Id, OperationId = marche.OperationId, DonneurOrdreId = marche.DonneurOrdreId })
        .IgnoreQueryFilters();

    /// <summary>One level: the lines grouped by structure and <paramref name="cle"/> in the database, counted with the domain's rules.</summary>
    private static IQueryable<Agregat<TCle>> Agreger<TCle>(IQueryable<LigneHierarchie> lignes, Expression<Func<LigneHierarchie, CleGroupe<TCle>>> cle) =>
        lignes.GroupBy(cle, x => x.Ligne)
            .Select(g => new Agregat<TCle>
            {
                StructureId = g.Key.StructureId,
                Cle = g.Key.Cle,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
                Participants = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ParticipantId).Distinct().Count(),
                Contrats = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ContratId).Distinct().Count(),
            })
            .Where(a => a.Comptees != 0 || a.EnAttente != 0);

    /// <summary>The structure level: its key is the structure itself.</summary>
    private static IQueryable<Agregat<StructureId>> AgregerStructure(IQueryable<LigneHierarchie> lignes) =>
        lignes.GroupBy(x => x.Ligne.Ligne.StructureId, x => x.Ligne)
            .Select(g => new Agregat<StructureId>
            {
                StructureId = g.Key,
                Cle = g.Key,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
                Participants = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ParticipantId).Distinct().Count(),
                Contrats = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ContratId).Distinct().Count(),
            })
            .Where(a => a.Comptees != 0 || a.EnAttente != 0);

    /// <summary>The lots' split by modality and contract type, grouped in the database with the domain's rules.</summary>
    private IQueryable<AgregatLot> ParLot(Mois mois, List<StructureId> structures) =>
        requetes.Lignes(db.DeclarationsHeures.Where(d => d.Mois == mois && structures.Contains(d.StructureId)))
            .IgnoreQueryFilters()
            .GroupBy(l => new { l.Ligne.StructureId, l.Ligne.LotId, l.Contrat.Modalite, l.Contrat.TypeContrat })
            .Select(g => new AgregatLot
            {
                StructureId = g.Key.StructureId,
                LotId = g.Key.LotId,
                Modalite = g.Key.Modalite,
                TypeContrat = g.Key.TypeContrat,
                Comptees = g.AsQueryable().Where(Comptage.Comptee).Sum(l => l.Ligne.Minutes),
                EnAttente = g.AsQueryable().Where(Comptage.EnAttente).Sum(l => l.Ligne.Minutes),
                Contrats = g.AsQueryable().Where(Comptage.Comptee).Select(l => l.Ligne.ContratId).Distinct().Count(),
            })
            .Where(a => a.Comptees != 0 || a.EnAttente != 0);

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

/// <summary>A level's grouping key: the structure and the record (lot, marché, opération, donneur d'ordre).</summary>
public sealed class CleGroupe<TCle>
{
    public required StructureId StructureId { get; init; }

    public required TCle Cle { get; init; }
}

/// <summary>
/// The figures of one group of lines (EF materialises it from the grouped query, or its SQL is wrapped in an
/// <c>INSERT … SELECT</c>: the member names are the SQL column aliases the wrapper reads).
/// </summary>
public sealed class Agregat<TCle>
{
    public required StructureId StructureId { get; init; }

    public required TCle Cle { get; init; }

    public long Comptees { get; init; }

    public long EnAttente { get; init; }

    public int Participants { get; init; }

    public int Contrats { get; init; }
}

/// <summary>The figures of one lot, modality and contract type (the lots' split; member names = SQL column aliases).</summary>
public sealed class AgregatLot
{
    public required StructureId StructureId { get; init; }

    public required LotId LotId { get; init; }

    public required ModaliteContrat Modalite { get; init; }

    public required TypeContrat TypeContrat { get; init; }

    public long Comptees { get; init; }

    public long EnAttente { get; init; }

    public int Contrats { get; init; }
}

/// <summary>One line of the month, narrow (the temporary table's columns: member names = SQL column aliases).</summary>
public sealed class LigneEtroite
{
    public required StructureId StructureId { get; init; }

    public required LotId LotId { get; init; }

    public required MarcheId MarcheId { get; init; }

    public required OperationId OperationId { get; init; }

    public required DonneurOrdreId DonneurOrdreId { get; init; }

    public required ModaliteContrat Modalite { get; init; }

    public required TypeContrat TypeContrat { get; init; }

    public required ParticipantId ParticipantId { get; init; }

    public required ContratId ContratId { get; init; }

    public required long Minutes { get; init; }

    public required bool Comptee { get; init; }

    public required bool EnAttente { get; init; }
}
