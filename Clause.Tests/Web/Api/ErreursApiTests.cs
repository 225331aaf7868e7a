using System.Net;
using System.Text;
using System.Text.Json;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Api;

/// <summary>
/// Every failure under /api/v1 is an RFC 9457 problem document in French (never the site's HTML error page), naming the
/// field for an input error, and writes nothing.
/// </summary>
public sealed class ErreursApiTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    private const string Creation = "/api/v1/essais/donneurs-ordre";

    private async Task<HttpClient> ClientAsync(string role = Roles.Facilitateur)
    {
        var structure = await app.CreerStructureAsync();
        return app.ClientApi(await app.CreerJetonAsync(await app.CreerUtilisateurAsync(role, structure.Id)));
    }

    private static async Task<JsonElement> ProblemeAsync(HttpResponseMessage reponse, HttpStatusCode attendu)
    {
        var texte = await reponse.Content.ReadAsStringAsync();
        Assert.True(reponse.StatusCode == attendu, $"{reponse.StatusCode} : {texte}");
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        var probleme = JsonDocument.Parse(texte).RootElement.Clone();
        Assert.Equal((int)attendu, probleme.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(probleme.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(probleme.GetProperty("detail").GetString()));
        return probleme;
    }

    private static StringContent Json(string texte) => new(texte, Encoding.UTF8, "application/json");

    private Task<int> DonneursAsync() => app.LireAsync(db => db.DonneursOrdre.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task Sans_jeton_401_avec_WWW_Authenticate_et_un_probleme_en_francais()
    {
        var reponse = await app.Client().GetAsync("/api/v1/lots");

        var probleme = await ProblemeAsync(reponse, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", reponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("Authentification requise", probleme.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Une_adresse_inconnue_de_l_api_repond_un_probleme_404_et_non_la_page_d_erreur_du_site()
    {
        var probleme = await ProblemeAsync(await (await ClientAsync()).GetAsync("/api/v1/inconnue"), HttpStatusCode.NotFound);

        Assert.Equal("Ressource introuvable", probleme.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Une_methode_non_prevue_repond_405()
    {
        var probleme = await ProblemeAsync(await (await ClientAsync()).DeleteAsync("/api/v1/lots"), HttpStatusCode.MethodNotAllowed);

        Assert.Equal("Méthode non autorisée", probleme.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Un_role_sans_le_droit_repond_403_sans_rien_ecrire()
    {
        var avant = await DonneursAsync();

        await ProblemeAsync(await (await ClientAsync(Roles.Direction)).PostAsync(Creation, Json("""{"raisonSociale":"Refusé"}""")), HttpStatusCode.Forbidden);

        Assert.Equal(avant, await DonneursAsync());
    }

    [Fact]
    public async Task Un_corps_qui_n_est_pas_du_json_repond_400_en_nommant_le_corps()
    {
        var client = await ClientAsync();
        var avant = await DonneursAsync();

        var probleme = await ProblemeAsync(await client.PostAsync(Creation, Json("ceci n'est pas du json")), HttpStatusCode.BadRequest);

        Assert.True(probleme.GetProperty("errors").TryGetProperty("corps", out _));
        Assert.Equal(avant, await DonneursAsync());
    }

    [Fact]
    public async Task Un_champ_inconnu_repond_400_en_le_nommant()
    {
        var client = await ClientAsync();
        var avant = await DonneursAsync();

        var probleme = await ProblemeAsync(await client.PostAsync(Creation, Json("""{"raisonSociale":"X","siretPirate":"1"}""")), HttpStatusCode.BadRequest);

        Assert.Contains("« siretPirate »", probleme.GetProperty("errors").GetProperty("siretPirate")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(avant, await DonneursAsync());
    }

    [Fact]
    public async Task Une_valeur_du_mauvais_type_repond_400_en_nommant_le_champ()
    {
        var probleme = await ProblemeAsync(await (await ClientAsync()).PostAsync(Creation, Json("""{"raisonSociale":12}""")), HttpStatusCode.BadRequest);

        Assert.True(probleme.GetProperty("errors").TryGetProperty("raisonSociale", out _));
    }

    [Fact]
    public async Task Un_autre_type_de_contenu_que_json_repond_415()
    {
        var client = await ClientAsync();

        await ProblemeAsync(await client.PostAsync(Creation, new StringContent("raisonSociale=X", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Un_corps_de_plus_d_un_mega_octet_repond_413_sans_rien_ecrire()
    {
        var client = await ClientAsync();
        var avant = await DonneursAsync();
        var enorme = "{\"raisonSociale\":\"" + new string('x', 1024 * 1024) + "\"}";

        var probleme = await ProblemeAsync(await client.PostAsync(Creation, Json(enorme)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("1 Mo", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(avant, await DonneursAsync());
        // Just under the limit the body is read (and refused by the domain for its length, not by its size).
        var juste = "{\"raisonSociale\":\"" + new string('x', 1024 * 1024 - 40) + "\"}";
        var lu = await ProblemeAsync(await client.PostAsync(Creation, Json(juste)), HttpStatusCode.BadRequest);
        Assert.True(lu.GetProperty("errors").TryGetProperty("raisonSociale", out _));
    }

    [Fact]
    public async Task Une_exception_repond_un_probleme_500_sans_detail_technique()
    {
        var probleme = await ProblemeAsync(await (await ClientAsync()).GetAsync("/api/v1/essais/exception"), HttpStatusCode.InternalServerError);

        Assert.Equal("Erreur interne", probleme.GetProperty("title").GetString());
        Assert.DoesNotContain("panne de test", probleme.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_pages_du_site_gardent_leur_page_d_erreur_html()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await client.GetAsync("/Lots/Details/" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Equal("text/html", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page introuvable", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
