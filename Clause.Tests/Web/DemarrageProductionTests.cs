using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Clause.Tests.Web;

/// <summary>A Production start with the required settings (<see cref="FabriqueClause.ConfigurerProduction"/>), some of them overridden.</summary>
public sealed class FabriqueConfigurationProduction(IReadOnlyDictionary<string, string> reglages) : FabriqueClause("Production")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ConfigurerProduction(builder);
        builder.UseSetting("Administration:PremierAdministrateur", "dsi@agglo-exemple.fr");
        foreach (var (cle, valeur) in reglages) builder.UseSetting(cle, valeur);
    }
}

/// <summary>
/// Issue 16 item 7: in Production, a missing or invalid setting stops the start with one French message naming every key
/// to fix — before anything is written: no database file, no folder, no account.
/// </summary>
public sealed class DemarrageProductionTests
{
    /// <summary>Starts the app, expects the refusal, checks that nothing was written; returns the message.</summary>
    private static string DemarrageRefuse(Dictionary<string, string> reglages)
    {
        using var app = new FabriqueConfigurationProduction(reglages);
        var erreur = Assert.ThrowsAny<Exception>(() => app.Server);
        var refus = Chaine(erreur).OfType<ConfigurationInvalideException>().FirstOrDefault();
        Assert.True(refus is not null, "Refus attendu, reçu : " + erreur);
        Assert.False(File.Exists(app.CheminBase));
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.Dossier));
        return refus.Message;
    }

    private static IEnumerable<Exception> Chaine(Exception erreur)
    {
        yield return erreur;
        var internes = erreur is AggregateException groupe ? groupe.InnerExceptions : erreur.InnerException is { } interne ? [interne] : [];
        foreach (var sous in internes.SelectMany(Chaine)) yield return sous;
    }

    [Fact]
    public void Sans_adresse_publique_la_production_ne_demarre_pas_et_n_ecrit_rien()
    {
        var message = DemarrageRefuse(new() { ["Administration:UrlPublique"] = "" });

        Assert.StartsWith("Clause ne démarre pas en production : la configuration est incomplète ou invalide.", message, StringComparison.Ordinal);
        Assert.Contains("- Administration:UrlPublique : adresse publique manquante", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Mail:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sans_courrier_la_production_ne_demarre_pas_et_n_ecrit_rien()
    {
        // « clause@localhost » is appsettings.json's default sender: fine for the drop folder, not for a real mail server.
        var message = DemarrageRefuse(new() { ["Mail:Hote"] = "", ["Mail:Expediteur"] = "clause@localhost" });

        Assert.Contains("- Mail:Hote : serveur SMTP manquant", message, StringComparison.Ordinal);
        Assert.Contains("- Mail:Expediteur : « clause@localhost » n'est pas une adresse e-mail valide", message, StringComparison.Ordinal);
        Assert.DoesNotContain("UrlPublique", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Toutes_les_cles_fautives_sont_dans_un_seul_message()
    {
        var message = DemarrageRefuse(new()
        {
            ["Administration:UrlPublique"] = "clause.agglo.fr",
            ["Administration:PremierAdministrateur"] = "mailto:camille.girard@agglo.fr",
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Clause"] = "",
            ["Mail:Port"] = "abc",
            ["Mail:Securite"] = "Tls",
            ["Mail:Expediteur"] = "",
        });

        var lignes = message.Split(Environment.NewLine).Skip(1).Select(l => l.Trim()[2..l.Trim().IndexOf(' ', 2)]).ToList();
        Assert.Equal(["Administration:UrlPublique", "ConnectionStrings:Clause", "Mail:Port", "Mail:Securite", "Mail:Expediteur",
            "Administration:PremierAdministrateur"], lignes);
        // The first administrator's address is personal data: never in a start-up message.
        Assert.DoesNotContain("camille.girard", message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Erreurs(Dictionary<string, string?> reglages)
    {
        var valides = new Dictionary<string, string?>
        {
            ["Administration:UrlPublique"] = "https://clause.agglo.fr",
            ["Mail:Hote"] = "smtp.agglo.fr",
            ["Mail:Port"] = "587",
            ["Mail:Securite"] = "Auto",
            ["Mail:Expediteur"] = "clause@agglo.fr",
        };
        foreach (var (cle, valeur) in reglages) valides[cle] = valeur;
        return Demarrage.ErreursConfigurationProduction(new ConfigurationBuilder().AddInMemoryCollection(valides).Build());
    }

    [Fact]
    public void Une_configuration_complete_passe()
    {
        Assert.Empty(Erreurs([]));
        Assert.Empty(Erreurs(new() { ["Administration:UrlPublique"] = "http://10.0.0.5:8080/clause", ["Mail:Port"] = null, ["Mail:Securite"] = null }));
        Assert.Empty(Erreurs(new() { ["Database:Provider"] = "SqlServer", ["ConnectionStrings:Clause"] = "Server=sql;Database=Clause;Integrated Security=true" }));
        Assert.Empty(Erreurs(new() { ["ConnectionStrings:Clause"] = "Data Source=/srv/clause/clause.db" }));
    }

    [Theory]
    [InlineData("Administration:UrlPublique", "/clause", "Administration:UrlPublique : « /clause » n'est pas une adresse absolue en http ou https")]
    [InlineData("Administration:UrlPublique", "ftp://clause.agglo.fr", "Administration:UrlPublique : « ftp://clause.agglo.fr » n'est pas une adresse absolue")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider : « Oracle » n'est pas un fournisseur connu")]
    [InlineData("ConnectionStrings:Clause", "Mode=ReadOnly", "ConnectionStrings:Clause : chaîne de connexion illisible")]
    [InlineData("ConnectionStrings:Clause", "Fichier=clause.db", "ConnectionStrings:Clause : chaîne de connexion illisible")]
    [InlineData("Mail:Hote", "smtp agglo", "Mail:Hote : « smtp agglo » n'est pas un nom de serveur")]
    [InlineData("Mail:Port", "0", "Mail:Port : « 0 » n'est pas un port entre 1 et 65535.")]
    [InlineData("Mail:Port", "65536", "Mail:Port : « 65536 » n'est pas un port entre 1 et 65535.")]
    [InlineData("Mail:Securite", "TLS", "Mail:Securite : « TLS » n'est pas reconnu (Auto, StartTls, SslOnConnect, Aucune).")]
    [InlineData("Mail:Expediteur", "clause@agglo", "Mail:Expediteur : « clause@agglo » n'est pas une adresse e-mail valide")]
    [InlineData("Administration:PremierAdministrateur", "dsi agglo.fr", "Administration:PremierAdministrateur : ce n'est pas une adresse e-mail valide")]
    public void Chaque_reglage_invalide_est_nomme(string cle, string valeur, string debut)
    {
        var erreur = Assert.Single(Erreurs(new() { [cle] = valeur }));
        Assert.StartsWith(debut, erreur, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_server_sans_chaine_de_connexion_est_nomme()
    {
        var erreur = Assert.Single(Erreurs(new() { ["Database:Provider"] = "SqlServer" }));
        Assert.StartsWith("ConnectionStrings:Clause : chaîne de connexion manquante", erreur, StringComparison.Ordinal);
    }

    [Fact]
    public void Hors_production_rien_n_est_exige()
    {
        var environnement = new EnvironnementTest("Development");
        Demarrage.VerifierConfiguration(new ConfigurationBuilder().Build(), environnement);
        Assert.Throws<ConfigurationInvalideException>(() =>
            Demarrage.VerifierConfiguration(new ConfigurationBuilder().Build(), new EnvironnementTest("Production")));
    }

    private sealed class EnvironnementTest(string nom) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = nom;

        public string ApplicationName { get; set; } = "Clause";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
