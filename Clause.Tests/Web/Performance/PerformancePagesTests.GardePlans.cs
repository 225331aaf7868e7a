using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Clause.Tests.Web.Performance;

/// <summary>
/// The pages' cost, measured on the demo (one Development app for both checks, its seeding being the heaviest start of the
/// suite). The plan guard (issue 17 item 2): on a database with two structures (the demo and a second one), every page reachable by
/// each demo account and every API list is requested, the SQL of each query is collected, and SQLite's
/// <c>EXPLAIN QUERY PLAN</c> of each (with its own parameters) must never <c>SCAN</c> a tenant table — all structures' rows —
/// nor sort more than a page of rows in a temporary B-tree when a list's own order could come from an index.
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed partial class PerformancePagesTests(FabriqueMesures app, ITestOutputHelper sortie) : IClassFixture<FabriqueMesures>
{
    [Fact]
    public async Task Aucune_requete_d_une_page_ou_de_l_api_ne_parcourt_une_table_de_la_tenance_ni_ne_trie_plus_d_une_page_hors_index()
    {
        await SecondeStructureAsync();
        app.Collecte.Vider();
        var adresses = 0;
        foreach (var compte in SemeurDemo.Comptes)
        {
            var client = await app.ConnecterAsync(compte.Email, compte.MotDePasse);
            adresses += (await ExplorationSite.ParcourirAsync(client, app.Collecte)).Count;
        }
        adresses += await ParcourirApiAsync();
        adresses += await ParcourirEntreesAbsurdesAsync();

        var violations = await ViolationsAsync(app.Collecte.Commandes);
        sortie.WriteLine($"{adresses} adresses, {app.Collecte.Commandes.Count} requêtes, {app.Collecte.Commandes.Select(c => c.Sql).Distinct().Count()} distinctes.");
        Assert.True(adresses > 100, $"L'exploration n'a atteint que {adresses} adresses.");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, violations));
    }

    /// <summary>The tenant tables: every entity owned by a structure, and the journals read by structure.</summary>
    private HashSet<string> TablesDeLaTenance()
    {
        using var db = app.ToutesStructures();
        return db.Model.GetEntityTypes()
            .Where(t => typeof(IAppartientStructure).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(JournalAudit) || t.ClrType == typeof(JournalAccesDonneesSensibles))
            .Select(t => t.GetTableName()!).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<List<string>> ViolationsAsync(IReadOnlyList<CommandeSql> commandes)
    {
        var tables = TablesDeLaTenance();
        var violations = new List<string>();
        await using var connexion = await SansStatistiquesAsync();
        foreach (var commande in commandes.Where(c => Lecture().IsMatch(c.Sql) && !Vide().IsMatch(c.Sql)).DistinctBy(c => c.Sql))
        {
            if (commande.Sql.Contains("-- " + ClauseDbContext.LectureToutesStructures, StringComparison.Ordinal))
            {
                sortie.WriteLine($"Lecture de toutes les structures, voulue : {commande.Adresse} {commande.Sql.ReplaceLineEndings(" ")[..Math.Min(160, commande.Sql.Length)]}");
                continue;
            }
            var plan = await PlanAsync(connexion, commande);
            var alias = Alias().Matches(commande.Sql).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
            foreach (var etape in plan)
            {
                if (Parcours().Match(etape) is { Success: true } parcours)
                {
                    var nom = parcours.Groups[1].Value;
                    var table = alias.GetValueOrDefault(nom, nom);
                    if (tables.Contains(table)) violations.Add(Decrire($"SCAN de la table {table}", commande, plan));
                }
            }
            if (plan.Contains("USE TEMP B-TREE FOR ORDER BY") && !commande.Adresse.Contains("tri=", StringComparison.Ordinal)
                && await LignesTrieesAsync(connexion, commande) is var lignes && lignes > Pagination.TailleParDefaut)
                violations.Add(Decrire($"tri de {lignes} lignes hors index (plus d'une page de {Pagination.TailleParDefaut})", commande, plan));
        }
        return violations;
    }

    /// <summary>
    /// A connection that plans without statistics. The demo database holds one structure and a small second one, so its
    /// statistics say that StructureId barely narrows anything and SQLite would rightly scan such small tables; what the
    /// guard checks is the shape — that an index led by StructureId can serve each query — which is what SQLite's default
    /// estimates (an equality on an indexed column narrows to a few rows) show. At scale, the daily PRAGMA optimize gives the
    /// real distribution, where StructureId is the selective column.
    /// </summary>
    private async Task<SqliteConnection> SansStatistiquesAsync()
    {
        await using (var effacement = new SqliteConnection("Data Source=" + app.CheminBase))
        {
            await effacement.OpenAsync();
            await using var commande = effacement.CreateCommand();
            commande.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'";
            if ((long)(await commande.ExecuteScalarAsync())! > 0)
            {
                commande.CommandText = "DELETE FROM sqlite_stat1";
                await commande.ExecuteNonQueryAsync();
            }
        }
        SqliteConnection.ClearAllPools();
        var connexion = new SqliteConnection("Data Source=" + app.CheminBase + ";Pooling=False");
        await connexion.OpenAsync();
        return connexion;
    }

    private static string Decrire(string quoi, CommandeSql commande, List<string> plan) =>
        $"{quoi} — {commande.Adresse}{Environment.NewLine}{commande.Sql}{Environment.NewLine}=> {string.Join(" | ", plan)}";

    private static async Task<List<string>> PlanAsync(SqliteConnection connexion, CommandeSql commande)
    {
        await using var explication = connexion.CreateCommand();
        explication.CommandText = "EXPLAIN QUERY PLAN " + commande.Sql;
        foreach (var p in commande.Parametres) explication.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value) { SqliteType = p.SqliteType, Size = p.Size });
        var lignes = new List<string>();
        await using var lecteur = await explication.ExecuteReaderAsync();
        while (await lecteur.ReadAsync()) lignes.Add(lecteur.GetString(3));
        return lignes;
    }

    /// <summary>How many rows the statement sorts: its rows without the page's LIMIT/OFFSET.</summary>
    private static async Task<long> LignesTrieesAsync(SqliteConnection connexion, CommandeSql commande)
    {
        await using var compte = connexion.CreateCommand();
        compte.CommandText = "SELECT COUNT(*) FROM (" + Limite().Replace(commande.Sql.TrimEnd().TrimEnd(';'), "") + ")";
        foreach (var p in commande.Parametres.Where(p => compte.CommandText.Contains(p.ParameterName, StringComparison.Ordinal)))
            compte.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value) { SqliteType = p.SqliteType, Size = p.Size });
        return (long)(await compte.ExecuteScalarAsync())!;
    }

    /// <summary>A second structure with its own lot in execution, a participant, a contrat and hours (once per fixture).</summary>
    private async Task SecondeStructureAsync()
    {
        if (await app.LireAsync(db => db.Structures.AnyAsync(s => s.Nom == "Seconde structure"))) return;
        var structure = await app.CreerStructureAsync("Seconde structure");
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var participant = await app.SemerParticipantAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, participant);
        await app.SemerHeuresAsync(lot, contrat, null, (new Mois(2026, 1), 35), (new Mois(2026, 2), 70));
    }

    /// <summary>The API's reads with a token of each role allowed one: lists, one lot, the month's contrats and lines.</summary>
    private async Task<int> ParcourirApiAsync()
    {
        var entreprise = await app.LireAsync(db => db.Users.Where(u => u.Email == "entreprise@clause.demo").Select(u => u.EntrepriseId).SingleAsync());
        var lot = await app.LireAsync(db => db.Lots.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
        var adresses = 0;
        foreach (var compte in SemeurDemo.Comptes.Where(c => c.Role is Roles.Direction or Roles.Facilitateur or Roles.Entreprise or Roles.DonneurOrdre))
        {
            var utilisateur = await app.LireAsync(db => db.Users.SingleAsync(u => u.Email == compte.Email));
            var client = app.ClientApi(await app.CreerJetonAsync(utilisateur, "garde des plans"));
            var portee = compte.Role == Roles.Entreprise ? "" : $"&entreprise={entreprise}";
            foreach (var adresse in new[] { "/api/v1/moi", "/api/v1/lots", $"/api/v1/lots/{lot}", $"/api/v1/contrats?mois=2026-02{portee}", $"/api/v1/declarations?mois=2026-02{portee}" })
            {
                app.Collecte.Adresse = adresse;
                using var reponse = await client.GetAsync(adresse);
                app.Collecte.Adresse = null;
                adresses++;
            }
        }
        return adresses;
    }

    [GeneratedRegex(@"^(\s*--[^\n]*\n)*\s*(SELECT|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lecture();

    /// <summary>A statement EF made constant-false (an empty list of ids): SQLite reads no row.</summary>
    [GeneratedRegex(@"WHERE 0\s*(\)|$)")]
    private static partial Regex Vide();

    [GeneratedRegex(@"""(\w+)"" AS ""(\w+)""")]
    private static partial Regex Alias();

    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex Parcours();

    [GeneratedRegex(@"\s+LIMIT\s+@\w+(\s+OFFSET\s+@\w+)?\s*$")]
    private static partial Regex Limite();
}
