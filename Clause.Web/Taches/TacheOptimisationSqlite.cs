using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Taches;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>Daily <c>PRAGMA optimize</c> (fresh statistics for SQLite's planner, docs/operations.md); nothing to do on SQL Server.</summary>
[DisallowConcurrentExecution]
public sealed class TacheOptimisationSqlite(ExecuteurTaches executeur) : TacheClause(executeur)
{
    public const string Cle = "optimisation-sqlite";

    protected override async Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation) =>
        await services.GetRequiredService<OptimisationSqlite>().OptimiserAsync(annulation)
            ? new CompteRendu("Statistiques SQLite mises à jour (PRAGMA optimize).")
            : new CompteRendu("Base SQL Server : statistiques tenues par le serveur, rien à faire.");
}
