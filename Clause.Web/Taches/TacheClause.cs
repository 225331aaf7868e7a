using Clause.Infrastructure.Taches;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>
/// Base of every Quartz job of Clause: a thin shell that runs <see cref="TravaillerAsync"/> through
/// <see cref="ExecuteurTaches"/>, which keeps the run journal and turns an exception into a failed run. The job never
/// throws to Quartz, so a failure does not trigger Quartz's own refire: the next fire starts cleanly. Each derived
/// class carries <c>[DisallowConcurrentExecution]</c> (one run of a job at a time, across the cluster too).
/// </summary>
public abstract class TacheClause(ExecuteurTaches executeur) : IJob
{
    /// <summary>Job data of a run fired from the admin page.</summary>
    public const string DonneeDeclenchement = "declenchement";

    public const string DeclenchementManuel = "manuel";

    /// <summary>Scheduler context entry: the fires missed while the app was down, noted by <see cref="HoteTaches"/>.</summary>
    public const string CleEcheancesManquees = "clause.echeances-manquees";

    /// <summary>Quartz's default misfire threshold: a fire later than this is a misfire.</summary>
    public static readonly TimeSpan SeuilRatee = TimeSpan.FromMinutes(1);

    protected abstract Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (declenchement, prevuLe) = Declenchement(context);
        await executeur.ExecuterAsync(context.JobDetail.Key.Name, declenchement, prevuLe,
            context.Scheduler.SchedulerInstanceId, TravaillerAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>By hand (admin page), catching up a fire missed while the app was down (once), or on schedule.</summary>
    private static (DeclenchementTache, DateTimeOffset?) Declenchement(IJobExecutionContext context)
    {
        if (context.MergedJobDataMap.TryGetValue(DonneeDeclenchement, out var valeur) && valeur as string == DeclenchementManuel)
            return (DeclenchementTache.Manuel, null);
        if (context.Scheduler.Context.TryGetValue(CleEcheancesManquees, out var liste)
            && liste is System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> manquees
            && manquees.TryRemove(context.JobDetail.Key.Name, out var manquee))
            return (DeclenchementTache.Rattrapage, manquee);
        return context.ScheduledFireTimeUtc is { } prevu && context.FireTimeUtc - prevu > SeuilRatee
            ? (DeclenchementTache.Rattrapage, prevu)
            : (DeclenchementTache.Planifie, context.ScheduledFireTimeUtc);
    }
}
