using Clause.Infrastructure.Taches;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>
/// Starts and stops this node's scheduler. Before starting it: marks this node's runs cut by a crash as interrupted,
/// then reconciles the job store with <see cref="CatalogueTaches"/> — a missing job is added, a changed schedule
/// replaces its trigger, an unchanged trigger is KEPT with its next fire time, so a fire missed while the app was down
/// is seen as a misfire and runs once (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>), not once per
/// missed fire. Stopping waits for the running jobs (their journal rows are completed).
/// </summary>
public sealed partial class HoteTaches(ISchedulerFactory fabrique, ExecuteurTaches executeur, OptionsTaches options,
    TimeProvider horloge, ILogger<HoteTaches> journal) : IHostedService
{
    private IScheduler? _planificateur;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrompues = await executeur.MarquerInterrompuesAsync(options.Noeud, cancellationToken).ConfigureAwait(false);
        if (interrompues > 0) JournaliserInterrompues(journal, interrompues);
        _planificateur = await fabrique.GetScheduler(cancellationToken).ConfigureAwait(false);
        await NoterEcheancesManqueesAsync(_planificateur, horloge, cancellationToken).ConfigureAwait(false);
        await PlanifierAsync(_planificateur, horloge, cancellationToken).ConfigureAwait(false);
        await _planificateur.Start(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_planificateur is not null) await _planificateur.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Before the scheduler starts: the fires missed while the app was down (next fire time already past). Quartz
    /// runs each such trigger once, at "now" — the run itself cannot tell it from a fire on time, so the job reads this
    /// list (<see cref="TacheClause"/>) to journal it as a catch-up with the fire time it replaces.
    /// </summary>
    private static async Task NoterEcheancesManqueesAsync(IScheduler planificateur, TimeProvider horloge, CancellationToken annulation)
    {
        var manquees = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
        var maintenant = horloge.GetUtcNow();
        foreach (var tache in CatalogueTaches.Toutes)
            if (await planificateur.GetTrigger(new TriggerKey(tache.Cle), annulation).ConfigureAwait(false) is { NextFireTimeUtc: { } prochaine }
                && prochaine < maintenant - TacheClause.SeuilRatee)
                manquees[tache.Cle] = prochaine;
        planificateur.Context[TacheClause.CleEcheancesManquees] = manquees;
    }

    /// <summary>Brings the job store in line with the catalogue (several nodes may do it at once: the loser finds it done).</summary>
    public static async Task PlanifierAsync(IScheduler planificateur, TimeProvider horloge, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(planificateur);
        foreach (var tache in CatalogueTaches.Toutes)
        {
            var cleDeclencheur = new TriggerKey(tache.Cle);
            var declencheur = Declencheur(tache, horloge);
            var existant = await planificateur.GetTrigger(cleDeclencheur, annulation).ConfigureAwait(false);
            if (existant is ICronTrigger cron && cron.CronExpressionString == tache.Cron && cron.TimeZone.Id == CatalogueTaches.Fuseau.Id
                && await planificateur.Exists(new JobKey(tache.Cle), annulation).ConfigureAwait(false))
                continue;
            var job = JobBuilder.Create().OfType(tache.Type).WithIdentity(tache.Cle).WithDescription(tache.Libelle)
                .StoreDurably().DisallowConcurrentExecution().Build();
            try
            {
                await planificateur.ScheduleJob(job, [declencheur], new ScheduleJobOptions { Replace = true }, annulation).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node scheduled it in the meantime.
            }
        }
    }

    private static ITrigger Declencheur(DefinitionTache tache, TimeProvider horloge) =>
        // Starting a second later: a node started exactly on a fire time does not run the job in the middle of its start-up.
        TriggerBuilder.Create(horloge).WithIdentity(tache.Cle).ForJob(tache.Cle).WithDescription(tache.Frequence)
            .StartAt(horloge.GetUtcNow().AddSeconds(1))
            .WithSchedule(CronScheduleBuilder.Create(tache.Cron).InTimeZone(CatalogueTaches.Fuseau)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Nombre} exécution(s) de tâche interrompue(s) par l'arrêt précédent de ce nœud.")]
    private static partial void JournaliserInterrompues(ILogger journal, int nombre);
}
