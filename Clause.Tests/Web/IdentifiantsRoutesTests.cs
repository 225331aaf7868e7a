using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Tests.Support;

namespace Clause.Tests.Web;

/// <summary>
/// A typed id from the route, against the real app: the page binds <c>OnGetAsync(ContratId id)</c> from the GUID text
/// (its TypeConverter), and links render the GUID (ToString). What is not a GUID never reaches the handler: the
/// <c>{id:guid}</c> constraint answers 404, as before typed ids; an unknown GUID is a 404 from the loading convention.
/// </summary>
public class IdentifiantsRoutesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Une_page_lit_son_identifiant_type_dans_la_route_et_refuse_ce_qui_n_est_pas_un_GUID()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id);
        var participant = await app.SemerParticipantAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, participant);

        var page = await client.PageAsync($"/Contrats/Details/{contrat.Id}");
        Assert.Contains(participant.Nom, page.Body!.TextContent, StringComparison.Ordinal);
        // The links of the page carry the GUID of the typed id (asp-route / interpolation use ToString).
        Assert.NotNull(page.QuerySelector($"a[href*='{lot.Lot.Id.Valeur}']"));
        var grille = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        Assert.NotNull(grille.GetElementById(HeuresDeTest.IdCellule(contrat.Id, new Mois(2026, 3))));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Contrats/Details/pas-un-identifiant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/Details/{Guid.NewGuid()}")).StatusCode);
        // The lot's id is not a contrat's: same GUID format, other kind, nothing found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contrats/Details/{lot.Lot.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Heures/Lot/12345")).StatusCode);
        // A typed id in the query string: bound by the same converter; a malformed one is ignored (no filter), as a Guid? was.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Contrats?lot={lot.Lot.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Contrats?lot=pas-un-identifiant")).StatusCode);
    }

    [Fact]
    public async Task La_fiche_d_un_donneur_d_ordre_lit_son_DonneurOrdreId_dans_la_route()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var donneur = await app.SemerDonneurAsync(structure.Id, "Ville de Chinon");

        var page = await client.PageAsync($"/DonneursOrdre/Details/{donneur.Id}");
        Assert.Contains("Ville de Chinon", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/DonneursOrdre/Modifier/{donneur.Id.Valeur}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/DonneursOrdre/Details/pas-un-identifiant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Details/{Guid.NewGuid()}")).StatusCode);
        // The structure's id is not a donneur d'ordre's: nothing found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Details/{structure.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Operations?donneur={donneur.Id}")).StatusCode);
    }

    [Fact]
    public async Task La_fiche_d_une_entreprise_lit_son_EntrepriseId_dans_la_route()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var entreprise = await app.SemerEntrepriseAsync(new SituationsMarches(structure.Id), "Charpentes de Loire");

        var page = await client.PageAsync($"/Entreprises/Details/{entreprise.Id}");
        Assert.Contains("Charpentes de Loire", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/Entreprises/Modifier/{entreprise.Id.Valeur}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Entreprises/Details/pas-un-identifiant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Entreprises/Details/{Guid.NewGuid()}")).StatusCode);
        // The structure's id is not a company's: nothing found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Entreprises/Details/{structure.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Contrats?employeur={entreprise.Id}")).StatusCode);
    }
}

