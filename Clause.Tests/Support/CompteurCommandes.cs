using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Tests.Support;

/// <summary>
/// Counts the SQL commands a context sends, queries (SELECT) apart from writes, so a test can assert a cost that does not
/// grow with the rows. SQLite's provider sends one statement per written row (no batching: it is in-process), so the
/// writes of a save grow with the rows changed by nature; the queries are what a loop per row would multiply.
/// </summary>
public sealed class CompteurCommandes : Clause.Infrastructure.Persistence.ObservateurCommandes
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

    protected override void Observer(DbCommand commande)
    {
        if (commande.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _requetes);
        else Interlocked.Increment(ref _ecritures);
    }
}
