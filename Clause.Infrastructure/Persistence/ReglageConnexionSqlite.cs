using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// Applies <see cref="OptionsSqlite"/> (busy timeout, page cache, memory map, <c>synchronous = NORMAL</c> under WAL) to every
/// physical SQLite connection, once: Microsoft.Data.Sqlite pools the native handles, and a pooled handle keeps its pragmas,
/// so an open that reuses one costs nothing more.
/// </summary>
public sealed class ReglageConnexionSqlite(OptionsSqlite options) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _reglees = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AReglager(connection, out var commande))
            using (commande) commande.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AReglager(connection, out var commande))
            await using (commande.ConfigureAwait(false))
                await commande.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool AReglager(DbConnection connection, out DbCommand commande)
    {
        commande = null!;
        if (connection is not SqliteConnection sqlite || sqlite.Handle is not { } poignee) return false;
        if (_reglees.TryGetValue(poignee, out _)) return false;
        _reglees.AddOrUpdate(poignee, poignee);
        commande = sqlite.CreateCommand();
        commande.CommandText = options.Pragmas();
        return true;
    }
}
