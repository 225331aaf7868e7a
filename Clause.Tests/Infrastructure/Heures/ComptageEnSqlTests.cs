using System.Globalization;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// Issue 17 item 4: the per-lot figures of <see cref="Comptage"/> are expressions that the database evaluates (the home
/// page's totals are one SQL aggregate over them) and that the C# path runs compiled. On the same inputs — a grid of
/// hours due, training rules, plafonds on a rounding edge, training minutes under, at and over the cap — SQLite and the
/// compiled trees give the same figure for every lot, and the SQL aggregate equals the C# sum of the per-lot figures.
/// </summary>
public sealed class ComptageEnSqlTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    /// <summary>Every combination, as rows of a VALUES table: the database reads exactly the inputs given here.</summary>
    private static readonly SommesDuLot[] Entrees = Grille().ToArray();

    private static IEnumerable<SommesDuLot> Grille()
    {
        var rang = 0;
        // 833 h = 49 980 min (DOMAIN.md's 5 % example: 2 499 min); 1 h due at 3 333 pdb = 19,998 → 20 min (half-up);
        // 9 min at 5 000 pdb = 4,5 → 5 min (exactly half: up).
        foreach (var dues in new long[] { 0, 9, 60, 49_980, 59_999 })
            foreach (var formationComptee in new[] { false, true })
                foreach (var pdb in new int?[] { null, 0, 500, 3_333, 5_000, 10_000 })
                    foreach (var horsFormation in new long[] { 0, 120, 60_000 })
                        foreach (var formation in new long[] { 0, 1, 5, 20, 2_499, 2_500, 100_000 })
                            yield return new SommesDuLot
                            {
                                HeuresDuesMinutes = dues,
                                FormationComptabilisee = formationComptee,
                                PlafondFormationPdb = pdb,
                                MinutesHorsFormation = horsFormation,
                                MinutesFormation = formation,
                                EnAttenteMinutes = ++rang % 7 * 30,
                            };
    }

    /// <summary>
    /// The grid as a VALUES table, ordered by rank, seen by EF as <see cref="SommesDuLot"/> (a member-init projection over
    /// primitive columns: the rules read the very columns the database returns).
    /// </summary>
    private static IQueryable<SommesDuLot> EnBase(DbContext db)
    {
        var sql = new StringBuilder("SELECT column1 AS \"Rang\", column2 AS \"Dues\", column3 AS \"FormationComptabilisee\", "
            + "column4 AS \"Pdb\", column5 AS \"HorsFormation\", column6 AS \"Formation\", column7 AS \"EnAttente\" FROM (VALUES ");
        sql.AppendJoin(", ", Entrees.Select((e, i) => string.Create(CultureInfo.InvariantCulture,
            $"({i}, {e.HeuresDuesMinutes}, {(e.FormationComptabilisee ? 1 : 0)}, {(e.PlafondFormationPdb is { } p ? p.ToString(CultureInfo.InvariantCulture) : "NULL")}, {e.MinutesHorsFormation}, {e.MinutesFormation}, {e.EnAttenteMinutes})")));
        sql.Append(')');
        return db.Database.SqlQueryRaw<LigneGrille>(sql.ToString())
            .OrderBy(l => l.Rang)
            .Select(l => new SommesDuLot
            {
                HeuresDuesMinutes = l.Dues,
                FormationComptabilisee = l.FormationComptabilisee,
                PlafondFormationPdb = l.Pdb,
                MinutesHorsFormation = l.HorsFormation,
                MinutesFormation = l.Formation,
                EnAttenteMinutes = l.EnAttente,
            });
    }

    /// <summary>One input row as the database returns it.</summary>
    public sealed class LigneGrille
    {
        public int Rang { get; init; }

        public long Dues { get; init; }

        public bool FormationComptabilisee { get; init; }

        public int? Pdb { get; init; }

        public long HorsFormation { get; init; }

        public long Formation { get; init; }

        public long EnAttente { get; init; }
    }

    [Fact]
    public async Task Chaque_chiffre_par_lot_est_le_meme_en_SQL_et_compile()
    {
        await using var db = _base.Systeme();
        var entrees = EnBase(db);
        var lues = await entrees.ToListAsync();
        Assert.Equal(Entrees.Length, lues.Count);
        Assert.Equal(Entrees.Select(e => (e.HeuresDuesMinutes, e.PlafondFormationPdb, e.MinutesFormation)),
            lues.Select(e => (e.HeuresDuesMinutes, e.PlafondFormationPdb, e.MinutesFormation)));

        var plafonds = await entrees.Where(s => s.PlafondFormationPdb != null).Select(Comptage.PlafondFormationDuLot).ToListAsync();
        Assert.Equal(lues.Where(l => l.PlafondFormationPdb is not null).Select(Comptage.PlafondFormation), plafonds);
        Assert.Equal(lues.Select(Comptage.FormationCompteeDuLot.Compile()), await entrees.Select(Comptage.FormationCompteeDuLot).ToListAsync());
        Assert.Equal(lues.Select(l => Comptage.Bilan(l).RealiseesMinutes), await entrees.Select(Comptage.RealiseesDuLot).ToListAsync());
        Assert.Equal(lues.Select(l => Comptage.Bilan(l).RealiseesAuTauxMinutes), await entrees.Select(Comptage.RealiseesAuTauxDuLot).ToListAsync());
        Assert.Equal(lues.Select(l => Comptage.Bilan(l).RealiseesPlafonneesMinutes), await entrees.Select(Comptage.RealiseesPlafonneesDuLot).ToListAsync());
    }

    [Fact]
    public async Task L_agregat_SQL_egale_la_somme_des_chiffres_par_lot()
    {
        await using var db = _base.Systeme();
        var total = await RequetesHeures.AdditionnerAsync(EnBase(db));

        Assert.Equal(Entrees.Length, total.Lots);
        Assert.Equal(Comptage.Agreger(Entrees.Select(Comptage.Bilan)), total.Total);
        Assert.Equal(new TotalLots(0, BilanHeures.Vide), await RequetesHeures.AdditionnerAsync(EnBase(db).Where(s => s.HeuresDuesMinutes < 0)));
    }

    [Fact]
    public void Plafond_de_formation_arrondi_a_la_minute_la_plus_proche_la_moitie_vers_le_haut()
    {
        // 5 % of 833 h = 2 499 min exactly; 33,33 % of 1 h = 19,998 → 20; 50 % of 9 min = 4,5 → 5; 50 % of 7 min = 3,5 → 4.
        Assert.Equal(2_499, new ParametresComptage(49_980, true, 500).PlafondFormationMinutes);
        Assert.Equal(20, new ParametresComptage(60, true, 3_333).PlafondFormationMinutes);
        Assert.Equal(5, new ParametresComptage(9, true, 5_000).PlafondFormationMinutes);
        Assert.Equal(4, new ParametresComptage(7, true, 5_000).PlafondFormationMinutes);
        Assert.Equal(3, new ParametresComptage(7, true, 4_999).PlafondFormationMinutes);
        Assert.Null(new ParametresComptage(7, true, null).PlafondFormationMinutes);
        // The one rounding rule of DOMAIN.md §2, on every input of the grid.
        foreach (var e in Entrees.Where(e => e.PlafondFormationPdb is not null))
            Assert.Equal(FormatFrancais.DiviserArrondi(e.HeuresDuesMinutes * e.PlafondFormationPdb!.Value, Taux.Cent), Comptage.PlafondFormation(e));
    }
}
