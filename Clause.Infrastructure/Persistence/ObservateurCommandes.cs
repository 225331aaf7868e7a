using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// An interceptor that sees every SQL command a context sends — queries, writes and scalars, synchronous or not — before it
/// runs, and changes nothing. The benchmark's per-request counter and the tests' counters and collectors derive from it.
/// </summary>
public abstract class ObservateurCommandes : DbCommandInterceptor
{
    protected abstract void Observer(DbCommand commande);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Observer(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Observer(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Observer(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Observer(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Observer(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Observer(command);
        return ValueTask.FromResult(result);
    }
}
