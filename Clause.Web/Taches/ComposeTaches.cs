using Clause.Infrastructure;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>
/// Configuration section "Taches": <c>Actives</c> (default true: this node runs the scheduler; the tests switch it off
/// except those of the jobs), <c>Noeud</c> (this node's name in the run journal and in the Quartz cluster, default the
/// machine name; unique per node), <c>Cluster</c> (SQL Server only, default true: Quartz refuses clustering on SQLite).
/// </summary>
public sealed record OptionsTaches(bool Actives, string Noeud, bool Cluster)
{
    public static OptionsTaches Lire(IConfiguration configuration, OptionsBase baseDeDonnees)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(baseDeDonnees);
        var section = configuration.GetSection("Taches");
        var noeud = section["Noeud"];
        return new OptionsTaches(
            !string.Equals(section["Actives"], "false", StringComparison.OrdinalIgnoreCase),
            string.IsNullOrWhiteSpace(noeud) ? Environment.MachineName : noeud,
            baseDeDonnees.Fournisseur == FournisseurBase.SqlServer && !string.Equals(section["Cluster"], "false", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Quartz.NET with its persistent (ADO.NET) job store in the application's own database.</summary>
public static class ComposeTaches
{
    public const string NomPlanificateur = "Clause";

    public static IServiceCollection AddClauseTaches(this IServiceCollection services, IConfiguration configuration, string racineContenu) =>
        services.AddClauseTaches(configuration, OptionsBase.Lire(configuration, racineContenu));

    public static IServiceCollection AddClauseTaches(this IServiceCollection services, IConfiguration configuration, OptionsBase baseDeDonnees)
    {
        ArgumentNullException.ThrowIfNull(baseDeDonnees);
        var options = OptionsTaches.Lire(configuration, baseDeDonnees);
        services.AddSingleton(options);
        services.AddScoped<TableauTaches>();
        if (!options.Actives) return services;

        foreach (var tache in CatalogueTaches.Toutes) services.AddTransient(tache.Type);
        services.AddQuartz(q => ConfigurerPlanificateur(q, options, baseDeDonnees));
        services.AddHostedService<HoteTaches>();
        return services;
    }

    /// <summary>
    /// The scheduler of a node: its name and instance id, two threads, the ADO.NET store in the application's database
    /// (SQL Server clustered, or SQLite with its tables created). Also used by the SQL Server cluster test.
    /// </summary>
    public static void ConfigurerPlanificateur(IQuartzBuilder q, OptionsTaches options, OptionsBase baseDeDonnees)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseDeDonnees);
        q.ConfigureScheduler(s =>
        {
            s.InstanceName = NomPlanificateur;
            s.InstanceId = options.Noeud;
        });
        q.UseDefaultThreadPool(2);
        // No TimeProvider given here: Quartz takes the container's, so tests move the scheduler's clock too.
        q.UsePersistentStore(store =>
        {
            if (baseDeDonnees.Fournisseur == FournisseurBase.SqlServer)
            {
                // Tables from db/quartz-sqlserver.sql (the DBA runs it; the application account has no DDL right).
                store.UseSqlServer(baseDeDonnees.ChaineConnexion);
                if (options.Cluster) store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(20));
            }
            else
            {
                // Same SQLite file as the application's data; the tables are created when missing.
                store.UseSqlite(baseDeDonnees.ChaineConnexion);
                store.ProvisionSchema();
            }
        });
    }
}
