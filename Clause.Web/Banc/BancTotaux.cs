using System.Diagnostics;
using System.Globalization;
using Clause.Domain.Commun;
using Clause.Infrastructure.Echelle;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Totaux;
using Microsoft.Data.Sqlite;

namespace Clause.Web.Banc;

/// <summary>
/// <c>banc totaux</c> (issue 12, Performance): on a copy of the national database, compiles one month for every structure
/// (<see cref="CompilateurTotaux.CompilerAsync"/>, one scope per structure as the job does) and times a bare SQL GROUP BY
/// over the same lines; prints both, their ratio and the targets (≤ 2× the GROUP BY, &lt; 5 s). Each is run twice, the
/// second (warm cache) is the one compared. The copy is made anew each run, so the page benchmark's database never
/// holds the compiled month.
/// </summary>
public static partial class CommandeBanc
{
    private static async Task<int> BancTotauxAsync(string dossier, string? moisDemande)
    {
        var debut = Stopwatch.StartNew();
        Console.WriteLine($"Banc des totaux compilés — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {Environment.OSVersion}, .NET {Environment.Version}");
        var nationale = await PreparerAsync(dossier, ParametresEchelle.Nationale);
        Ecrire(nationale);
        var chemin = Path.Combine(dossier, "nationale-totaux.db");
        SqliteConnection.ClearAllPools();
        File.Copy(nationale.Chemin, chemin, overwrite: true);

        List<StructureId> structures = [];
        int mois;
        long lignes;
        await using (var connexion = new SqliteConnection($"Data Source={chemin}"))
        {
            await connexion.OpenAsync();
            await using (var commande = connexion.CreateCommand())
            {
                commande.CommandText = "SELECT \"Id\" FROM \"Structures\" ORDER BY \"Id\"";
                await using var lecteur = await commande.ExecuteReaderAsync();
                while (await lecteur.ReadAsync()) structures.Add(StructureId.De(Guid.Parse(lecteur.GetString(0))));
            }
            await using (var commande = connexion.CreateCommand())
            {
                commande.CommandText = moisDemande is null
                    ? "SELECT \"Mois\" FROM \"DeclarationsHeures\" GROUP BY \"Mois\" ORDER BY count(*) DESC, \"Mois\" LIMIT 1"
                    : "SELECT " + (Mois.De(DateOnly.ParseExact(moisDemande + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).Code).ToString(CultureInfo.InvariantCulture);
                mois = Convert.ToInt32(await commande.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
            await using (var commande = connexion.CreateCommand())
            {
                commande.CommandText = "SELECT count(*) FROM \"DeclarationsHeures\" WHERE \"Mois\" = $mois";
                commande.Parameters.AddWithValue("$mois", mois);
                lignes = Convert.ToInt64(await commande.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
        }
        var leMois = Mois.DepuisCode(mois);
        Console.WriteLine($"Mois {leMois} : {lignes:N0} lignes d'heures, {structures.Count} structures.");

        var compilations = new List<TimeSpan>();
        var passes = new List<TimeSpan>();
        var groupBy = new List<TimeSpan>();
        await using var hote = BasesEchelle.Hote(chemin, nationale.DossierPieces, dossier, TimeProvider.System);
        for (var tour = 0; tour < 2; tour++)
        {
            var chrono = Stopwatch.StartNew();
            foreach (var structure in structures)
            {
                using var portee = hote.Services.CreateScope();
                portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Contexte.DefinirTache("banc-totaux", structure);
                await portee.ServiceProvider.GetRequiredService<CompilateurTotaux>().CompilerAsync(structure, leMois);
            }
            compilations.Add(chrono.Elapsed);
            // The system path: the whole month of every structure in one transaction (CompilerStructuresAsync).
            chrono.Restart();
            using (var portee = hote.Services.CreateScope())
            {
                portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Contexte.DefinirSysteme("banc-totaux");
                await portee.ServiceProvider.GetRequiredService<CompilateurTotaux>().CompilerStructuresAsync(leMois, structures);
            }
            passes.Add(chrono.Elapsed);
            groupBy.Add(await GroupByNuAsync(chemin, mois));
            Console.WriteLine($"  tour {tour + 1} : compilation structure par structure {compilations[^1].TotalSeconds:0.00} s, en une passe {passes[^1].TotalSeconds:0.00} s, GROUP BY nu {groupBy[^1].TotalSeconds:0.000} s");
        }
        SqliteConnection.ClearAllPools();
        File.Delete(chemin);

        var parStructure = compilations[^1].TotalSeconds;
        var compilation = passes[^1].TotalSeconds;
        var nu = groupBy[^1].TotalSeconds;
        var rapport = compilation / nu;
        Console.WriteLine();
        Console.WriteLine("| Mesure (tour 2) | Valeur | Cible |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Compilation du mois {leMois} structure par structure (une portée chacune), {structures.Count} structures | {parStructure:0.00} s | — |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Compilation du mois {leMois} en une passe, {structures.Count} structures, {lignes:N0} lignes | {compilation:0.00} s | < 5 s : {(compilation < 5 ? "OK" : "AU-DESSUS")} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GROUP BY nu sur les mêmes lignes | {nu:0.000} s | — |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Rapport compilation / GROUP BY | {rapport:0.0} | ≤ 2 : {(rapport <= 2 ? "OK" : "AU-DESSUS")} |"));
        Console.WriteLine($"Durée totale du banc : {debut.Elapsed.TotalMinutes:0.0} min");
        return 0;
    }

    /// <summary>
    /// The baseline: one SQL statement over the month's lines of every structure, grouped by structure and lot — counted
    /// and pending minutes by status, distinct participants and contrats — read to the last row. No join, no rule: what
    /// SQLite needs at least to read and group those lines.
    /// </summary>
    private static async Task<TimeSpan> GroupByNuAsync(string chemin, int mois)
    {
        await using var connexion = new SqliteConnection($"Data Source={chemin}");
        await connexion.OpenAsync();
        await using var commande = connexion.CreateCommand();
        commande.CommandText = """
            SELECT d."StructureId", d."LotId",
                   sum(CASE WHEN d."Statut" = 'Validee' THEN d."Minutes" ELSE 0 END),
                   sum(CASE WHEN d."Statut" = 'Declaree' THEN d."Minutes" ELSE 0 END),
                   count(DISTINCT d."ParticipantId"), count(DISTINCT d."ContratId")
            FROM "DeclarationsHeures" AS d
            WHERE d."Mois" = $mois
            GROUP BY d."StructureId", d."LotId"
            """;
        commande.Parameters.AddWithValue("$mois", mois);
        var chrono = Stopwatch.StartNew();
        await using var lecteur = await commande.ExecuteReaderAsync();
        var groupes = 0;
        while (await lecteur.ReadAsync()) groupes++;
        return chrono.Elapsed;
    }
}
