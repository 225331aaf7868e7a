using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Tests.Support;

/// <summary>
/// Counts the SQL commands a context sends, queries (SELECT) apart from writes, so a test can assert a cost that does not
/// grow with the rows. SQLite's provider sends one statement per written row (no batching: it is in-process), so the
/// writes of a save grow with the rows changed by nature; the queries are what a loop per row would multiply.
/// </summary>
public sealed class CompteurCommandes : DbCommandInterceptor
{
    private int _requetes;
    private int _ecritures;

    public int Requetes => _requetes;

    public int Ecritures => _ecritures;

    public void Remettre()
    {
        Interlocked.Exchange(ref _requetes, 0);
        Interlocked.Exchange(ref _ecritures, 0);
    }

    private void Compter(DbCommand commande)
    {
        if (commande.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _requetes);
        else Interlocked.Increment(ref _ecritures);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Compter(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Compter(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Compter(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Compter(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Compter(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Compter(command);
        return ValueTask.FromResult(result);
    }
}
