using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure;

/// <summary>The app's SQLite file with its own tuning values (they come from configuration, not from constants).</summary>
public sealed class FabriqueSqliteReglee : FabriqueClause
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SqliteBusyTimeoutMs", "1234");
        builder.UseSetting("Database:SqliteCacheSizeKb", "2048");
        builder.UseSetting("Database:SqliteMmapSizeMb", "8");
    }
}

/// <summary>SQLite tuned (issue 17 item 6): WAL from start-up, each connection's pragmas from configuration, statistics by PRAGMA optimize.</summary>
public sealed class ReglagesSqliteTests(FabriqueSqliteReglee app) : IClassFixture<FabriqueSqliteReglee>
{
    private static async Task<long> PragmaAsync(ClauseDbContext db, string pragma)
    {
        await using var commande = db.Database.GetDbConnection().CreateCommand();
        commande.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await commande.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Chaque_connexion_recoit_le_delai_d_attente_le_cache_et_la_projection_configures_et_le_fichier_est_en_wal()
    {
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal(1234, await PragmaAsync(db, "busy_timeout"));
        Assert.Equal(-2048, await PragmaAsync(db, "cache_size"));
        Assert.Equal(8L * 1024 * 1024, await PragmaAsync(db, "mmap_size"));
        Assert.Equal(1, await PragmaAsync(db, "synchronous")); // NORMAL
        await using var mode = db.Database.GetDbConnection().CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Optimiser_donne_au_planificateur_les_statistiques_des_tables_remplies()
    {
        var structure = await app.CreerStructureAsync();
        for (var i = 0; i < 30; i++)
            await app.CreerEntrepriseAsync(structure.Id, $"Entreprise {i:D2}", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();

        Assert.True(await portee.ServiceProvider.GetRequiredService<OptimisationSqlite>().OptimiserAsync());

        var statistiques = await db.Database.SqlQueryRaw<string>("SELECT idx AS Value FROM sqlite_stat1 WHERE tbl = 'Entreprises'").ToListAsync();
        Assert.Contains("IX_Entreprises_StructureId_RaisonSociale", statistiques);
    }

    [Theory]
    [InlineData("SqliteBusyTimeoutMs", "beaucoup")]
    [InlineData("SqliteCacheSizeKb", "-5")]
    [InlineData("SqliteMmapSizeMb", "99999999")]
    public void Une_valeur_hors_bornes_est_refusee_en_nommant_la_cle(string cle, string valeur)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:" + cle] = valeur }).Build();
        var erreur = Assert.Throws<InvalidOperationException>(() => OptionsSqlite.Lire(configuration));
        Assert.Contains("Database:" + cle, erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sans_configuration_les_valeurs_par_defaut_s_appliquent()
    {
        var options = OptionsSqlite.Lire(new ConfigurationBuilder().Build());
        Assert.Equal(OptionsSqlite.ParDefaut, options);
        Assert.Equal("PRAGMA busy_timeout = 5000; PRAGMA cache_size = -16384; PRAGMA mmap_size = 268435456; PRAGMA synchronous = NORMAL;", options.Pragmas());
    }
}
