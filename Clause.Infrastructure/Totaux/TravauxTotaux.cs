using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Infrastructure.Taches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Infrastructure.Totaux;

/// <summary>
/// The work of the compiled totals' jobs (Clause.Web/Taches/TachesTotaux.cs), with the run's report: the dirty months in
/// one pass per month for all structures, the nightly run and the check structure by structure (<see cref="ParStructure"/>:
/// one scope each, a failure in one does not stop the others).
/// </summary>
public sealed class TravauxTotaux(IServiceScopeFactory portees)
{
    public const string CleMoisSales = "totaux-mois-sales";
    public const string CleMoisRecents = "totaux-mois-recents";
    public const string CleVerification = "totaux-verification";

    /// <summary>
    /// Every few minutes: the dirty months of every structure, one pass per month for all its dirty structures
    /// (<see cref="CompilateurTotaux.CompilerStructuresAsync"/>: one scope, one transaction, one statement per aggregate —
    /// not one scope and transaction per structure, docs/performance.md). System path: the marks of EVERY structure are read
    /// with <c>IgnoreQueryFilters()</c> on purpose, and each pass names its structures. A month that fails is a failure of
    /// each of its structures; the other months go on.
    /// </summary>
    public async Task<CompteRendu> CompilerMoisSalesAsync(CancellationToken annulation = default)
    {
        List<(StructureId Structure, Mois Mois)> sales;
        using (var portee = portees.CreateScope())
        {
            portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme(CleMoisSales);
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            sales = (await db.MoisSales.IgnoreQueryFilters().AsNoTracking().Select(m => new { m.StructureId, m.Mois }).Distinct()
                    .ToListAsync(annulation).ConfigureAwait(false))
                .Select(m => (m.StructureId, m.Mois)).ToList();
        }

        var echecs = new List<EchecStructure>();
        var mois = 0;
        foreach (var groupe in sales.GroupBy(m => m.Mois).OrderBy(g => g.Key))
        {
            annulation.ThrowIfCancellationRequested();
            var structures = groupe.Select(m => m.Structure).ToList();
            // A scope per pass: a failed pass leaves nothing tracked for the next one.
            using var portee = portees.CreateScope();
            portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme(CleMoisSales);
            try
            {
                await portee.ServiceProvider.GetRequiredService<CompilateurTotaux>().CompilerStructuresAsync(groupe.Key, structures, annulation)
                    .ConfigureAwait(false);
                mois += structures.Count;
            }
            catch (Exception erreur) when (erreur is not OperationCanceledException)
            {
                echecs.AddRange(structures.Select(s => new EchecStructure(s, erreur)));
            }
        }
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
