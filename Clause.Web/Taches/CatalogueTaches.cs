namespace Clause.Web.Taches;

/// <summary>
/// A scheduled job: its key (Quartz job and trigger name, run journal key), its French label for the admin page, the
/// thin Quartz job class (<see cref="TacheClause"/>) that calls an Infrastructure service, its Quartz cron schedule
/// (seconds first, Paris time) and that schedule said in French.
/// </summary>
public sealed record DefinitionTache(string Cle, string Libelle, Type Type, string Cron, string Frequence);

/// <summary>
/// THE list of Clause's scheduled jobs (issue 12). To add a job: a service in Clause.Infrastructure that does the work
/// (tested directly, without Quartz), a class in this folder deriving from <see cref="TacheClause"/> marked
/// <c>[DisallowConcurrentExecution]</c>, and one line here. <see cref="HoteTaches"/> schedules every line at start-up
/// (adds what is missing, applies a changed schedule, keeps the rest: a fire missed while the app was down runs once).
/// </summary>
public static class CatalogueTaches
{
    /// <summary>Schedules are read in Paris time (a "nightly" job runs at night in France, summer and winter).</summary>
    public static readonly TimeZoneInfo Fuseau = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static IReadOnlyList<DefinitionTache> Toutes { get; } =
    [
        new(TacheBoiteEnvoi.Cle, "Envoi des mails en attente", typeof(TacheBoiteEnvoi), "0 * * * * ?", "toutes les minutes"),
        new(TacheRelances.Cle, "Relances des déclarations d'heures", typeof(TacheRelances), "0 0 6 * * ?", "tous les jours à 6 h"),
        new(TacheAlertes.Cle, "Alertes des facilitateurs et des référents", typeof(TacheAlertes), "0 15 6 * * ?", "tous les jours à 6 h 15"),
        new(TacheTotauxMoisSales.Cle, "Totaux mensuels : recompilation des mois modifiés", typeof(TacheTotauxMoisSales), "0 0/5 * * * ?", "toutes les 5 minutes"),
        new(TacheTotauxMoisRecents.Cle, "Totaux mensuels : compilation des 3 derniers mois", typeof(TacheTotauxMoisRecents), "0 15 3 * * ?", "chaque nuit à 3 h 15"),
        new(TacheTotauxVerification.Cle, "Totaux mensuels : vérification de cohérence", typeof(TacheTotauxVerification), "0 15 4 * * ?", "chaque nuit à 4 h 15"),
        new(TacheConservation.Cle, "Conservation : anonymisation des participants et purge des journaux", typeof(TacheConservation), "0 30 2 * * ?", "chaque nuit à 2 h 30"),
        new(TacheOptimisationSqlite.Cle, "Statistiques de la base SQLite (PRAGMA optimize)", typeof(TacheOptimisationSqlite), "0 45 4 * * ?", "chaque nuit à 4 h 45"),
    ];

    public static DefinitionTache? Trouver(string cle) => Toutes.FirstOrDefault(t => t.Cle == cle);
}
