using Clause.Infrastructure.Conservation;
using Clause.Infrastructure.Taches;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>
/// The retention of DOMAIN.md §12 (issue 16 item 10, <see cref="ServiceConservation"/>), each night: in each structure
/// (<see cref="ParStructure"/>), the participants whose last event is older than the réglage are anonymised — only once
/// the Direction has confirmed the dry-run list — and the journal of sensitive reads older than its réglage is purged;
/// then, once for the installation, the run journal of the jobs older than 12 months.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TacheConservation(ExecuteurTaches executeur, IServiceScopeFactory portees) : TacheClause(executeur)
{
    public const string Cle = "conservation-donnees";

    protected override async Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation)
    {
        var resultats = new List<ResultatConservation>();
        var echecs = await ParStructure.PourChacuneAsync(portees, Cle, async (sp, _, ct) =>
            resultats.Add(await sp.GetRequiredService<ServiceConservation>().ExecuterAsync(ct).ConfigureAwait(false)), annulation).ConfigureAwait(false);
        // The run journal of the jobs is installation-wide (no StructureId): purged once, beyond 12 months.
        var executions = await ServiceConservation.PurgerExecutionsTachesAsync(services.GetRequiredService<Clause.Infrastructure.Persistence.ClauseDbContext>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), annulation).ConfigureAwait(false);
        var enAttente = resultats.Count(r => !r.Confirmee);
        return CompteRendu.De(
            $"{resultats.Count} structure(s) : {resultats.Sum(r => r.Anonymises)} participant(s) anonymisé(s), "
            + $"{resultats.Sum(r => r.LignesAuditPurgees)} ligne(s) d'audit purgée(s), {resultats.Sum(r => r.LecturesSensiblesPurgees)} lecture(s) sensible(s) purgée(s), "
            + $"{executions} exécution(s) de tâche purgée(s)"
            + (enAttente > 0 ? $" ; {enAttente} structure(s) sans confirmation de la Direction" : string.Empty),
            echecs);
    }
}
