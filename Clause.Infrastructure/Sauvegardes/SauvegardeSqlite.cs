using System.Globalization;
using System.Reflection;
using Clause.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Clause.Infrastructure.Sauvegardes;

/// <summary>
/// Online backup and checked restore of the embedded SQLite database (docs/operations.md, « Sauvegarde et
/// restauration »). The backup uses SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// pages are copied while the app keeps reading and writing, and the copy is one consistent state of the file. The
/// copy is then marked as a Clause backup (<c>PRAGMA application_id</c>) and checked. A restore refuses any file that
/// is not such a backup, whose integrity check fails, or that holds a migration this version does not know; only
/// then are its pages copied over the live database, with the same API.
/// </summary>
public static class SauvegardeSqlite
{
    /// <summary>« Clau » in ASCII: the application id written in every Clause backup.</summary>
    public const int IdentifiantApplication = 0x436C6175;

    /// <summary>Copies the live database to <paramref name="destination"/> (which must not exist) and checks the copy.</summary>
    public static async Task<RapportSauvegarde> SauvegarderAsync(string chaineConnexion, string destination, CancellationToken annulation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var chemin = Path.GetFullPath(destination);
        if (File.Exists(chemin))
            throw new SauvegardeRefuseeException($"Le fichier {chemin} existe déjà : une sauvegarde n'écrase jamais un fichier.");
        Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
        await using (var source = new SqliteConnection(chaineConnexion))
        await using (var copie = new SqliteConnection(Chaine(chemin, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(annulation).ConfigureAwait(false);
            await copie.OpenAsync(annulation).ConfigureAwait(false);
            source.BackupDatabase(copie);
            await ExecuterAsync(copie, $"PRAGMA application_id = {IdentifiantApplication.ToString(CultureInfo.InvariantCulture)};", annulation).ConfigureAwait(false);
            // The copy is one self-contained file (no -wal beside it).
            await ExecuterAsync(copie, "PRAGMA journal_mode = DELETE;", annulation).ConfigureAwait(false);
        }
        SqliteConnection.ClearAllPools();
        return await ControlerAsync(chemin, annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the live database by the backup <paramref name="fichier"/>, after <see cref="ControlerAsync"/>: a refused
    /// file leaves the live database untouched. Run it with the app stopped (docs/operations.md).
    /// </summary>
    public static async Task<RapportSauvegarde> RestaurerAsync(string chaineConnexion, string fichier, CancellationToken annulation = default)
    {
        var rapport = await ControlerAsync(fichier, annulation).ConfigureAwait(false);
        await using (var sauvegarde = new SqliteConnection(Chaine(Path.GetFullPath(fichier), SqliteOpenMode.ReadOnly)))
        await using (var vivante = new SqliteConnection(chaineConnexion))
        {
            await sauvegarde.OpenAsync(annulation).ConfigureAwait(false);
            await vivante.OpenAsync(annulation).ConfigureAwait(false);
            sauvegarde.BackupDatabase(vivante);
            // The copied header holds the backup's marker; the live file is not a backup.
            await ExecuterAsync(vivante, "PRAGMA application_id = 0;", annulation).ConfigureAwait(false);
        }
        SqliteConnection.ClearAllPools();
        return rapport;
    }

    /// <summary>Checks that <paramref name="fichier"/> is a Clause backup this version can open; throws <see cref="SauvegardeRefuseeException"/> otherwise.</summary>
    public static async Task<RapportSauvegarde> ControlerAsync(string fichier, CancellationToken annulation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fichier);
        var chemin = Path.GetFullPath(fichier);
        if (!File.Exists(chemin)) throw new SauvegardeRefuseeException($"Le fichier {chemin} n'existe pas.");
        var entete = new byte[16];
        await using (var flux = File.OpenRead(chemin))
        {
            if (await flux.ReadAtLeastAsync(entete, entete.Length, throwOnEndOfStream: false, annulation).ConfigureAwait(false) < entete.Length
                || !entete.AsSpan().SequenceEqual("SQLite format 3\0"u8))
                throw new SauvegardeRefuseeException("Ce fichier n'est pas une base SQLite : ce n'est pas une sauvegarde de Clause.");
        }
        try
        {
            await using var connexion = new SqliteConnection(Chaine(chemin, SqliteOpenMode.ReadOnly));
            await connexion.OpenAsync(annulation).ConfigureAwait(false);
            if (Convert.ToInt32(await ScalaireAsync(connexion, "PRAGMA application_id;", annulation).ConfigureAwait(false), CultureInfo.InvariantCulture) != IdentifiantApplication)
                throw new SauvegardeRefuseeException("Cette base SQLite n'a pas été écrite par la sauvegarde de Clause (marque d'application absente).");
            var integrite = (string?)await ScalaireAsync(connexion, "PRAGMA integrity_check;", annulation).ConfigureAwait(false);
            if (integrite != "ok")
                throw new SauvegardeRefuseeException("La sauvegarde est endommagée (contrôle d'intégrité SQLite : " + integrite + ").");
            var migrations = new List<string>();
            await using (var commande = connexion.CreateCommand())
            {
                commande.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
                await using var lecteur = await commande.ExecuteReaderAsync(annulation).ConfigureAwait(false);
                while (await lecteur.ReadAsync(annulation).ConfigureAwait(false)) migrations.Add(lecteur.GetString(0));
            }
            var connues = MigrationsConnues();
            var inconnues = migrations.Where(m => !connues.Contains(m)).ToList();
            if (migrations.Count == 0)
                throw new SauvegardeRefuseeException("La sauvegarde ne contient aucune migration de Clause.");
            if (inconnues.Count > 0)
                throw new SauvegardeRefuseeException("La sauvegarde vient d'une version plus récente de Clause (migrations inconnues : " + string.Join(", ", inconnues) + ").");
            var lignesAudit = Convert.ToInt64(await ScalaireAsync(connexion, "SELECT COUNT(*) FROM JournalAudit;", annulation).ConfigureAwait(false), CultureInfo.InvariantCulture);
            return new RapportSauvegarde(chemin, new FileInfo(chemin).Length, migrations[^1], lignesAudit);
        }
        catch (SqliteException ex)
        {
            throw new SauvegardeRefuseeException("Ce fichier n'est pas une sauvegarde lisible de Clause (" + ex.SqliteErrorCode.ToString(CultureInfo.InvariantCulture) + ").", ex);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static HashSet<string> MigrationsConnues() =>
        typeof(SqliteClauseDbContext).Assembly.GetTypes()
            .Where(t => typeof(Migration).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteClauseDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static string Chaine(string chemin, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = chemin, Mode = mode, Pooling = false }.ToString();

    private static async Task ExecuterAsync(SqliteConnection connexion, string sql, CancellationToken annulation)
    {
        await using var commande = connexion.CreateCommand();
        commande.CommandText = sql;
        await commande.ExecuteNonQueryAsync(annulation).ConfigureAwait(false);
    }

    private static async Task<object?> ScalaireAsync(SqliteConnection connexion, string sql, CancellationToken annulation)
    {
        await using var commande = connexion.CreateCommand();
        commande.CommandText = sql;
        return await commande.ExecuteScalarAsync(annulation).ConfigureAwait(false);
    }
}

/// <summary>A checked backup: its file, size, last migration and number of audit rows.</summary>
public sealed record RapportSauvegarde(string Fichier, long Octets, string DerniereMigration, long LignesAudit);

/// <summary>A backup or restore refused, with the French reason (nothing was written).</summary>
public sealed class SauvegardeRefuseeException : Exception
{
    public SauvegardeRefuseeException() { }

    public SauvegardeRefuseeException(string message) : base(message) { }

    public SauvegardeRefuseeException(string message, Exception inner) : base(message, inner) { }
}
