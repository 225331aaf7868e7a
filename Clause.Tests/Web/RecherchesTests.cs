using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Clause.Tests.Web;

/// <summary>
/// The comboboxes' search pages (issue 17 item 5): JSON for the script — the structure's rows only, 20 at most, paged,
/// wildcards escaped, a long term cut, a huge page number brought back —, the roles that may search, and the page of
/// results that replaces the script without JavaScript (choose, then back to the form with its other values kept).
/// </summary>
public class RecherchesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Reponse(List<Element> Elements, int Numero, int NombrePages, int Total);

    private sealed record Element(string Id, string Libelle, string? Detail);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<Reponse> JsonAsync(HttpClient client, string adresse)
    {
        var reponse = await client.GetAsync(adresse);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/json", reponse.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Reponse>(await reponse.Content.ReadAsStringAsync(), Json)!;
    }

    private static string Terme(string terme) => Uri.EscapeDataString(terme);

    [Fact]
    public async Task Une_recherche_ne_rend_que_les_lignes_de_la_structure()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var autre = await app.CreerStructureAsync();
        var sienne = await app.CreerEntrepriseAsync(structure.Id, "Maçonnerie Tourangelle", AcheteursDeTest.NouveauSiret());
        var etrangere = await app.CreerEntrepriseAsync(autre.Id, "Maçonnerie Tourangelle bis", AcheteursDeTest.NouveauSiret());
        var sOperation = await app.SemerOperationAsync(structure.Id);
        var sAutre = await app.SemerOperationAsync(autre.Id);

        var entreprises = await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=" + Terme("maçonnerie"));
        Assert.Equal([sienne.Id.ToString()], entreprises.Elements.Select(e => e.Id));
        Assert.Equal(1, entreprises.Total);
        Assert.Equal("Maçonnerie Tourangelle", entreprises.Elements[0].Libelle);

        var operations = await JsonAsync(client, "/Recherche/Operations?handler=Json&terme=Sanitas");
        Assert.Equal([sOperation.Operation.Id.ToString()], operations.Elements.Select(e => e.Id));
        var donneurs = await JsonAsync(client, "/Recherche/DonneursOrdre?handler=Json");
        Assert.Equal([sOperation.DonneurOrdre.Id.ToString()], donneurs.Elements.Select(e => e.Id));

        // Another structure's id in a filter names nothing (the field stays empty) and is refused on a form.
        var page = await client.PageAsync($"/Contrats?employeur={etrangere.Id}");
        Assert.Equal(string.Empty, page.QuerySelector<IHtmlInputElement>("input[name=employeur]")!.Value);
        Assert.Equal(string.Empty, page.QuerySelector<IHtmlInputElement>("#employeur")!.Value);
        Assert.DoesNotContain("bis", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var operationEtrangere = await client.PageAsync($"/Marches?operation={sAutre.Operation.Id}");
        Assert.Equal(string.Empty, operationEtrangere.QuerySelector<IHtmlInputElement>("#operation")!.Value);
    }

    [Fact]
    public async Task Vingt_resultats_au_plus_par_page_et_un_numero_trop_grand_donne_la_derniere_page()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await app.EcrireAsync(db =>
        {
            for (var i = 0; i < 45; i++)
                db.Entreprises.Add(Entreprise.Creer(structure.Id, $"Peinture {i:00}", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique));
        });

        var premiere = await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=peinture");
        Assert.Equal(20, premiere.Elements.Count);
        Assert.Equal((1, 3, 45), (premiere.Numero, premiere.NombrePages, premiere.Total));
        Assert.Equal("Peinture 00", premiere.Elements[0].Libelle);

        var derniere = await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=peinture&numero=1000000000");
        Assert.Equal(3, derniere.Numero);
        Assert.Equal(["Peinture 40", "Peinture 41", "Peinture 42", "Peinture 43", "Peinture 44"], derniere.Elements.Select(e => e.Libelle));

        // A number that is not one, or beyond an int, is the first page; so is a negative one.
        Assert.Equal(1, (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=peinture&numero=99999999999")).Numero);
        Assert.Equal(1, (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=peinture&numero=-4")).Numero);
    }

    [Fact]
    public async Task Les_jokers_sont_des_caracteres_et_un_terme_de_mille_caracteres_est_coupe()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var cent = await app.CreerEntrepriseAsync(structure.Id, "Cent%Pour", AcheteursDeTest.NouveauSiret());
        var souligne = await app.CreerEntrepriseAsync(structure.Id, "Sous_Ligne", AcheteursDeTest.NouveauSiret());
        await app.CreerEntrepriseAsync(structure.Id, "Centaure Pourpre", AcheteursDeTest.NouveauSiret());
        await app.CreerEntrepriseAsync(structure.Id, "SousXLigne", AcheteursDeTest.NouveauSiret());

        Assert.Equal([cent.Id.ToString()], (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=" + Terme("t%P"))).Elements.Select(e => e.Id));
        Assert.Equal([souligne.Id.ToString()], (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=" + Terme("s_L"))).Elements.Select(e => e.Id));
        Assert.Equal([cent.Id.ToString()], (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=" + Terme("%"))).Elements.Select(e => e.Id));
        Assert.Equal([souligne.Id.ToString()], (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=_")).Elements.Select(e => e.Id));

        var mille = new string('a', 1000);
        Assert.Equal(0, (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=" + mille)).Total);
        // Cut at 100 characters: the first 100 of a longer term still find what they match.
        Assert.Equal([souligne.Id.ToString()],
            (await JsonAsync(client, "/Recherche/Entreprises?handler=Json&terme=" + Terme("Sous_Ligne" + new string(' ', 90) + "zzzz"))).Elements.Select(e => e.Id));

        var html = await client.GetAsync("/Recherche/Entreprises?terme=" + mille + "&numero=1000000000&filtre=inconnu");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Entreprise, "/Recherche/Entreprises?handler=Json")]
    [InlineData(Roles.DonneurOrdre, "/Recherche/Lots?handler=Json")]
    [InlineData(Roles.Entreprise, "/Recherche/Participants")]
    [InlineData(Roles.Referent, "/Recherche/Operations?handler=Json")]
    [InlineData(Roles.Referent, "/Recherche/DonneursOrdre?handler=Json")]
    public async Task Les_roles_sans_droit_sont_refuses(string role, string adresse)
    {
        var structure = await app.CreerStructureAsync();
        EntrepriseId? entrepriseId = role == Roles.Entreprise
            ? (await app.CreerEntrepriseAsync(structure.Id, "Portail SARL", AcheteursDeTest.NouveauSiret())).Id
            : null;
        DonneurOrdreId? donneurId = role == Roles.DonneurOrdre ? (await app.SemerOperationAsync(structure.Id)).DonneurOrdre.Id : null;
        var utilisateur = await app.CreerUtilisateurAsync(role, structure.Id, entrepriseId, donneurId);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var reponse = await client.GetAsync(adresse);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_referent_ne_trouve_que_ses_participants()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var sien = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Lefebvre", prenom: "Anne", referentId: referent.Id);
        var autre = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Lefebvre", prenom: "Paul");
        await app.EcrireAsync(db => db.Participants.AddRange(sien, autre));
        var client = await app.ConnecterAsync(referent.Email!);

        var reponse = await JsonAsync(client, "/Recherche/Participants?handler=Json&terme=lefeb");
        Assert.Equal([sien.Id.ToString()], reponse.Elements.Select(e => e.Id));
        Assert.Equal("Lefebvre Anne", reponse.Elements[0].Libelle);
        // Never a category nor a sensitive field in what a search sends.
        Assert.DoesNotContain("RSA", reponse.Elements[0].Detail ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sans_javascript_un_filtre_se_choisit_sur_la_page_de_resultats_et_garde_les_autres_filtres()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Menuiserie du Cher", AcheteursDeTest.NouveauSiret());
        await app.CreerEntrepriseAsync(structure.Id, "Plomberie du Cher", AcheteursDeTest.NouveauSiret());

        // The list's form as a browser without JavaScript sends it with the field's « Chercher » button.
        var liste = await client.PageAsync("/Contrats");
        var bouton = liste.QuerySelector<IHtmlButtonElement>("#employeur ~ button[name=recherche]")!;
        Assert.Equal("/Recherche/Entreprises", bouton.GetAttribute("formaction"));
        Assert.Equal("get", bouton.GetAttribute("formmethod"));
        var adresse = QueryHelpers.AddQueryString("/Recherche/Entreprises", new Dictionary<string, string?>
        {
            ["q"] = "Martin",
            ["statut"] = "Propose",
            ["lot"] = string.Empty,
            ["lot-texte"] = string.Empty,
            ["employeur"] = string.Empty,
            ["employeur-texte"] = "menuis",
            ["modalite"] = string.Empty,
            ["recherche"] = bouton.Value,
        });
        var resultats = await client.PageAsync(adresse);
        Assert.Equal("Choisir une entreprise", resultats.QuerySelector("h1")!.TextContent);
        Assert.Equal("1 résultat.", resultats.QuerySelector("#nombre-resultats")!.TextContent);
        var choix = resultats.QuerySelectorAll<IHtmlFormElement>("#resultats form").Single();
        Assert.Equal("/Contrats", choix.GetAttribute("action"));
        var champs = choix.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        Assert.Equal(entreprise.Id.ToString(), champs["employeur"]);
        Assert.Equal("Martin", champs["q"]);
        Assert.Equal("Propose", champs["statut"]);
        Assert.False(champs.ContainsKey("recherche"));

        // Back on the list: the company is the filter, its name is in the field, the other filters are kept.
        var retour = await client.PageAsync(QueryHelpers.AddQueryString("/Contrats", champs.ToDictionary(p => p.Key, p => (string?)p.Value)));
        Assert.Equal("Menuiserie du Cher", retour.QuerySelector<IHtmlInputElement>("#employeur")!.Value);
        Assert.Equal(entreprise.Id.ToString(), retour.QuerySelector<IHtmlInputElement>("input[name=employeur]")!.Value);
        Assert.Equal("Martin", retour.QuerySelector<IHtmlInputElement>("#q")!.Value);
    }

    [Fact]
    public async Task Sans_javascript_un_formulaire_revient_de_la_recherche_avec_ce_qui_etait_saisi()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Charpentes Ligériennes", AcheteursDeTest.NouveauSiret());
        var contexte = "champ=Saisie.EmployeurId&retour=%2FContrats%2FCreer";

        var resultats = await client.PageAsync("/Recherche/Entreprises?recherche=" + Uri.EscapeDataString(contexte)
            + "&Saisie.EmployeurId-texte=charp&Saisie.DateDebut=2026-04-01&Saisie.Poste=Charpentier&Saisie.ValiderImmediatement=false"
            + "&__RequestVerificationToken=secret");
        var choix = resultats.QuerySelectorAll<IHtmlFormElement>("#resultats form").Single();
        Assert.Equal("/Contrats/Creer", choix.GetAttribute("action"));
        var champs = choix.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        Assert.False(champs.ContainsKey("__RequestVerificationToken"));
        Assert.Equal(entreprise.Id.ToString(), champs["Saisie.EmployeurId"]);

        var formulaire = await client.PageAsync(QueryHelpers.AddQueryString("/Contrats/Creer", champs.ToDictionary(p => p.Key, p => (string?)p.Value)));
        Assert.Equal("2026-04-01", formulaire.QuerySelector<IHtmlInputElement>("#Saisie_DateDebut")!.Value);
        Assert.Equal("Charpentier", formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Poste")!.Value);
        Assert.False(formulaire.QuerySelector<IHtmlInputElement>("#Saisie_ValiderImmediatement")!.IsChecked);
        Assert.Equal("Charpentes Ligériennes", formulaire.QuerySelector<IHtmlInputElement>("#Saisie_EmployeurId")!.Value);
        Assert.Equal(entreprise.Id.ToString(), formulaire.QuerySelector<IHtmlInputElement>("input[name='Saisie.EmployeurId']")!.Value);
        Assert.Null(formulaire.QuerySelector("#resume-erreurs"));
    }

    [Theory]
    [InlineData("champ=employeur&retour=https%3A%2F%2Fexemple.org%2F")]
    [InlineData("champ=employeur&retour=%2F%2Fexemple.org")]
    [InlineData("champ=&retour=%2FContrats")]
    public async Task Le_retour_ne_va_jamais_hors_de_l_application(string contexte)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await app.CreerEntrepriseAsync(structure.Id, "Toitures de Loire", AcheteursDeTest.NouveauSiret());

        var resultats = await client.PageAsync("/Recherche/Entreprises?terme=toit&recherche=" + Uri.EscapeDataString(contexte));
        Assert.Contains("Toitures de Loire", resultats.QuerySelector("#resultats")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(resultats.QuerySelectorAll("#resultats form"));
        Assert.DoesNotContain("exemple.org", resultats.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_identifiant_d_une_autre_structure_poste_dans_un_combobox_est_refuse_au_champ()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var autre = await app.CreerStructureAsync();
        var donneurEtranger = (await app.SemerOperationAsync(autre.Id)).DonneurOrdre;
        await app.SemerOperationAsync(structure.Id);

        var reponse = await client.PosterChampsAsync("/Operations/Creer",
        [
            new("Saisie.DonneurOrdreId", donneurEtranger.Id.ToString()), new("Saisie.Nom", "Écoquartier"), new("Saisie.Commune", "Tours"),
            new("Saisie.Programme", "Aucun"),
        ]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Equal("Choisissez un donneur d'ordre dans la liste.", FabriqueClause.ErreurDuChamp(html, "Saisie.DonneurOrdreId"));
        Assert.Equal(0, await app.LireBaseAsync(db => Task.FromResult(db.Operations.Count(o => o.StructureId == structure.Id && o.Nom == "Écoquartier"))));
    }
}
