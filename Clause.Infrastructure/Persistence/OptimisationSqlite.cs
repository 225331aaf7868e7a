using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's query planner informed (docs/operations.md, « SQLite ») : <see cref="PreparerAsync"/> at start-up puts the
/// file in WAL mode (readers no longer wait for the writer) and refreshes the statistics; <see cref="OptimiserAsync"/>, run
/// daily by the scheduled job, runs <c>PRAGMA optimize</c> (ANALYZE of the tables whose statistics are missing or stale,
/// bounded by <c>analysis_limit</c> so it stays short on a large file). Without statistics SQLite picks an index by its
/// shape alone, and may read a whole structure's rows through the wrong one. SQL Server keeps its own statistics
/// (AUTO_UPDATE_STATISTICS): both methods do nothing there and say so.
/// </summary>
public sealed class OptimisationSqlite(ClauseDbContext db)
{
    /// <summary>analysis_limit: rows sampled per index by ANALYZE (SQLite's recommended bound for PRAGMA optimize).</summary>
    private const string Optimiser = "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;";

    /// <summary>Start-up: WAL mode (persistent in the file) and fresh statistics. Returns false on SQL Server.</summary>
    public async Task<bool> PreparerAsync(CancellationToken annulation = default)
    {
        if (!db.Database.IsSqlite()) return false;
        // An in-memory database answers "memory": WAL only applies to a file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", annulation).ConfigureAwait(false);
        return await OptimiserAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>PRAGMA optimize over every table (0x10002: check all tables, not only those this connection used).</summary>
    public async Task<bool> OptimiserAsync(CancellationToken annulation = default)
    {
        if (!db.Database.IsSqlite()) return false;
        await db.Database.ExecuteSqlRawAsync(Optimiser, annulation).ConfigureAwait(false);
        return true;
    }
}
