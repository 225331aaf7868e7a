using System.Collections.Concurrent;
using Clause.Infrastructure;
using Clause.Web.Taches;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Clause.Tests.Web.Taches;

/// <summary>
/// Opt-in (category <c>SqlServer</c>, run by test.sh only when <c>CLAUSE_SQLSERVER</c> holds a connection string, see
/// docs/operations.md): two clustered schedulers configured as the nodes are (<see cref="ComposeTaches.ConfigurerPlanificateur"/>)
/// on one fresh database whose Quartz tables come from db/quartz-sqlserver.sql; a job firing several times runs each fire
/// exactly once, on one node or the other.
/// </summary>
[Trait("Categorie", "SqlServer")]
public sealed class ClusterSqlServerTests
{
    private const int Declenchements = 8;

    /// <summary>Each run, keyed by its scheduled fire time, with the node that ran it.</summary>
    private static readonly ConcurrentDictionary<DateTimeOffset, ConcurrentBag<string>> Executions = new();

    [DisallowConcurrentExecution]
    public sealed class TacheComptee : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            Executions.GetOrAdd(context.ScheduledFireTimeUtc!.Value, _ => []).Add(context.Scheduler.SchedulerInstanceId);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Deux_planificateurs_sur_une_base_n_executent_jamais_deux_fois_le_meme_declenchement()
    {
        var serveur = Environment.GetEnvironmentVariable("CLAUSE_SQLSERVER");
        Assert.False(string.IsNullOrWhiteSpace(serveur), "CLAUSE_SQLSERVER (chaîne de connexion) est requis pour la catégorie SqlServer.");
        var nomBase = "ClauseQuartz_" + Guid.NewGuid().ToString("N")[..12];
        var chaine = new SqlConnectionStringBuilder(serveur) { InitialCatalog = nomBase }.ConnectionString;
        await ExecuterAsync(new SqlConnectionStringBuilder(serveur) { InitialCatalog = "master" }.ConnectionString, [$"CREATE DATABASE [{nomBase}]"]);
        var planificateurs = new List<(ServiceProvider Services, IScheduler Planificateur)>();
        try
        {
            var script = await File.ReadAllTextAsync(Path.Combine(Racine(), "db", "quartz-sqlserver.sql"));
            await ExecuterAsync(chaine, System.Text.RegularExpressions.Regex.Split(script, @"^\s*GO\s*$", System.Text.RegularExpressions.RegexOptions.Multiline));

            var baseDeDonnees = new OptionsBase(FournisseurBase.SqlServer, chaine, MigrerAuDemarrage: false);
            foreach (var noeud in new[] { "noeud-a", "noeud-b" })
            {
                var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
                    .AddQuartz(q => ComposeTaches.ConfigurerPlanificateur(q, new OptionsTaches(true, noeud, Cluster: true), baseDeDonnees))
                    .BuildServiceProvider();
                var planificateur = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                await planificateur.Start();
                planificateurs.Add((services, planificateur));
            }

            var tache = JobBuilder.Create<TacheComptee>().WithIdentity("comptee").StoreDurably().Build();
            var debut = DateTimeOffset.UtcNow.AddSeconds(2);
            var declencheur = TriggerBuilder.Create().WithIdentity("comptee").ForJob(tache).StartAt(debut)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).WithRepeatCount(Declenchements - 1)).Build();
            await planificateurs[0].Planificateur.ScheduleJob(tache, declencheur);

            // Waiting for an event (the last fire ran), with a deadline that only fails a broken cluster.
            var limite = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (Executions.Count < Declenchements && DateTime.UtcNow < limite) await Task.Delay(250);
            await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate of the last fire would land here

            Assert.Equal(Declenchements, Executions.Count);
            Assert.All(Executions, e => Assert.Single(e.Value));
            Assert.Equal(Enumerable.Range(0, Declenchements).Select(i => debut.AddSeconds(i).ToUnixTimeSeconds()),
                Executions.Keys.Select(k => k.ToUnixTimeSeconds()).Order());
        }
        finally
        {
            foreach (var (services, planificateur) in planificateurs)
            {
                await planificateur.Shutdown(waitForJobsToComplete: true);
                await services.DisposeAsync();
            }
            SqlConnection.ClearAllPools();
            await ExecuterAsync(new SqlConnectionStringBuilder(serveur) { InitialCatalog = "master" }.ConnectionString,
                [$"ALTER DATABASE [{nomBase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE", $"DROP DATABASE [{nomBase}]"]);
        }
    }

    private static async Task ExecuterAsync(string chaine, IEnumerable<string> lots)
    {
        await using var connexion = new SqlConnection(chaine);
        await connexion.OpenAsync();
        foreach (var lot in lots.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            await using var commande = connexion.CreateCommand();
            commande.CommandText = lot;
            await commande.ExecuteNonQueryAsync();
        }
    }

    private static string Racine()
    {
        var dossier = new DirectoryInfo(AppContext.BaseDirectory);
        while (dossier is not null && !File.Exists(Path.Combine(dossier.FullName, "Clause.sln"))) dossier = dossier.Parent;
        return dossier?.FullName ?? throw new InvalidOperationException("Clause.sln introuvable.");
    }
}
