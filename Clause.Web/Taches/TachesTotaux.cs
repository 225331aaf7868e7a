using Clause.Infrastructure.Taches;
using Clause.Infrastructure.Totaux;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>Recompiles the dirty months of every structure (<see cref="TravauxTotaux.CompilerMoisSalesAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class TacheTotauxMoisSales(ExecuteurTaches executeur) : TacheClause(executeur)
{
    public const string Cle = TravauxTotaux.CleMoisSales;

    protected override Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation) =>
        services.GetRequiredService<TravauxTotaux>().CompilerMoisSalesAsync(annulation);
}

/// <summary>Compiles the last three months of every structure at night (<see cref="TravauxTotaux.CompilerMoisRecentsAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class TacheTotauxMoisRecents(ExecuteurTaches executeur) : TacheClause(executeur)
{
    public const string Cle = TravauxTotaux.CleMoisRecents;

    protected override Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation) =>
        services.GetRequiredService<TravauxTotaux>().CompilerMoisRecentsAsync(annulation);
}

/// <summary>Compares the compiled totals with the live sums (<see cref="TravauxTotaux.VerifierAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class TacheTotauxVerification(ExecuteurTaches executeur) : TacheClause(executeur)
{
    public const string Cle = TravauxTotaux.CleVerification;

    protected override Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation) =>
        services.GetRequiredService<TravauxTotaux>().VerifierAsync(annulation);
}
