using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;

namespace Clause.Tests.Web.Api;

/// <summary>
/// <c>GET /api/v1/lots</c> and <c>/lots/{id}</c> through the real app with real tokens: the scope of each role (DOMAIN.md
/// §11), the figures of the lot page, paging and filters, and a constant number of SQL commands per page.
/// </summary>
public sealed class LotsApiTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    /// <summary>
    /// One structure: buyer 1's marché with 4 lots — « Val » holds lot 1 as attributaire, lot 2 as co-traitant, lot 3 as
    /// sous-traitant; lot 4 is another company's only — and buyer 2's marché with one lot of the other company.
    /// </summary>
    private sealed record Scenario(StructureId StructureId, SituationsMarches Acheteur1, DonneurOrdre Acheteur2, Entreprise Val, Entreprise Autre,
        Marche Marche1, Marche Marche2)
    {
        public IReadOnlyList<Lot> Lots1 => Marche1.Lots;

        public Lot LotAcheteur2 => Marche2.Lots[0];
    }

    private static readonly string[] ChampsHeures = ["dues", "realisees", "enAttente", "restantes", "tauxRealisation", "tauxRealisationPlafonne"];

    private async Task<Scenario> ScenarioAsync()
    {
        var structure = await app.CreerStructureAsync();
        var acheteur1 = new SituationsMarches(structure.Id);
        var marche1 = acheteur1.UnMarche("2026-001", euros: 4_000_000, lots:
        [
            SituationsMarches.LotF1("Gros œuvre"), SituationsMarches.LotF1("Peinture"), SituationsMarches.LotF1("Électricité"),
            SituationsMarches.LotF1("Plomberie"),
        ]);
        var (acheteur2, operation2, marche2) = AutreAcheteur(acheteur1, "2026-101", SituationsMarches.LotF1("Voirie"));
        var val = acheteur1.UneEntreprise("Bâtiments du Val SARL");
        var autre = acheteur1.UneEntreprise("Autre Construction SAS");
        marche1.Lots[0].Attribuer(val, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        marche1.Lots[1].Attribuer(autre, RoleAttribution.Attributaire, null);
        marche1.Lots[1].Attribuer(val, RoleAttribution.CoTraitant, null);
        marche1.Lots[2].Attribuer(autre, RoleAttribution.Attributaire, null);
        marche1.Lots[2].Attribuer(val, RoleAttribution.SousTraitant, new DateOnly(2026, 2, 1));
        marche1.Lots[3].Attribuer(autre, RoleAttribution.Attributaire, null);
        marche2.Lots[0].Attribuer(autre, RoleAttribution.Attributaire, null);
        marche1.Lots[0].Lancer();
        marche1.Lots[0].MettreEnExecution();
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.AddRange(acheteur1.DonneurOrdre, acheteur2);
            db.Operations.AddRange(acheteur1.Operation, operation2);
            db.Entreprises.AddRange(val, autre);
            db.Marches.AddRange(marche1, marche2);
        });
        return new Scenario(structure.Id, acheteur1, acheteur2, val, autre, marche1, marche2);
    }

    /// <summary>A second buyer of the same structure (its own SIRET: the buyer's SIRET is unique per structure) with one marché.</summary>
    private static (DonneurOrdre Donneur, Operation Operation, Marche Marche) AutreAcheteur(SituationsMarches s, string numero, params NouveauLot[] lots)
    {
        var donneur = DonneurOrdre.Creer(s.StructureId, "Métropole " + numero, TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), null, "37000", "Tours");
        var operation = Operation.Creer(donneur, "Voirie " + numero, "Tours", SituationsMarches.Debut, SituationsMarches.Fin,
            ProgrammeRenouvellement.Npnru, true, "QP037005", Taux.Pourcent(5));
        var marche = Marche.Creer(operation, numero, "Travaux", TypeMarche.Ordinaire, new DateOnly(2025, 12, 15), SituationsMarches.Debut,
            SituationsMarches.Fin, new Montant(lots.Sum(l => l.MontantHT!.Value.Centimes)), lots, s.Reglages, s.Horloge);
        return (donneur, operation, marche);
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

    private static List<string> Intitules(JsonElement page) =>
        page.GetProperty("elements").EnumerateArray().Select(l => l.GetProperty("intitule").GetString()!).ToList();

    [Fact]
    public async Task Le_personnel_voit_les_lots_de_sa_structure_et_aucun_autre()
    {
        var s = await ScenarioAsync();
        var autreStructure = await ScenarioAsync();

        foreach (var role in new[] { Roles.Facilitateur, Roles.Direction })
        {
            var page = await JsonAsync(await (await ClientAsync(role, s.StructureId)).GetAsync("/api/v1/lots"));
            Assert.Equal(5, page.GetProperty("total").GetInt32());
            Assert.Equal(["Gros œuvre", "Peinture", "Électricité", "Plomberie", "Voirie"], Intitules(page));
        }
        var client = await ClientAsync(Roles.Facilitateur, s.StructureId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/lots/{autreStructure.Lots1[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task Une_entreprise_voit_exactement_les_lots_qu_elle_tient_dans_chaque_role()
    {
        var s = await ScenarioAsync();
        var client = await ClientAsync(Roles.Entreprise, s.StructureId, entrepriseId: s.Val.Id);

        var page = await JsonAsync(await client.GetAsync("/api/v1/lots"));

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["Gros œuvre", "Peinture", "Électricité"], Intitules(page));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/lots/{s.Lots1[2].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/lots/{s.Lots1[3].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/lots/{s.LotAcheteur2.Id}")).StatusCode);

        var autre = await JsonAsync(await (await ClientAsync(Roles.Entreprise, s.StructureId, entrepriseId: s.Autre.Id)).GetAsync("/api/v1/lots"));
        Assert.Equal(["Peinture", "Électricité", "Plomberie", "Voirie"], Intitules(autre));
    }

    [Fact]
    public async Task Un_donneur_d_ordre_voit_les_lots_de_ses_marches_seulement()
    {
        var s = await ScenarioAsync();
        var client = await ClientAsync(Roles.DonneurOrdre, s.StructureId, donneurOrdreId: s.Acheteur1.DonneurOrdre.Id);

        var page = await JsonAsync(await client.GetAsync("/api/v1/lots"));

        Assert.Equal(["Gros œuvre", "Peinture", "Électricité", "Plomberie"], Intitules(page));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/lots/{s.LotAcheteur2.Id}")).StatusCode);
        var probleme = await JsonAsync(await client.GetAsync($"/api/v1/lots/{s.LotAcheteur2.Id}"), HttpStatusCode.NotFound);
        Assert.Equal("Ressource introuvable", probleme.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(Roles.Direction, true)]
    [InlineData(Roles.Facilitateur, true)]
    [InlineData(Roles.Entreprise, true)]
    [InlineData(Roles.DonneurOrdre, true)]
    [InlineData(Roles.Referent, false)]
    [InlineData(Roles.Administrateur, false)]
    public void La_lecture_des_lots_est_permise_aux_roles_qui_ont_un_perimetre_de_lots(string role, bool permis)
    {
        var identite = new ClaimsIdentity([new(ClaimTypes.Role, role), new(RevendicationsClause.StructureId, Guid.NewGuid().ToString())], "test");

        Assert.Equal(permis, Droits.Peut(new ClaimsPrincipal(identite), Politiques.LectureLots));
    }

    [Fact]
    public async Task Les_chiffres_d_un_lot_sont_ceux_de_sa_page()
    {
        var structure = await app.CreerStructureAsync();
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var navigateur = await app.ConnecterAsync(facilitateur.Email!);
        // 60 000 € × 50 % × 5 % / 30 € = 50 h due; 65 h validated (130 %, capped 100 %), 7 h pending, 20 min more to round.
        var lot = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1(euros: 60_000), euros: 60_000, enExecution: true);
        var participant = await app.SemerParticipantAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, participant);
        await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur, (new Mois(2026, 1), 40), (new Mois(2026, 2), 25));
        await app.SemerHeuresAsync(lot, contrat, null, (new Mois(2026, 3), 7));

        var api = await JsonAsync(await app.ClientApi(await app.CreerJetonAsync(facilitateur)).GetAsync($"/api/v1/lots/{lot.Lot.Id}"));
        var page = await navigateur.PageAsync($"/Lots/Details/{lot.Lot.Id}");

        var heures = api.GetProperty("heures");
        Assert.Equal(Nombre(page.Texte("#bilan-dues")), heures.GetProperty("dues").GetDecimal());
        Assert.Equal(Nombre(page.Texte("#bilan-realisees")), heures.GetProperty("realisees").GetDecimal());
        Assert.Equal(Nombre(page.Texte("#bilan-en-attente")), heures.GetProperty("enAttente").GetDecimal());
        Assert.Equal(Nombre(page.Texte("#bilan-restantes")), heures.GetProperty("restantes").GetDecimal());
        Assert.Equal(Nombre(page.Texte("#bilan-taux")), heures.GetProperty("tauxRealisation").GetDecimal());
        Assert.Equal(Nombre(page.Texte("#bilan-taux-plafonne")), heures.GetProperty("tauxRealisationPlafonne").GetDecimal());
        Assert.Equal([50m, 65m, 7m, 0m, 130m, 100m], ChampsHeures.Select(c => heures.GetProperty(c).GetDecimal()));

        // The company sees the same figures on its lot.
        var entreprise = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, entrepriseId: lot.Titulaire.Id);
        var vuParLEntreprise = await JsonAsync(await app.ClientApi(await app.CreerJetonAsync(entreprise)).GetAsync("/api/v1/lots"));
        Assert.Equal(heures.GetRawText(), vuParLEntreprise.GetProperty("elements")[0].GetProperty("heures").GetRawText());
    }

    /// <summary>"1 234,50 h" or "36,1 %" (with its help text) → 1234.50 or 36.1.</summary>
    private static decimal Nombre(string texte)
    {
        var chiffres = new string(SituationsMarches.Espaces(texte).TakeWhile(c => char.IsAsciiDigit(c) || c is ',' or ' ').ToArray());
        return decimal.Parse(chiffres.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.GetCultureInfo("fr-FR"));
    }

    [Fact]
    public async Task Le_json_d_un_lot_suit_les_conventions()
    {
        var s = await ScenarioAsync();
        var client = await ClientAsync(Roles.Facilitateur, s.StructureId);

        var reponse = await client.GetAsync($"/api/v1/lots/{s.Lots1[0].Id}");
        var json = await reponse.Content.ReadAsStringAsync();

        Assert.Equal("application/json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"id\":\"{s.Lots1[0].Id}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"intitule\":\"Gros œuvre\"", json, StringComparison.Ordinal);
        Assert.Contains("\"statut\":\"EnExecution\",\"statutLibelle\":\"En exécution\"", json, StringComparison.Ordinal);
        Assert.Contains("\"debutExecution\":\"2026-01-01\",\"finExecution\":\"2026-12-31\"", json, StringComparison.Ordinal);
        Assert.Contains("\"montantHT\":1000000.00", json, StringComparison.Ordinal);
        Assert.Contains("\"dues\":833.00,\"realisees\":0.00,\"enAttente\":0.00,\"restantes\":833.00,\"tauxRealisation\":0.00", json, StringComparison.Ordinal);
        Assert.Contains($"\"marche\":{{\"id\":\"{s.Marche1.Id}\",\"numero\":\"2026-001\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"donneurOrdre\":{{\"id\":\"{s.Acheteur1.DonneurOrdre.Id}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pagination_et_filtre_par_statut()
    {
        var s = await ScenarioAsync();
        var client = await ClientAsync(Roles.Facilitateur, s.StructureId);

        var page2 = await JsonAsync(await client.GetAsync("/api/v1/lots?page=2&taille=2"));
        Assert.Equal(["Électricité", "Plomberie"], Intitules(page2));
        Assert.Equal((2, 2, 5), (page2.GetProperty("page").GetInt32(), page2.GetProperty("taille").GetInt32(), page2.GetProperty("total").GetInt32()));
        var parDefaut = await JsonAsync(await client.GetAsync("/api/v1/lots"));
        Assert.Equal((1, 50), (parDefaut.GetProperty("page").GetInt32(), parDefaut.GetProperty("taille").GetInt32()));
        var audela = await JsonAsync(await client.GetAsync("/api/v1/lots?page=9&taille=500"));
        Assert.Empty(Intitules(audela));
        Assert.Equal(5, audela.GetProperty("total").GetInt32());

        var enExecution = await JsonAsync(await client.GetAsync("/api/v1/lots?statut=EnExecution"));
        Assert.Equal(["Gros œuvre"], Intitules(enExecution));
        Assert.Equal(1, enExecution.GetProperty("total").GetInt32());
        var aNotifier = await JsonAsync(await client.GetAsync("/api/v1/lots?statut=ANotifier&taille=1"));
        Assert.Equal(4, aNotifier.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("taille=100000", "taille")]
    [InlineData("taille=0", "taille")]
    [InlineData("taille=abc", "taille")]
    [InlineData("page=-1", "page")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("statut=Termine", "statut")]
    [InlineData("statut=enexecution", "statut")]
    [InlineData("statut=2", "statut")]
    public async Task Une_pagination_ou_un_filtre_invalide_repond_400_en_nommant_le_champ(string requete, string champ)
    {
        var s = await ScenarioAsync();
        var client = await ClientAsync(Roles.Facilitateur, s.StructureId);

        var reponse = await client.GetAsync("/api/v1/lots?" + requete);
        var probleme = await JsonAsync(reponse, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Requête invalide", probleme.GetProperty("title").GetString());
        Assert.Equal([champ], probleme.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains($"« {champ} »", probleme.GetProperty("errors").GetProperty(champ)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_nombre_de_commandes_SQL_ne_depend_pas_du_nombre_de_lots()
    {
        var petite = await ScenarioAsync();
        var grande = await ScenarioAsync();
        var (donneur, operation, marche) = AutreAcheteur(grande.Acheteur1, "2026-900",
            Enumerable.Range(1, 9).Select(i => SituationsMarches.LotF1($"Lot {i}")).ToArray());
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(donneur);
            db.Operations.Add(operation);
            db.Marches.Add(marche);
        });
        var clientPetit = await ClientAsync(Roles.Facilitateur, petite.StructureId);
        var clientGrand = await ClientAsync(Roles.Facilitateur, grande.StructureId);
        await clientPetit.GetAsync("/api/v1/lots?taille=1");
        await clientGrand.GetAsync("/api/v1/lots?taille=1");

        app.Compteur.Remettre();
        var un = await JsonAsync(await clientPetit.GetAsync("/api/v1/lots?taille=1"));
        var requetesUnLot = app.Compteur.Requetes;
        app.Compteur.Remettre();
        var quatorze = await JsonAsync(await clientGrand.GetAsync("/api/v1/lots"));
        var requetesQuatorze = app.Compteur.Requetes;

        Assert.Single(Intitules(un));
        Assert.Equal(14, Intitules(quatorze).Count);
        Assert.Equal(requetesUnLot, requetesQuatorze);
    }
}
