using System.Net;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Clause.Tests.Web;

/// <summary>Issue 16 item 6: every security header on a page, a form, an API response and an error; the proxies believed.</summary>
public class EnTetesSecuriteTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static void VerifierEnTetes(HttpResponseMessage reponse)
    {
        string Valeur(string nom) => reponse.Headers.TryGetValues(nom, out var v) ? string.Join(",", v) : string.Empty;
        var csp = Valeur("Content-Security-Policy");
        Assert.Equal(EnTetesSecurite.PolitiqueContenu, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Valeur("X-Content-Type-Options"));
        Assert.Equal("same-origin", Valeur("Referrer-Policy"));
        Assert.Contains("camera=()", Valeur("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Valeur("Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(reponse.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Une_page_un_formulaire_une_reponse_api_et_une_erreur_portent_chaque_en_tete()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        VerifierEnTetes(await client.GetAsync("/")); // a page
        VerifierEnTetes(await app.Client().GetAsync("/Compte/Connexion")); // a form, anonymous
        var refus = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion", new() { ["Saisie.Email"] = "x@test.fr", ["Saisie.MotDePasse"] = "abcdefghijklmn" });
        VerifierEnTetes(refus); // a form's answer
        var api = await app.ClientApi(await app.CreerJetonAsync(utilisateur)).GetAsync("/api/v1/moi");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        VerifierEnTetes(api);
        VerifierEnTetes(await client.GetAsync("/Participants/" + Guid.NewGuid())); // 404 page
    }

    [Fact]
    public async Task Aucune_page_ne_contient_de_script_en_ligne()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        foreach (var url in new[] { "/", "/Compte/MonCompte", "/Participants", "/Reglages" })
        {
            var page = await client.PageAsync(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), url + " : script en ligne"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"));
        }
    }

    [Fact]
    public void Seuls_les_proxys_configures_sont_crus()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownProxies:1"] = "fd00::7",
        }).Build();
        var options = EnTetesSecurite.OptionsProxys(configuration);
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("fd00::7")], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);

        var aucun = EnTetesSecurite.OptionsProxys(new ConfigurationBuilder().Build());
        Assert.Empty(aucun.KnownProxies); // not even the loopback
        Assert.Empty(aucun.KnownIPNetworks);

        var faux = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "proxy.local" }).Build();
        Assert.Contains("n'est pas une adresse IP", Assert.Throws<InvalidOperationException>(() => EnTetesSecurite.OptionsProxys(faux)).Message, StringComparison.Ordinal);
    }
}
