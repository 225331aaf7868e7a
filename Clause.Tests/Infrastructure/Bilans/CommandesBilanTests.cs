using System.Text.RegularExpressions;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using static Clause.Tests.Infrastructure.Bilans.ScenarioBilan;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The cost of the bilan query (issue 10 « Performance », docs/performance.md « Bilan de la structure »): the hour lines
/// are read ONCE, by one command, and the number of commands is the same whatever the scope's size — a lot with one
/// contrat and two lines, or the whole structure with its four contrats and three participants.
/// </summary>
public sealed partial class CommandesBilanTests : IDisposable
{
    /// <summary>Header, lots, the lines, the compiled rows, the contrats with their profiles, the categories, the roles.</summary>
    private const int Commandes = 7;

    private static readonly PeriodeBilan AuTravers = new(new Mois(2025, 10), new Mois(2027, 3));

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task Les_lignes_sont_lues_une_fois_en_un_nombre_fixe_de_commandes()
    {
        var sc = await SemerAsync(_base);

        var (structure, sqlStructure) = await BilanAsync(sc, PerimetreBilan.Structure);
        var (lot, sqlLot) = await BilanAsync(sc, new PerimetreBilan(Perimetre.Lot, sc.B2.Id.Valeur));

        // Not an empty bilan: the structure's three participants and four contrats, the lot's one of each.
        Assert.Equal((3, 4), (structure.Participants, structure.Contrats));
        Assert.Equal((1, 1), (lot.Participants, lot.Contrats));
        foreach (var sql in new[] { sqlStructure, sqlLot })
        {
            Assert.Equal(Commandes, sql.Count);
            Assert.All(sql, s => Assert.StartsWith("SELECT", s.TrimStart(), StringComparison.OrdinalIgnoreCase));
            // The lines table appears once in all the commands: one read, never a second subquery over the lines.
            Assert.Equal(1, sql.Sum(s => TableDesLignes().Count(s)));
        }
    }

    private async Task<(Bilan Bilan, IReadOnlyList<string> Sql)> BilanAsync(ScenarioBilan sc, PerimetreBilan perimetre)
    {
        var collecte = new CollecteSql();
        await using var db = _base.Pour(sc.StructureId, intercepteurs: collecte);
        collecte.Adresse = "bilan";
        var bilan = await new RequetesBilans(db, new RequetesHeures(db, _base.Horloge)).BilanAsync(perimetre, AuTravers);
        collecte.Adresse = null;
        return (bilan!, collecte.Commandes.Select(c => c.Sql).ToList());
    }

    [GeneratedRegex("\"DeclarationsHeures\"")]
    private static partial Regex TableDesLignes();
}
