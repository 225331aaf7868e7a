using System.Net;
using System.Text;
using System.Text.Json;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Api;

/// <summary>
/// The idempotency filter of every POST of /api/v1, through the test-only endpoints of <see cref="FabriqueApi"/> that
/// create a real (audited) donneur d'ordre: what is written is counted in the database.
/// </summary>
public sealed class IdempotenceTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    private const string Creation = "/api/v1/essais/donneurs-ordre";

    private async Task<HttpClient> FacilitateurAsync()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        return app.ClientApi(await app.CreerJetonAsync(utilisateur));
    }

    private static async Task<HttpResponseMessage> PosterAsync(HttpClient client, string nom, string? cle, string url = Creation)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { raisonSociale = nom }), Encoding.UTF8, "application/json"),
        };
        if (cle is not null) requete.Headers.TryAddWithoutValidation(FiltreIdempotence.EnTete, cle);
        return await client.SendAsync(requete);
    }

    private Task<int> CompterAsync(string nom) => app.LireAsync(db => db.DonneursOrdre.IgnoreQueryFilters().CountAsync(d => d.RaisonSociale == nom));

    private Task<int> AuditAsync(string nom) => app.LireAsync(db => db.JournalAudit.CountAsync(j => j.TypeEntite == "DonneurOrdre" && j.Changements.Contains(nom)));

    private static string Nom() => "Acheteur " + Guid.NewGuid().ToString("N")[..10];

    private static async Task<JsonElement> ProblemeAsync(HttpResponseMessage reponse, HttpStatusCode attendu)
    {
        var texte = await reponse.Content.ReadAsStringAsync();
        Assert.True(reponse.StatusCode == attendu, $"{reponse.StatusCode} : {texte}");
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(texte).RootElement.Clone();
    }

    [Fact]
    public async Task Une_nouvelle_tentative_avec_la_meme_cle_rend_la_reponse_enregistree_sans_rien_ecrire()
    {
        var client = await FacilitateurAsync();
        var nom = Nom();
        var cle = Guid.NewGuid().ToString();

        var premiere = await PosterAsync(client, nom, cle);
        var corps = await premiere.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, premiere.StatusCode);
        Assert.False(premiere.Headers.Contains(FiltreIdempotence.EnTeteRejoue));
        var audit = await AuditAsync(nom);

        var seconde = await PosterAsync(client, nom, cle);

        Assert.Equal(HttpStatusCode.Created, seconde.StatusCode);
        Assert.Equal("true", seconde.Headers.GetValues(FiltreIdempotence.EnTeteRejoue).Single());
        Assert.Equal(corps, await seconde.Content.ReadAsStringAsync());
        Assert.Equal("application/json", seconde.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await CompterAsync(nom));
        Assert.Equal(audit, await AuditAsync(nom));
        Assert.True(audit >= 1, "La création est dans le journal d'audit");
    }

    [Fact]
    public async Task Sans_cle_chaque_POST_s_execute()
    {
        var client = await FacilitateurAsync();
        var nom = Nom();

        Assert.Equal(HttpStatusCode.Created, (await PosterAsync(client, nom, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PosterAsync(client, nom, null)).StatusCode);

        Assert.Equal(2, await CompterAsync(nom));
    }

    [Fact]
    public async Task La_meme_cle_avec_un_autre_corps_ou_une_autre_adresse_repond_422_sans_rien_ecrire()
    {
        var client = await FacilitateurAsync();
        var nom = Nom();
        var cle = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PosterAsync(client, nom, cle)).StatusCode);
        var autreNom = Nom();

        var autreCorps = await ProblemeAsync(await PosterAsync(client, autreNom, cle), HttpStatusCode.UnprocessableEntity);
        var autreAdresse = await ProblemeAsync(await PosterAsync(client, nom, cle, "/api/v1/essais/panne"), HttpStatusCode.UnprocessableEntity);

        Assert.True(autreCorps.GetProperty("errors").TryGetProperty(FiltreIdempotence.EnTete, out _));
        Assert.Equal("Requête impossible à traiter", autreCorps.GetProperty("title").GetString());
        Assert.True(autreAdresse.GetProperty("errors").TryGetProperty(FiltreIdempotence.EnTete, out _));
        Assert.Equal(0, await CompterAsync(autreNom));
        Assert.Equal(1, await CompterAsync(nom));
    }

    [Fact]
    public async Task Les_cles_sont_propres_a_chaque_utilisateur()
    {
        var nom = Nom();
        var cle = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.Created, (await PosterAsync(await FacilitateurAsync(), nom, cle)).StatusCode);
        var autre = await PosterAsync(await FacilitateurAsync(), nom, cle);

        Assert.Equal(HttpStatusCode.Created, autre.StatusCode);
        Assert.False(autre.Headers.Contains(FiltreIdempotence.EnTeteRejoue));
        Assert.Equal(2, await CompterAsync(nom));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1_000)]
    public async Task Une_cle_de_plus_de_255_caracteres_repond_400_en_nommant_l_en_tete(int longueur)
    {
        var client = await FacilitateurAsync();
        var nom = Nom();

        var probleme = await ProblemeAsync(await PosterAsync(client, nom, new string('k', longueur)), HttpStatusCode.BadRequest);

        Assert.Contains("255", probleme.GetProperty("errors").GetProperty(FiltreIdempotence.EnTete)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CompterAsync(nom));
        Assert.Equal(HttpStatusCode.Created, (await PosterAsync(client, nom, new string('k', 255))).StatusCode);
    }

    [Fact]
    public async Task Une_requete_encore_en_cours_avec_la_meme_cle_repond_409()
    {
        var client = await FacilitateurAsync();
        var nom = Nom();
        var cle = Guid.NewGuid().ToString();
        app.Portillon.Refermer();

        var premiere = PosterAsync(client, nom, cle, "/api/v1/essais/attente");
        // The first request holds the key and waits at the gate (or it failed before: then the test fails at once).
        Assert.Same(app.Portillon.Atteint, await Task.WhenAny(app.Portillon.Atteint, premiere));
        var pendant = await PosterAsync(client, nom, cle, "/api/v1/essais/attente");
        app.Portillon.Ouvrir();
        var terminee = await premiere;
        var apres = await PosterAsync(client, nom, cle, "/api/v1/essais/attente");

        var probleme = await ProblemeAsync(pendant, HttpStatusCode.Conflict);
        Assert.Contains("en cours", probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, terminee.StatusCode);
        Assert.Equal(HttpStatusCode.Created, apres.StatusCode);
        Assert.True(apres.Headers.Contains(FiltreIdempotence.EnTeteRejoue));
        Assert.Equal(1, await CompterAsync(nom));
    }

    [Fact]
    public async Task Deux_requetes_simultanees_avec_la_meme_cle_n_ecrivent_qu_une_fois()
    {
        var client = await FacilitateurAsync();
        var nom = Nom();
        var cle = Guid.NewGuid().ToString();

        var reponses = await Task.WhenAll(PosterAsync(client, nom, cle), PosterAsync(client, nom, cle));

        Assert.Equal(1, await CompterAsync(nom));
        var executee = reponses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains(FiltreIdempotence.EnTeteRejoue)).ToList();
        Assert.Single(executee);
        var autre = reponses.Single(r => !executee.Contains(r));
        Assert.True(autre.StatusCode == HttpStatusCode.Conflict || autre.Headers.Contains(FiltreIdempotence.EnTeteRejoue), autre.StatusCode.ToString());
    }

    [Fact]
    public async Task Apres_24_heures_la_cle_est_oubliee_et_sa_ligne_purgee()
    {
        var client = await FacilitateurAsync();
        var nom = Nom();
        var cle = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PosterAsync(client, nom, cle)).StatusCode);
        var avant = await app.LireAsync(db => db.RequetesIdempotentes.CountAsync(r => r.Cle == cle));

        app.Horloge.Advance(TimeSpan.FromHours(24));
        var autreNom = Nom();
        var reponse = await PosterAsync(client, autreNom, cle);

        Assert.Equal(1, avant);
        Assert.Equal(HttpStatusCode.Created, reponse.StatusCode);
        Assert.Equal(1, await CompterAsync(autreNom));
        var lignes = await app.LireAsync(db => db.RequetesIdempotentes.AsNoTracking().Where(r => r.Cle == cle).ToListAsync());
        Assert.Single(lignes);
        Assert.True(lignes[0].ExpireLe > app.Horloge.GetUtcNow(), "Seule la nouvelle ligne reste");
        Assert.Equal(0, await app.LireAsync(db => db.RequetesIdempotentes.CountAsync(r => r.ExpireLe <= app.Horloge.GetUtcNow())));
    }

    [Fact]
    public async Task Une_reponse_en_erreur_serveur_n_est_pas_gardee_et_la_tentative_suivante_s_execute()
    {
        var client = await FacilitateurAsync();
        var cle = Guid.NewGuid().ToString();

        var panne = await PosterAsync(client, Nom(), cle, "/api/v1/essais/panne");
        var encore = await PosterAsync(client, Nom(), cle, "/api/v1/essais/panne");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, panne.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, encore.StatusCode);
        Assert.False(encore.Headers.Contains(FiltreIdempotence.EnTeteRejoue));
        Assert.Equal(0, await app.LireAsync(db => db.RequetesIdempotentes.CountAsync(r => r.Cle == cle)));
    }

    [Fact]
    public void Chaque_POST_de_l_api_porte_le_filtre_d_idempotence()
    {
        var posts = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ComposeApi.Prefixe, StringComparison.OrdinalIgnoreCase) == true)
            .Where(e => MetadonneeIdempotence.EstPost(e.Metadata))
            .ToList();

        Assert.True(posts.Count >= 3, "Les POST de test sont trouvés");
        Assert.All(posts, e => Assert.NotNull(e.Metadata.GetMetadata<MetadonneeIdempotence>()));
    }
}
