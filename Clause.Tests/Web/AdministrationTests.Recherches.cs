using System.Net;
using System.Text.Json;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Clause.Tests.Web;

/// <summary>
/// Issue 17: the invitation form lists no structure, company nor buyer of the installation. They are chosen with
/// comboboxes over admin-wide searches (<c>/Admin/Recherche/*</c>): structures of the installation, and the companies
/// and buyers of the chosen structure only — with JavaScript (JSON, the structure read from the form) and without (the
/// search page reads the structure among the form's values, and goes back to the form with them).
/// </summary>
public partial class AdministrationTests
{
    private sealed record ReponseRecherche(List<ElementRecherche> Elements, int Numero, int NombrePages, int Total);

    private sealed record ElementRecherche(string Id, string Libelle, string? Detail);

    private static readonly JsonSerializerOptions JsonWeb = new(JsonSerializerDefaults.Web);

    private static async Task<ReponseRecherche> RechercheAsync(HttpClient client, string adresse)
    {
        var reponse = await client.GetAsync(new Uri(adresse, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return JsonSerializer.Deserialize<ReponseRecherche>(await reponse.Content.ReadAsStringAsync(), JsonWeb)!;
    }

    [Fact]
    public async Task Le_formulaire_d_invitation_ne_liste_ni_structures_ni_entreprises_ni_donneurs_d_ordre()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        await SemerEntrepriseAsync(structure.Id, "Charpentes du Cher");
        await app.SemerDonneurAsync(structure.Id, "Office du Cher");

        var page = await admin.PageAsync("/Admin/Utilisateurs/Inviter");

        Assert.Equal(["Saisie.Role"], page.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.DoesNotContain("Charpentes du Cher", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Office du Cher", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(structure.Nom, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        foreach (var (champ, source) in new[] { ("Saisie.StructureId", "Structures"), ("Saisie.EntrepriseId", "Entreprises"), ("Saisie.DonneurOrdreId", "DonneursOrdre") })
        {
            var combobox = page.QuerySelector($"[data-combobox]:has(input[type=hidden][name='{champ}'])");
            Assert.NotNull(combobox);
            Assert.Equal($"/Admin/Recherche/{source}?handler=Json", combobox.GetAttribute("data-source"));
            // The label reaches the text field.
            Assert.NotNull(page.QuerySelector($"label[for='{champ.Replace('.', '_')}']"));
            Assert.NotNull(combobox.QuerySelector($"input[type=text][id='{champ.Replace('.', '_')}']"));
        }
        // Companies and buyers follow the structure chosen in the form.
        Assert.Equal("Saisie.StructureId", page.QuerySelector("[data-combobox]:has(input[name='Saisie.EntrepriseId'])")!.GetAttribute("data-filtre-champ"));
        Assert.Equal("Saisie.StructureId", page.QuerySelector("[data-combobox]:has(input[name='Saisie.DonneurOrdreId'])")!.GetAttribute("data-filtre-champ"));
        Assert.Null(page.QuerySelector("[data-combobox]:has(input[name='Saisie.StructureId'])")!.GetAttribute("data-filtre-champ"));
    }

    [Fact]
    public async Task La_recherche_de_l_administrateur_ne_rend_que_les_entreprises_et_donneurs_d_ordre_de_la_structure_choisie()
    {
        var admin = await AdministrateurAsync();
        var tours = await app.CreerStructureAsync("PLIE Recherche Tours " + Guid.NewGuid().ToString("N")[..6]);
        var blois = await app.CreerStructureAsync("PLIE Recherche Blois " + Guid.NewGuid().ToString("N")[..6]);
        var aTours = await SemerEntrepriseAsync(tours.Id, "Menuiserie Ligérienne");
        var aBlois = await SemerEntrepriseAsync(blois.Id, "Menuiserie Ligérienne");
        var donneurTours = await app.SemerDonneurAsync(tours.Id, "Habitat Ligérien");
        var donneurBlois = await app.SemerDonneurAsync(blois.Id, "Habitat Ligérien");

        Assert.Equal([aTours.Id.ToString()], (await RechercheAsync(admin, $"/Admin/Recherche/Entreprises?handler=Json&terme=menuiserie&filtre={tours.Id}")).Elements.Select(e => e.Id));
        Assert.Equal([aBlois.Id.ToString()], (await RechercheAsync(admin, $"/Admin/Recherche/Entreprises?handler=Json&terme=menuiserie&filtre={blois.Id}")).Elements.Select(e => e.Id));
        Assert.Equal([donneurTours.Id.ToString()], (await RechercheAsync(admin, $"/Admin/Recherche/DonneursOrdre?handler=Json&terme=habitat&filtre={tours.Id}")).Elements.Select(e => e.Id));
        Assert.Equal([donneurBlois.Id.ToString()], (await RechercheAsync(admin, $"/Admin/Recherche/DonneursOrdre?handler=Json&terme=habitat&filtre={blois.Id}")).Elements.Select(e => e.Id));
        // No structure chosen (or a malformed one): nothing, rather than every structure's rows.
        foreach (var filtre in new[] { "", "&filtre=", "&filtre=pas-un-guid", "&filtre=" + Guid.Empty })
        {
            Assert.Equal(0, (await RechercheAsync(admin, "/Admin/Recherche/Entreprises?handler=Json&terme=menuiserie" + filtre)).Total);
            Assert.Equal(0, (await RechercheAsync(admin, "/Admin/Recherche/DonneursOrdre?handler=Json&terme=habitat" + filtre)).Total);
        }
        // The installation's structures, by name.
        Assert.Equal([tours.Id.ToString()], (await RechercheAsync(admin, "/Admin/Recherche/Structures?handler=Json&terme=" + Uri.EscapeDataString(tours.Nom))).Elements.Select(e => e.Id));
        // Bad input: cut, escaped, brought back, ignored.
        var absurde = await RechercheAsync(admin, $"/Admin/Recherche/Entreprises?handler=Json&terme={new string('%', 1000)}&numero=1000000000&filtre={tours.Id}");
        Assert.Equal(0, absurde.Total);
        Assert.Equal(1, absurde.Numero);
    }

    [Fact]
    public async Task Les_recherches_de_l_administrateur_ignorent_les_accents_et_la_casse()
    {
        var admin = await AdministrateurAsync();
        var suffixe = Guid.NewGuid().ToString("N")[..6];
        var structure = await app.CreerStructureAsync("PLIE de l'Agglomération Châteauroux " + suffixe);
        var entreprise = await SemerEntrepriseAsync(structure.Id, "Bâtiments du Val");
        var donneur = await app.SemerDonneurAsync(structure.Id, "Métropole d'Orléans", commune: "Orléans");

        Assert.Equal([structure.Id.ToString()],
            (await RechercheAsync(admin, "/Admin/Recherche/Structures?handler=Json&terme=" + Uri.EscapeDataString("agglomeration CHATEAUROUX " + suffixe))).Elements.Select(e => e.Id));
        Assert.Equal([entreprise.Id.ToString()],
            (await RechercheAsync(admin, $"/Admin/Recherche/Entreprises?handler=Json&terme=batiments%20du%20val&filtre={structure.Id}")).Elements.Select(e => e.Id));
        Assert.Equal([donneur.Id.ToString()],
            (await RechercheAsync(admin, $"/Admin/Recherche/DonneursOrdre?handler=Json&terme=METROPOLE%20orleans&filtre={structure.Id}")).Elements.Select(e => e.Id));
    }

    [Fact]
    public async Task Sans_JavaScript_la_recherche_lit_la_structure_du_formulaire_et_y_revient_avec_ses_valeurs()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var autre = await app.CreerStructureAsync();
        var entreprise = await SemerEntrepriseAsync(structure.Id, "Couverture Solognote");
        await SemerEntrepriseAsync(autre.Id, "Couverture Solognote");
        var email = NouvelEmail();
        var formulaire = new Dictionary<string, string?>
        {
            ["Saisie.Email"] = email,
            ["Saisie.NomComplet"] = "Camille Girard",
            ["Saisie.Role"] = Roles.Entreprise,
            ["Saisie.StructureId"] = structure.Id.ToString(),
            ["Saisie.EntrepriseId"] = "",
            ["Saisie.EntrepriseId-texte"] = "couverture",
            ["recherche"] = "champ=Saisie.EntrepriseId&retour=%2FAdmin%2FUtilisateurs%2FInviter&filtre-champ=Saisie.StructureId",
        };

        // The « Chercher » button of the company field sends the whole form by GET to the search page.
        var resultats = await admin.PageAsync(QueryHelpers.AddQueryString("/Admin/Recherche/Entreprises", formulaire));
        var choix = resultats.QuerySelectorAll("#resultats form");
        var seul = Assert.Single(choix);
        Assert.Equal("/Admin/Utilisateurs/Inviter", seul.GetAttribute("action"));
        Assert.Equal(entreprise.Id.ToString(), seul.QuerySelector("input[name='Saisie.EntrepriseId']")!.GetAttribute("value"));
        Assert.Equal(structure.Id.ToString(), seul.QuerySelector("input[name='Saisie.StructureId']")!.GetAttribute("value"));
        Assert.Equal(email, seul.QuerySelector("input[name='Saisie.Email']")!.GetAttribute("value"));

        // « Choisir » goes back to the form with its values and the company named in its field.
        var retour = seul.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => (string?)i.GetAttribute("value"));
        var page = await admin.PageAsync(QueryHelpers.AddQueryString("/Admin/Utilisateurs/Inviter", retour));
        Assert.Equal(email, page.QuerySelector("input[name='Saisie.Email']")!.GetAttribute("value"));
        Assert.Equal("Couverture Solognote", page.QuerySelector("input[id='Saisie_EntrepriseId']")!.GetAttribute("value"));
        Assert.Equal(entreprise.Id.ToString(), page.QuerySelector("input[type=hidden][name='Saisie.EntrepriseId']")!.GetAttribute("value"));
        Assert.Equal(structure.Id.ToString(), page.QuerySelector("input[type=hidden][name='Saisie.StructureId']")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".message-erreur:not(:empty)"));

        // The form then posts as before: the account is created for that company.
        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(email, Roles.Entreprise, structure.Id, entrepriseId: entreprise.Id));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.True(await CompteExisteAsync(email));
    }

    [Theory]
    [InlineData(Roles.Facilitateur, "/Admin/Recherche/Entreprises?handler=Json&terme=a")]
    [InlineData(Roles.Direction, "/Admin/Recherche/Structures")]
    [InlineData(Roles.Facilitateur, "/Admin/Recherche/DonneursOrdre?handler=Json")]
    public async Task La_recherche_de_l_administrateur_est_refusee_aux_autres_roles(string role, string url)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var reponse = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
