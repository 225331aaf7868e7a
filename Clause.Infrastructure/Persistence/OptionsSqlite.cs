using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// SQLite's per-connection tuning, section "Database" (docs/operations.md): <c>SqliteBusyTimeoutMs</c> (how long a
/// statement waits for another connection's write lock before failing, default 5 000 ms), <c>SqliteCacheSizeKb</c> (page
/// cache of each connection, default 16 384 KiB) and <c>SqliteMmapSizeMb</c> (bytes of the file read through a memory map,
/// default 256 MiB; 0 turns it off).
/// </summary>
public sealed record OptionsSqlite(int DelaiAttenteMs, int CacheKo, long MmapMo)
{
    public static OptionsSqlite ParDefaut { get; } = new(5_000, 16_384, 256);

    public static OptionsSqlite Lire(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Database");
        return new OptionsSqlite(
            Entier(section, "SqliteBusyTimeoutMs", ParDefaut.DelaiAttenteMs, 0, 600_000),
            Entier(section, "SqliteCacheSizeKb", ParDefaut.CacheKo, 64, 4_194_304),
            Entier(section, "SqliteMmapSizeMb", (int)ParDefaut.MmapMo, 0, 1_048_576));
    }

    /// <summary>The statements run once on each new physical connection.</summary>
    public string Pragmas() => string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {DelaiAttenteMs}; PRAGMA cache_size = -{CacheKo}; PRAGMA mmap_size = {MmapMo * 1024 * 1024}; PRAGMA synchronous = NORMAL;");

    private static int Entier(IConfiguration section, string cle, int defaut, int min, int max)
    {
        var texte = section[cle];
        if (string.IsNullOrWhiteSpace(texte)) return defaut;
        if (!int.TryParse(texte, NumberStyles.Integer, CultureInfo.InvariantCulture, out var valeur) || valeur < min || valeur > max)
            throw new InvalidOperationException($"Database:{cle} doit être un entier entre {min} et {max} (reçu « {texte} »).");
        return valeur;
    }
}
