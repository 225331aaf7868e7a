using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Tests.Support;

/// <summary>A query the app sent: the address being requested, its SQL and its parameters as sent.</summary>
public sealed record CommandeSql(string Adresse, string Sql, IReadOnlyList<SqliteParameter> Parametres);

/// <summary>
/// Records every SQL command (queries and writes) the app's contexts send, tagged with the address the test is requesting
/// (<see cref="Adresse"/>, set before each request: the crawls are sequential), for the plan guard and the query budget.
/// </summary>
public sealed class CollecteSql : Clause.Infrastructure.Persistence.ObservateurCommandes
{
    private readonly ConcurrentQueue<CommandeSql> _commandes = new();

    /// <summary>The address being requested; null: nothing is recorded (set-up writes and reads).</summary>
    public string? Adresse { get; set; }

    public IReadOnlyList<CommandeSql> Commandes => [.. _commandes];

    public void Vider() => _commandes.Clear();

    protected override void Observer(DbCommand commande)
    {
        if (Adresse is not { } adresse) return;
        var parametres = commande.Parameters.OfType<SqliteParameter>()
            .Select(p => new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value) { SqliteType = p.SqliteType, Size = p.Size })
            .ToList();
        _commandes.Enqueue(new CommandeSql(adresse, commande.CommandText, parametres));
    }
}
