using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Clause.Tests.Support;

/// <summary>
/// A fingerprint of a SQLite database — per table, its number of rows and a SHA-256 of its content (every row, every
/// column, order-independent) — and of a folder's files (names, sizes, contents), to check that a series of requests
/// changed nothing: two fingerprints are compared table by table, and the tables that differ are named.
/// </summary>
public static class EmpreinteBase
{
    /// <summary>
    /// Table → « n lignes, hash » for every table of <paramref name="cheminBase"/> but <paramref name="exclues"/> (exact
    /// names, or prefixes ending with « * »), and « fichiers:dossier » → the files of <paramref name="dossierFichiers"/>.
    /// </summary>
    public static async Task<SortedDictionary<string, string>> LireAsync(string cheminBase, IEnumerable<string> exclues, string? dossierFichiers = null)
    {
        ArgumentNullException.ThrowIfNull(exclues);
        var filtres = exclues.ToList();
        var empreinte = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var connexion = new SqliteConnection($"Data Source={cheminBase};Mode=ReadOnly;Pooling=False"))
        {
            await connexion.OpenAsync();
            var tables = new List<string>();
            await using (var commande = connexion.CreateCommand())
            {
                commande.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                await using var lecteur = await commande.ExecuteReaderAsync();
                while (await lecteur.ReadAsync()) tables.Add(lecteur.GetString(0));
            }
            foreach (var table in tables.Where(t => !filtres.Any(f => Correspond(t, f))))
                empreinte[table] = await TableAsync(connexion, table);
        }
        if (dossierFichiers is not null) empreinte["fichiers:" + Path.GetFileName(dossierFichiers)] = Fichiers(dossierFichiers);
        return empreinte;
    }

    /// <summary>The tables (or file sets) whose fingerprint differs between <paramref name="avant"/> and <paramref name="apres"/>.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> avant, IReadOnlyDictionary<string, string> apres)
    {
        ArgumentNullException.ThrowIfNull(avant);
        ArgumentNullException.ThrowIfNull(apres);
        return avant.Keys.Union(apres.Keys)
            .Where(t => avant.GetValueOrDefault(t) != apres.GetValueOrDefault(t))
            .Select(t => $"{t} : {avant.GetValueOrDefault(t) ?? "(absente)"} → {apres.GetValueOrDefault(t) ?? "(absente)"}")
            .ToList();
    }

    private static bool Correspond(string table, string filtre) =>
        filtre.EndsWith('*') ? table.StartsWith(filtre[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(table, filtre, StringComparison.OrdinalIgnoreCase);

    private static async Task<string> TableAsync(SqliteConnection connexion, string table)
    {
        await using var commande = connexion.CreateCommand();
        commande.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        await using var lecteur = await commande.ExecuteReaderAsync();
        var lignes = new List<string>();
        var texte = new StringBuilder();
        while (await lecteur.ReadAsync())
        {
            texte.Clear();
            for (var i = 0; i < lecteur.FieldCount; i++)
            {
                var valeur = lecteur.GetValue(i);
                texte.Append(lecteur.GetName(i)).Append('=')
                    .Append(valeur is byte[] octets ? Convert.ToHexString(octets) : Convert.ToString(valeur, CultureInfo.InvariantCulture)).Append('\u001f');
            }
            lignes.Add(Hacher(texte.ToString()));
        }
        lignes.Sort(StringComparer.Ordinal);
        return $"{lignes.Count} lignes, {Hacher(string.Concat(lignes))[..16]}";
    }

    private static string Fichiers(string dossier)
    {
        if (!Directory.Exists(dossier)) return "0 fichiers";
        var fichiers = Directory.EnumerateFiles(dossier, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dossier, f) + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)
            .ToList();
        return $"{fichiers.Count} fichiers, {Hacher(string.Join('\n', fichiers))[..16]}";
    }

    private static string Hacher(string texte) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(texte)));
}
