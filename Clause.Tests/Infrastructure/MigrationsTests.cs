using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Clause.Tests.Infrastructure;

/// <summary>Gates: both migration sets match the model, and db/ holds the current SQL Server script.</summary>
public class MigrationsTests
{
    private static readonly string CheminScript = Path.Combine(Racine.Depot(), "db", "clause-sqlserver.sql");

    [Fact]
    public void Sqlite_n_a_pas_de_changement_de_modele_sans_migration()
    {
        using var db = new FabriqueSqliteConception().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Modèle modifié sans migration SQLite : lancez outils/migration.sh <Nom>.");
    }

    [Fact]
    public void SqlServer_n_a_pas_de_changement_de_modele_sans_migration()
    {
        using var db = new FabriqueSqlServerConception().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Modèle modifié sans migration SQL Server : lancez outils/migration.sh <Nom>.");
    }

    [Fact]
    public void Les_deux_fournisseurs_ont_les_memes_migrations()
    {
        using var sqlite = new FabriqueSqliteConception().CreateDbContext([]);
        using var sqlServer = new FabriqueSqlServerConception().CreateDbContext([]);
        Assert.Equal(sqlite.Database.GetMigrations().Select(Nom), sqlServer.Database.GetMigrations().Select(Nom));

        static string Nom(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
    }

    [Fact]
    public void Le_script_de_db_est_a_jour()
    {
        using var db = new FabriqueSqlServerConception().CreateDbContext([]);
        var attendu = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.True(File.Exists(CheminScript), "db/clause-sqlserver.sql manque : lancez outils/migration.sh --script-seulement.");
        Assert.True(Normaliser(File.ReadAllText(CheminScript)) == Normaliser(attendu),
            "db/clause-sqlserver.sql n'est pas à jour : lancez outils/migration.sh --script-seulement.");
    }

    [Theory]
    [InlineData("clause-sqlserver.sql")]
    [InlineData("quartz-sqlserver.sql")]
    public void Le_script_de_db_est_du_TSQL_valide(string script)
    {
        var parseur = new TSql160Parser(initialQuotedIdentifiers: true);
        using var lecteur = new StringReader(File.ReadAllText(Path.Combine(Racine.Depot(), "db", script)));
        parseur.Parse(lecteur, out var erreurs);
        Assert.True(erreurs.Count == 0, string.Join(Environment.NewLine, erreurs.Select(e => $"ligne {e.Line} : {e.Message}")));
    }

    [Fact]
    public void Le_script_des_tables_Quartz_de_db_est_celui_du_paquet_Quartz()
    {
        var chemin = Path.Combine(Racine.Depot(), "db", "quartz-sqlserver.sql");
        Assert.True(File.Exists(chemin), "db/quartz-sqlserver.sql manque : lancez dotnet run --project Clause.Web -- --script-quartz db/quartz-sqlserver.sql.");
        Assert.True(Normaliser(File.ReadAllText(chemin)) == Normaliser(Clause.Web.Taches.SchemaQuartz.ScriptSqlServer()),
            "db/quartz-sqlserver.sql n'est pas à jour : lancez dotnet run --project Clause.Web -- --script-quartz db/quartz-sqlserver.sql.");
        // The tables the job store reads, with the prefix it uses by default.
        Assert.Contains("CREATE TABLE QRTZ_TRIGGERS", File.ReadAllText(chemin), StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE QRTZ_LOCKS", File.ReadAllText(chemin), StringComparison.Ordinal);
    }

    [Fact]
    public void Le_modele_sql_server_se_construit_avec_ses_options()
    {
        using var db = new FabriqueSqlServerConception().CreateDbContext([]);
        Assert.True(db.Database.IsSqlServer());
        Assert.NotEmpty(db.Model.GetEntityTypes());
    }

    private static string Normaliser(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}
