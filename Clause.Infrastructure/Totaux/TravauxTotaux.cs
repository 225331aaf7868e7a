using Clause.Infrastructure.Taches;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Infrastructure.Totaux;

/// <summary>
/// The work of the compiled totals' jobs (Clause.Web/Taches/TachesTotaux.cs), structure by structure
/// (<see cref="ParStructure"/>: one scope each, a failure in one does not stop the others), with the run's report.
/// </summary>
public sealed class TravauxTotaux(IServiceScopeFactory portees)
{
    public const string CleMoisSales = "totaux-mois-sales";
    public const string CleMoisRecents = "totaux-mois-recents";
    public const string CleVerification = "totaux-verification";

    /// <summary>Every few minutes: the dirty months of every structure.</summary>
    public async Task<CompteRendu> CompilerMoisSalesAsync(CancellationToken annulation = default)
    {
        var mois = 0;
        var echecs = await ParStructure.PourChacuneAsync(portees, CleMoisSales, async (services, structure, ct) =>
            mois += await services.GetRequiredService<CompilateurTotaux>().CompilerMoisSalesAsync(structure, ct).ConfigureAwait(false),
            annulation).ConfigureAwait(false);
        return new CompteRendu($"{mois} mois recompilé(s).", echecs);
    }

    /// <summary>Nightly: the last months of every structure, with the dirty and never-compiled ones.</summary>
    public async Task<CompteRendu> CompilerMoisRecentsAsync(CancellationToken annulation = default)
    {
        var mois = 0;
        var echecs = await ParStructure.PourChacuneAsync(portees, CleMoisRecents, async (services, structure, ct) =>
            mois += await services.GetRequiredService<CompilateurTotaux>().CompilerMoisRecentsAsync(structure, ct).ConfigureAwait(false),
            annulation).ConfigureAwait(false);
        return new CompteRendu($"{mois} mois compilé(s).", echecs);
    }

    /// <summary>
    /// Nightly: the consistency check of every structure. A structure whose compiled totals differ from the live sums is a
    /// failure of the run, its differences in the message (the admin page shows it); <see cref="Derniere"/> keeps the result.
    /// </summary>
    public async Task<CompteRendu> VerifierAsync(CancellationToken annulation = default)
    {
        var resultats = new List<ResultatVerificationTotaux>();
        var echecs = await ParStructure.PourChacuneAsync(portees, CleVerification, async (services, structure, ct) =>
        {
            var resultat = await services.GetRequiredService<VerificationTotaux>().VerifierAsync(structure, ct).ConfigureAwait(false);
            resultats.Add(resultat);
            if (!resultat.Coherent)
                throw new InvalidOperationException($"{resultat.Ecarts.Count} écart(s) entre totaux compilés et sommes des lignes : "
                                                    + string.Join(" ; ", resultat.Ecarts.Take(5).Select(e => $"{e.Mois} {e.Description}")));
        }, annulation).ConfigureAwait(false);
        var mois = resultats.Sum(r => r.MoisVerifies);
        var ecarts = resultats.Sum(r => r.Ecarts.Count);
        return new CompteRendu($"{mois} mois vérifié(s), {ecarts} écart(s).", echecs);
    }
}
