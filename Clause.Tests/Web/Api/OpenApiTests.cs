using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clause.Tests.Support;
using Clause.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Api;

/// <summary>The OpenAPI 3.1 document and the reference page, both served by the app itself, anonymously, with no CDN.</summary>
public sealed partial class OpenApiTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private async Task<JsonDocument> DocumentAsync()
    {
        var reponse = await app.Client().GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return JsonDocument.Parse(await reponse.Content.ReadAsStringAsync());
    }

    /// <summary>Every endpoint of the /api/v1 route group, as the router holds them: "GET /api/v1/lots/{id}".</summary>
    private IEnumerable<string> PointsDuGroupe() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ComposeApi.Prefixe, StringComparison.OrdinalIgnoreCase) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => !e.RoutePattern.RawText!.StartsWith(ComposeApi.AdresseReference, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["?"])
                .Select(m => $"{m} {Normaliser(e.RoutePattern.RawText!)}"));

    private static string Normaliser(string route) => Contrainte().Replace(route.TrimEnd('/'), "{$1}");

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Contrainte();

    [Fact]
    public async Task Le_document_est_en_OpenAPI_3_1_avec_le_schema_de_securite_et_les_problemes_en_francais()
    {
        using var document = await DocumentAsync();
        var racine = document.RootElement;

        Assert.StartsWith("3.1", racine.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("API Clause", racine.GetProperty("info").GetProperty("title").GetString());
        var schema = racine.GetProperty("components").GetProperty("securitySchemes").GetProperty(DocumentApi.SchemaSecurite);
        Assert.Equal("http", schema.GetProperty("type").GetString());
        Assert.Equal("bearer", schema.GetProperty("scheme").GetString());
        Assert.True(racine.GetProperty("components").GetProperty("schemas").TryGetProperty("ProblemDetails", out _));
        Assert.Equal(DocumentApi.SchemaSecurite, racine.GetProperty("security")[0].EnumerateObject().Single().Name);
        var lots = racine.GetProperty("paths").GetProperty("/api/v1/lots").GetProperty("get");
        Assert.Equal("Lister les lots", lots.GetProperty("summary").GetString());
        Assert.Contains("périmètre", lots.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Jeton absent", lots.GetProperty("responses").GetProperty("401").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(lots.GetProperty("responses").GetProperty("429").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Chaque_point_d_acces_du_groupe_api_v1_figure_dans_le_document()
    {
        using var document = await DocumentAsync();
        var documentes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name.TrimEnd('/')}"))
            .ToHashSet(StringComparer.Ordinal);
        var points = PointsDuGroupe().ToList();

        Assert.Contains("GET /api/v1/lots", points);
        Assert.Contains("GET /api/v1/moi", points);
        var absents = points.Where(p => !documentes.Contains(p)).ToList();
        Assert.True(absents.Count == 0, "Absents du document OpenAPI : " + string.Join(", ", absents));
    }

    [Fact]
    public async Task La_page_de_reference_se_charge_sans_aucun_script_ni_style_externe()
    {
        var client = app.Client();
        var reponse = await client.GetAsync(ComposeApi.AdresseReference);
        if (reponse.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently)
            reponse = await client.GetAsync(new Uri(reponse.RequestMessage!.RequestUri!, reponse.Headers.Location!));
        Assert.True(reponse.StatusCode == HttpStatusCode.OK, $"{reponse.StatusCode} {reponse.Headers.Location}");
        var html = await reponse.Content.ReadAsStringAsync();

        var adresses = Ressources().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(adresses);
        Assert.DoesNotContain(adresses, a => a.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
        // It reads the app's own document (a path resolved from the site's root by scalar.aspnetcore.js).
        Assert.Contains("\"url\":\"api/v1/openapi.json\"", html, StringComparison.Ordinal);
        // The scripts it names are served by the app (scalar.js weighs some megabytes).
        long octets = 0;
        foreach (var script in adresses.Where(a => a.EndsWith(".js", StringComparison.Ordinal)))
        {
            var reponseScript = await client.GetAsync(new Uri(reponse.RequestMessage!.RequestUri!, script));
            Assert.Equal(HttpStatusCode.OK, reponseScript.StatusCode);
            octets += (await reponseScript.Content.ReadAsByteArrayAsync()).Length;
        }
        Assert.True(octets > 1_000_000, "Les scripts de la page sont servis par l'application");
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex Ressources();
}
