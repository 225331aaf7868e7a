using System.Net;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Pages.Compte;

namespace Clause.Tests.Web.Api;

/// <summary>
/// Rate limits (built-in limiter, fixed windows of a minute) with the small limits of <see cref="FabriqueApiLimitee"/>: no test
/// waits for a window to pass, each uses its own IP addresses and accounts.
/// </summary>
public sealed class LimitesDebitTests(FabriqueApiLimitee app) : IClassFixture<FabriqueApiLimitee>
{
    private static int _ip;

    private static string NouvelleIp() => $"10.0.{Interlocked.Increment(ref _ip) / 250}.{_ip % 250 + 1}";

    private async Task<HttpResponseMessage> ConnexionAsync(string ip, string email)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(FabriqueApi.EnTeteIp, ip);
        return await FabriqueClause.PosterAsync(client, "/Compte/Connexion",
            new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = "mauvais-mot-de-passe" });
    }

    [Fact]
    public async Task La_connexion_est_limitee_par_adresse_IP_avec_Retry_After_et_une_page_en_francais()
    {
        var ip = NouvelleIp();
        for (var i = 0; i < FabriqueApiLimitee.LimiteFormulaires; i++)
            Assert.Equal(HttpStatusCode.OK, (await ConnexionAsync(ip, $"compte{i}-{Guid.NewGuid():N}@test.fr")).StatusCode);

        var refusee = await ConnexionAsync(ip, $"autre-{Guid.NewGuid():N}@test.fr");

        Assert.Equal(HttpStatusCode.TooManyRequests, refusee.StatusCode);
        Assert.True(refusee.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, "Retry-After en secondes attendu");
        Assert.Contains("text/html", refusee.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var page = await refusee.Content.ReadAsStringAsync();
        Assert.Contains("Trop de tentatives", page, StringComparison.Ordinal);
        // Another address is not concerned.
        Assert.Equal(HttpStatusCode.OK, (await ConnexionAsync(NouvelleIp(), $"encore-{Guid.NewGuid():N}@test.fr")).StatusCode);
    }

    [Fact]
    public async Task La_connexion_est_limitee_par_compte_quelle_que_soit_l_adresse()
    {
        var email = $"cible-{Guid.NewGuid():N}@test.fr";
        for (var i = 0; i < FabriqueApiLimitee.LimiteFormulaires; i++)
            Assert.Equal(HttpStatusCode.OK, (await ConnexionAsync(NouvelleIp(), email)).StatusCode);

        var refusee = await ConnexionAsync(NouvelleIp(), email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.TooManyRequests, refusee.StatusCode);
        Assert.NotNull(refusee.Headers.RetryAfter);
    }

    [Fact]
    public async Task L_affichage_du_formulaire_n_est_pas_compte()
    {
        var ip = NouvelleIp();
        var client = app.Client();
        client.DefaultRequestHeaders.Add(FabriqueApi.EnTeteIp, ip);
        for (var i = 0; i < FabriqueApiLimitee.LimiteFormulaires + 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Compte/Connexion")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConnexionAsync(ip, $"x-{Guid.NewGuid():N}@test.fr")).StatusCode);
    }

    [Fact]
    public async Task Un_utilisateur_connecte_normalement_n_est_pas_gene()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        var client = app.Client();
        client.DefaultRequestHeaders.Add(FabriqueApi.EnTeteIp, NouvelleIp());

        var reponse = await FabriqueClause.PosterAsync(client, "/Compte/Connexion",
            new() { ["Saisie.Email"] = utilisateur.Email!, ["Saisie.MotDePasse"] = FabriqueClause.MotDePasse });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.DoesNotContain(ConnexionModel.MessageEchec, await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task L_api_est_limitee_par_jeton_avec_un_probleme_429_et_Retry_After()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var client = app.ClientApi(await app.CreerJetonAsync(utilisateur, "premier"));
        for (var i = 0; i < FabriqueApiLimitee.LimiteApi; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/moi")).StatusCode);

        var refusee = await client.GetAsync("/api/v1/moi");

        Assert.Equal(HttpStatusCode.TooManyRequests, refusee.StatusCode);
        Assert.True(refusee.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, "Retry-After en secondes attendu");
        Assert.Equal("application/problem+json", refusee.Content.Headers.ContentType?.MediaType);
        using var probleme = System.Text.Json.JsonDocument.Parse(await refusee.Content.ReadAsStringAsync());
        Assert.Equal("Trop de requêtes", probleme.RootElement.GetProperty("title").GetString());
        Assert.Contains("Retry-After", probleme.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Another token of the same user has its own window.
        var autre = app.ClientApi(await app.CreerJetonAsync(utilisateur, "second"));
        Assert.Equal(HttpStatusCode.OK, (await autre.GetAsync("/api/v1/moi")).StatusCode);
    }

    private async Task<HttpResponseMessage> MotDePasseOublieAsync(string ip, string email)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(FabriqueApi.EnTeteIp, ip);
        return await FabriqueClause.PosterAsync(client, "/Compte/MotDePasseOublie", new() { ["Saisie.Email"] = email });
    }

    private static void PageTropDeTentatives(HttpResponseMessage refusee, string page)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refusee.StatusCode);
        Assert.True(refusee.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, "Retry-After en secondes attendu");
        Assert.Equal("text/html", refusee.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Trop de tentatives", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mot_de_passe_oublie_est_limite_par_adresse_IP_avec_une_page_429_en_francais()
    {
        var ip = NouvelleIp();
        for (var i = 0; i < FabriqueApiLimitee.LimiteFormulaires; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await MotDePasseOublieAsync(ip, $"oubli{i}-{Guid.NewGuid():N}@test.fr")).StatusCode);

        var refusee = await MotDePasseOublieAsync(ip, $"oubli-autre-{Guid.NewGuid():N}@test.fr");

        PageTropDeTentatives(refusee, await refusee.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await MotDePasseOublieAsync(NouvelleIp(), $"oubli-ailleurs-{Guid.NewGuid():N}@test.fr")).StatusCode);
    }

    [Fact]
    public async Task Mot_de_passe_oublie_est_limite_par_adresse_saisie_quelle_que_soit_l_adresse_IP()
    {
        var email = $"oubli-cible-{Guid.NewGuid():N}@test.fr";
        for (var i = 0; i < FabriqueApiLimitee.LimiteFormulaires; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await MotDePasseOublieAsync(NouvelleIp(), email)).StatusCode);

        var refusee = await MotDePasseOublieAsync(NouvelleIp(), email.ToUpperInvariant());

        PageTropDeTentatives(refusee, await refusee.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task La_reinitialisation_est_limitee_par_adresse_IP_avec_une_page_429_en_francais()
    {
        var ip = NouvelleIp();
        async Task<HttpResponseMessage> ReinitialiserAsync()
        {
            var client = app.Client();
            client.DefaultRequestHeaders.Add(FabriqueApi.EnTeteIp, ip);
            var utilisateur = Guid.NewGuid();
            var adresse = $"/Compte/Reinitialisation?utilisateur={utilisateur}&jeton=faux";
            return await FabriqueClause.PosterAsync(client, "/Compte/Reinitialisation", new()
            {
                ["Saisie.Utilisateur"] = utilisateur.ToString(),
                ["Saisie.Jeton"] = "faux",
                ["Saisie.MotDePasse"] = "Un mot de passe assez long 42",
                ["Saisie.Confirmation"] = "Un mot de passe assez long 42",
            }, adresse);
        }
        for (var i = 0; i < FabriqueApiLimitee.LimiteFormulaires; i++)
        {
            var reponse = await ReinitialiserAsync();
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            Assert.Contains("Ce lien n", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refusee = await ReinitialiserAsync();

        PageTropDeTentatives(refusee, await refusee.Content.ReadAsStringAsync());
    }
}
