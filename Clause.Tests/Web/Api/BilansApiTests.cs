using System.Net;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Securite;
using Clause.Tests.Support;

namespace Clause.Tests.Web.Api;

/// <summary>
/// <c>GET /api/v1/bilans</c> through the real app with real tokens (issue 10 item 8): each role's scope — staff any scope
/// of its structure, a buyer its own (itself, its opérations, marchés, lots) and a 404 for another buyer's, the whole
/// structure or another structure's, a company 403 — and the refusals of the query string, each naming its parameter.
/// The figures themselves are those of <c>RequetesBilans</c> (BilanTests, the « one truth » test); the JSON shape is
/// <c>BilanApiJsonTests</c>'s.
/// </summary>
public sealed class BilansApiTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    private sealed record Scenario(StructureId StructureId, SituationsMarches Acheteur1, Marche Marche1, DonneurOrdre Acheteur2, Marche Marche2);

    private const string Periode = "&du=2026-01&au=2026-12";

    private async Task<Scenario> ScenarioAsync()
    {
        var structure = await app.CreerStructureAsync();
        var acheteur1 = new SituationsMarches(structure.Id);
        var marche1 = acheteur1.UnMarche("2026-001", euros: 2_000_000, lots: [SituationsMarches.LotF1("Gros œuvre"), SituationsMarches.LotF1("Peinture")]);
        var acheteur2 = DonneurOrdre.Creer(structure.Id, "Métropole voisine", TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), null, "37000", "Tours");
        var operation2 = Operation.Creer(acheteur2, "Voirie", "Tours", SituationsMarches.Debut, SituationsMarches.Fin,
            ProgrammeRenouvellement.Aucun, false, null, null);
        var marche2 = Marche.Creer(operation2, "2026-101", "Travaux", TypeMarche.Ordinaire, new DateOnly(2025, 12, 15), SituationsMarches.Debut,
            SituationsMarches.Fin, Montant.Euros(1_000_000), [SituationsMarches.LotF1("Voirie")], acheteur1.Reglages, acheteur1.Horloge);
        var entreprise = acheteur1.UneEntreprise("Bâtiments du Val SARL");
        marche1.Lots[0].Attribuer(entreprise, RoleAttribution.Attributaire, null);
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.AddRange(acheteur1.DonneurOrdre, acheteur2);
            db.Operations.AddRange(acheteur1.Operation, operation2);
            db.Entreprises.Add(entreprise);
            db.Marches.AddRange(marche1, marche2);
        });
        return new Scenario(structure.Id, acheteur1, marche1, acheteur2, marche2);
    }

    private async Task<HttpClient> ClientAsync(string role, StructureId structureId, EntrepriseId? entrepriseId = null, DonneurOrdreId? donneurOrdreId = null)
    {
        var utilisateur = await app.CreerUtilisateurAsync(role, structureId, entrepriseId, donneurOrdreId);
        return app.ClientApi(await app.CreerJetonAsync(utilisateur));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage reponse, HttpStatusCode attendu = HttpStatusCode.OK)
    {
        var texte = await reponse.Content.ReadAsStringAsync();
        Assert.True(reponse.StatusCode == attendu, $"{reponse.StatusCode} : {texte}");
        return JsonDocument.Parse(texte).RootElement.Clone();
    }

    private static string[] Portees(Scenario s) =>
    [
        $"perimetre=lot&id={s.Marche1.Lots[0].Id}", $"perimetre=marche&id={s.Marche1.Id}", $"perimetre=operation&id={s.Acheteur1.Operation.Id}",
        $"perimetre=donneurOrdre&id={s.Acheteur1.DonneurOrdre.Id}",
    ];

    [Fact]
    public async Task Le_personnel_lit_tout_perimetre_de_sa_structure_et_aucun_autre()
    {
        var s = await ScenarioAsync();
        var autre = await ScenarioAsync();
        foreach (var role in new[] { Roles.Facilitateur, Roles.Direction })
        {
            var client = await ClientAsync(role, s.StructureId);
            foreach (var portee in Portees(s).Append("perimetre=structure").Append($"perimetre=lot&id={s.Marche2.Lots[0].Id}"))
            {
                var json = await JsonAsync(await client.GetAsync($"/api/v1/bilans?{portee}{Periode}"));
                Assert.Equal("2026-01", json.GetProperty("du").GetString());
                foreach (var champ in new[] { "heuresDues", "heuresRealisees", "heuresRealiseesCumul", "heuresEnAttente", "tauxRealisation",
                             "tauxRealisationPlafonne", "parModalite", "parTypeContrat", "participants", "contrats", "entreprises", "profils", "mensuel", "prevision" })
                    Assert.True(json.TryGetProperty(champ, out _), $"{portee} : pas de « {champ} »");
                Assert.Equal(12, json.GetProperty("mensuel").GetArrayLength());
            }
            foreach (var portee in Portees(autre))
                await JsonAsync(await client.GetAsync($"/api/v1/bilans?{portee}{Periode}"), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Un_donneur_d_ordre_lit_son_perimetre_seulement()
    {
        var s = await ScenarioAsync();
        var autre = await ScenarioAsync();
        var client = await ClientAsync(Roles.DonneurOrdre, s.StructureId, donneurOrdreId: s.Acheteur1.DonneurOrdre.Id);

        foreach (var portee in Portees(s))
        {
            var json = await JsonAsync(await client.GetAsync($"/api/v1/bilans?{portee}{Periode}"));
            // Its lots' obligations: 2 lots F1 of 1 000 000 € each (the scenario's lots), dues over the scope.
            Assert.True(json.GetProperty("heuresDues").GetDecimal() > 0, portee);
        }
        string[] horsPerimetre =
        [
            $"perimetre=lot&id={s.Marche2.Lots[0].Id}", $"perimetre=marche&id={s.Marche2.Id}", $"perimetre=donneurOrdre&id={s.Acheteur2.Id}",
            "perimetre=structure", $"perimetre=lot&id={autre.Marche1.Lots[0].Id}", $"perimetre=donneurOrdre&id={autre.Acheteur1.DonneurOrdre.Id}",
            $"perimetre=lot&id={Guid.NewGuid()}",
        ];
        foreach (var portee in horsPerimetre)
        {
            var probleme = await JsonAsync(await client.GetAsync($"/api/v1/bilans?{portee}{Periode}"), HttpStatusCode.NotFound);
            Assert.Equal("Ressource introuvable", probleme.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Une_entreprise_n_a_pas_acces_aux_bilans()
    {
        var s = await ScenarioAsync();
        var entreprise = s.Marche1.Lots[0].Attributions[0].EntrepriseId;
        var client = await ClientAsync(Roles.Entreprise, s.StructureId, entrepriseId: entreprise);
        await JsonAsync(await client.GetAsync($"/api/v1/bilans?perimetre=lot&id={s.Marche1.Lots[0].Id}{Periode}"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("perimetre=lot&id={lot}&du=2026-12&au=2026-01", "du")]
    [InlineData("perimetre=lot&id={lot}&du=2026-1&au=2026-12", "du")]
    [InlineData("perimetre=lot&id={lot}&du=2026-01&au=26-12", "au")]
    [InlineData("perimetre=lot&id={lot}&du=2010-01&au=2026-12", "au")]
    [InlineData("perimetre=batiment&id={lot}&du=2026-01&au=2026-12", "perimetre")]
    [InlineData("perimetre=lot&id={lot}&ref=LOT-A1&du=2026-01&au=2026-12", "ref")]
    [InlineData("perimetre=lot&ref=LOT-A1&du=2026-01&au=2026-12", "ref")]
    [InlineData("perimetre=lot&id=123&du=2026-01&au=2026-12", "id")]
    public async Task Parametre_refuse_400_qui_le_nomme_en_francais(string requete, string champ)
    {
        var s = await ScenarioAsync();
        var client = await ClientAsync(Roles.Facilitateur, s.StructureId);
        var probleme = await JsonAsync(await client.GetAsync("/api/v1/bilans?" + requete.Replace("{lot}", s.Marche1.Lots[0].Id.ToString(), StringComparison.Ordinal)),
            HttpStatusCode.BadRequest);
        Assert.Equal("Requête invalide", probleme.GetProperty("title").GetString());
        Assert.Equal([champ], probleme.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains(champ, probleme.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_document_OpenAPI_decrit_les_bilans()
    {
        var client = app.CreateClient();
        var document = await JsonAsync(await client.GetAsync("/api/v1/openapi.json"));
        var operation = document.GetProperty("paths").GetProperty("/api/v1/bilans").GetProperty("get");
        var parametres = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["perimetre", "id", "ref", "du", "au"], parametres);
        Assert.Contains("\"<5\"", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
