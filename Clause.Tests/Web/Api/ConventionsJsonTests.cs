using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Tests.Support;
using Clause.Web.Api;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clause.Tests.Web.Api;

/// <summary>The JSON conventions of /api/v1 with the app's own serializer options, asserted on the raw JSON.</summary>
public sealed class ConventionsJsonTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Exemple(DateOnly DateEffet, Mois Mois, decimal Heures, decimal MontantHT, string NomLong);

    private JsonSerializerOptions Options => app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Fact]
    public void Dates_mois_decimales_et_noms_en_camelCase()
    {
        var json = JsonSerializer.Serialize(new Exemple(new DateOnly(2026, 3, 5), new Mois(2026, 3), JsonApi.Heures(new Duree(100)),
            JsonApi.Euros(Montant.Euros(1_000_000)), "x"), Options);

        Assert.Equal("""{"dateEffet":"2026-03-05","mois":"2026-03","heures":1.67,"montantHT":1000000.00,"nomLong":"x"}""", json);
    }

    [Theory]
    [InlineData(60, "1.00")]
    [InlineData(100, "1.67")]
    [InlineData(50, "0.83")]
    [InlineData(1, "0.02")]
    [InlineData(9_100, "151.67")]
    [InlineData(0, "0.00")]
    public void Les_heures_sont_les_minutes_sur_60_arrondies_une_fois_au_centieme_comme_sur_la_page(long minutes, string attendu)
    {
        Assert.Equal(attendu, JsonSerializer.Serialize(JsonApi.Heures(new Duree(minutes)), Options));
        // The lot page writes the same figure in French ("1,67 h").
        Assert.Equal(attendu.Replace('.', ','), new Duree(minutes).ToString().Replace(" h", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Montants_et_taux_a_deux_decimales()
    {
        Assert.Equal("12345.60", JsonSerializer.Serialize(JsonApi.Euros(new Montant(1_234_560)), Options));
        Assert.Equal("45.50", JsonSerializer.Serialize(JsonApi.Pourcentage(new Taux(4_550)), Options));
        Assert.Equal("null", JsonSerializer.Serialize(JsonApi.Pourcentage(null), Options));
    }

    [Theory]
    [InlineData("\"2026-13\"")]
    [InlineData("\"2026-3\"")]
    [InlineData("\"03/2026\"")]
    [InlineData("202603")]
    [InlineData("\"9999-12\"")]
    [InlineData("\"1899-12\"")]
    [InlineData("\"2101-01\"")]
    public void Un_mois_mal_ecrit_est_refuse(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Mois>(json, Options));
        Assert.Equal(new Mois(2026, 3), JsonSerializer.Deserialize<Mois>("\"2026-03\"", Options));
    }

    [Fact]
    public void Les_mois_de_1900_a_2100_sont_acceptes_bornes_comprises()
    {
        Assert.Equal(new Mois(1900, 1), JsonSerializer.Deserialize<Mois>("\"1900-01\"", Options));
        Assert.Equal(new Mois(2100, 12), JsonSerializer.Deserialize<Mois>("\"2100-12\"", Options));
    }

    [Fact]
    public void Un_champ_inconnu_est_refuse_et_nomme()
    {
        var erreur = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Exemple>(
            """{"dateEffet":"2026-03-05","mois":"2026-03","heures":1,"montantHT":1,"nomLong":"x","inconnu":1}""", Options));

        Assert.Equal(("inconnu", "Le champ « inconnu » n'existe pas : retirez-le."), MiddlewareApi.ChampJson(erreur));
    }

    [Fact]
    public void Un_corps_qui_n_est_pas_du_json_et_une_valeur_du_mauvais_type_sont_nommes()
    {
        var pasJson = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Exemple>("pas du json", Options));
        Assert.Equal("corps", MiddlewareApi.ChampJson(pasJson).Champ);

        var type = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Exemple>("""{"heures":"beaucoup"}""", Options));
        Assert.Equal("heures", MiddlewareApi.ChampJson(type).Champ);

        var mois = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Exemple>("""{"mois":"2026-13"}""", Options));
        Assert.Equal("mois", MiddlewareApi.ChampJson(mois).Champ);
    }

    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData("3", "500", 3, 500)]
    [InlineData("1", "1", 1, 1)]
    public void Pagination_valide(string? page, string? taille, int numero, int nombre)
    {
        Assert.True(Pagination.Lire(page, taille, out var pagination, out var erreurs));
        Assert.Empty(erreurs);
        Assert.Equal(new Pagination(numero, nombre), pagination);
    }

    [Theory]
    [InlineData("0", null, "page")]
    [InlineData("-1", null, "page")]
    [InlineData("abc", null, "page")]
    [InlineData(null, "0", "taille")]
    [InlineData(null, "501", "taille")]
    [InlineData(null, "100000", "taille")]
    [InlineData(null, "abc", "taille")]
    [InlineData(null, "1.5", "taille")]
    public void Pagination_invalide_nomme_le_champ(string? page, string? taille, string champ)
    {
        Assert.False(Pagination.Lire(page, taille, out _, out var erreurs));
        Assert.Equal([champ], erreurs.Keys);
    }
}
