using Clause.Infrastructure.Audit;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clause.Infrastructure;

/// <summary>Composition of the infrastructure: database provider, audit, mail, demo data.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddClauseInfrastructure(this IServiceCollection services, IConfiguration configuration, string racineContenu)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ContexteExecution>();
        services.AddSingleton<AuditInterceptor>();

        var options = OptionsBase.Lire(configuration, racineContenu);
        services.AddSingleton(options);
        if (options.Fournisseur == FournisseurBase.SqlServer)
        {
            services.AddDbContext<SqlServerClauseDbContext>((sp, o) => o
                .UseSqlServer(options.ChaineConnexion, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<ClauseDbContext>(sp => sp.GetRequiredService<SqlServerClauseDbContext>());
        }
        else
        {
            services.AddSingleton(OptionsSqlite.Lire(configuration));
            services.AddSingleton<ReglageConnexionSqlite>();
            services.AddDbContext<SqliteClauseDbContext>((sp, o) => o
                .UseSqlite(options.ChaineConnexion)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ReglageConnexionSqlite>()));
            services.AddScoped<ClauseDbContext>(sp => sp.GetRequiredService<SqliteClauseDbContext>());
        }

        services.Configure<OptionsMail>(configuration.GetSection(OptionsMail.Section));
        services.AddSingleton<IEnvoiMail>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<OptionsMail>>();
            return string.IsNullOrWhiteSpace(mail.Value.Hote)
                ? new EnvoiMailDossier(mail, sp.GetRequiredService<TimeProvider>(), Path.GetFullPath(mail.Value.DossierDepot, racineContenu))
                : new EnvoiMailSmtp(mail);
        });

        services.AddScoped<OptimisationSqlite>();
        services.AddScoped<SemeurDemo>();
        services.AddScoped<Heures.RequetesHeures>();
        services.AddScoped<Bilans.RequetesBilans>();
        services.AddScoped<Bilans.EnvoisBilans>();
        services.AddScoped<Bilans.RequetesConsolidation>();
        services.AddScoped<Heures.ServiceHeures>();
        services.AddScoped<Import.ServiceImport>();
        services.AddScoped<Heures.RequetesPortail>();
        services.AddScoped<Heures.ServiceSoumissions>();
        services.AddScoped<Totaux.CompilateurTotaux>();
        services.AddScoped<Totaux.VerificationTotaux>();
        services.AddSingleton<Totaux.TravauxTotaux>();
        services.AddScoped<Identite.JetonsAcces>();
        services.AddSingleton(Pieces.OptionsPieces.Lire(configuration, racineContenu));
        services.AddSingleton<Pieces.StockagePieces>();
        services.AddScoped<Pieces.RequetesPieces>();
        services.AddScoped<Pieces.ServicePieces>();
        services.AddScoped<Relances.ServiceRelances>();
        services.AddScoped<Relances.ServiceAlertes>();
        services.AddScoped<Conservation.ServiceConservation>();
        services.AddScoped<BoiteEnvoi>();
        services.AddScoped<ExpediteurBoiteEnvoi>();
        services.AddSingleton<Taches.ExecuteurTaches>();
        return services;
    }
}

public enum FournisseurBase
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Configuration section "Database": Provider (Sqlite by default, or SqlServer), SqlitePath (default
/// data/clause.db under the content root), ConnectionStrings:Clause (required for SQL Server),
/// MigrateAtStartup (default true).
/// </summary>
public sealed record OptionsBase(FournisseurBase Fournisseur, string ChaineConnexion, bool MigrerAuDemarrage)
{
    public static OptionsBase Lire(IConfiguration configuration, string racineContenu)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Database");
        var fournisseur = string.Equals(section["Provider"], "SqlServer", StringComparison.OrdinalIgnoreCase)
            ? FournisseurBase.SqlServer : FournisseurBase.Sqlite;
        var migrer = !string.Equals(section["MigrateAtStartup"], "false", StringComparison.OrdinalIgnoreCase);
        var chaine = configuration.GetConnectionString("Clause");
        if (fournisseur == FournisseurBase.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(chaine))
                throw new InvalidOperationException("Database:Provider=SqlServer demande une chaîne de connexion ConnectionStrings:Clause.");
            return new OptionsBase(fournisseur, chaine, migrer);
        }
        if (string.IsNullOrWhiteSpace(chaine))
        {
            var chemin = Path.GetFullPath(section["SqlitePath"] ?? Path.Combine("data", "clause.db"), racineContenu);
            Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
            chaine = $"Data Source={chemin}";
        }
        return new OptionsBase(fournisseur, chaine, migrer);
    }

    /// <summary>
    /// What is missing or wrong in the section, in French, one line per key, without writing anything (the start-up's
    /// Production check, Demarrage): an unknown provider, SQL Server without its connection string, a connection string
    /// that does not parse. The connection string is never quoted: it may hold a password.
    /// </summary>
    public static IEnumerable<string> Verifier(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var fournisseur = configuration["Database:Provider"];
        var sqlServer = string.Equals(fournisseur, "SqlServer", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(fournisseur) && !sqlServer && !string.Equals(fournisseur, "Sqlite", StringComparison.OrdinalIgnoreCase))
            yield return $"Database:Provider : « {fournisseur} » n'est pas un fournisseur connu (Sqlite ou SqlServer).";
        var chaine = configuration.GetConnectionString("Clause");
        if (string.IsNullOrWhiteSpace(chaine))
        {
            if (sqlServer) yield return "ConnectionStrings:Clause : chaîne de connexion manquante (obligatoire avec Database:Provider=SqlServer).";
            yield break;
        }
        if (!ChaineLisible(chaine, sqlServer))
            yield return "ConnectionStrings:Clause : chaîne de connexion illisible (mot-clé inconnu, valeur mal formée ou sans serveur ni fichier).";
    }

    private static bool ChaineLisible(string chaine, bool sqlServer)
    {
        try
        {
            return sqlServer
                ? !string.IsNullOrWhiteSpace(new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(chaine).DataSource)
                : !string.IsNullOrWhiteSpace(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(chaine).DataSource);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return false;
        }
    }
}
