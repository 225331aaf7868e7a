using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// Issue 17 item 5 in a real browser: the employer filter of the contrats list as an ARIA 1.2 combobox (role, expanded
/// state, controlled listbox, active descendant, live count; Down/Up, Enter, Escape), and the same field without
/// JavaScript (a text field, « Chercher », a page of results, « Choisir », back with the other filters kept).
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public class ComboboxNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    private async Task<(string Email, Entreprise Batiment, Entreprise Couverture)> StructureAsync()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var batiment = await Fixture.App.CreerEntrepriseAsync(structure.Id, "Alpha Bâtiment", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        var couverture = await Fixture.App.CreerEntrepriseAsync(structure.Id, "Alpha Couverture", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        await Fixture.App.CreerEntrepriseAsync(structure.Id, "Beta Peinture", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        // Another structure's namesake is never offered.
        var autre = await Fixture.App.CreerStructureAsync();
        await Fixture.App.CreerEntrepriseAsync(autre.Id, "Alpha Étrangère", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        return (facilitateur.Email!, batiment, couverture);
    }

    [Fact]
    public async Task Le_combobox_se_parcourt_au_clavier_et_annonce_ses_resultats()
    {
        var (email, batiment, _) = await StructureAsync();
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, email);
        await Fixture.AllerAsync(page, "/Contrats");

        var champ = page.GetByRole(AriaRole.Combobox, new() { Name = "Employeur" });
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-autocomplete", "list");
        var idListe = await champ.GetAttributeAsync("aria-controls");
        Assert.Equal("employeur-liste", idListe);
        var liste = page.Locator("#employeur-liste");
        await Assertions.Expect(liste).ToHaveAttributeAsync("role", "listbox");
        await Assertions.Expect(liste).ToBeHiddenAsync();
        // The no-JavaScript button is gone, the text is not posted: only the hidden id is.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chercher une entreprise" })).ToHaveCountAsync(0);
        Assert.Null(await champ.GetAttributeAsync("name"));

        await champ.PressSequentiallyAsync("alpha");
        var options = liste.GetByRole(AriaRole.Option);
        await Assertions.Expect(options).ToHaveCountAsync(2);
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(liste).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#employeur-statut")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2 résultats"));
        await Assertions.Expect(page.Locator("#employeur-statut")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(options.Nth(0)).ToContainTextAsync("Alpha Bâtiment");
        await Assertions.Expect(options.Nth(1)).ToContainTextAsync("Alpha Couverture");

        await champ.PressAsync("ArrowDown");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-activedescendant", "employeur-liste-0");
        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await champ.PressAsync("ArrowDown");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-activedescendant", "employeur-liste-1");
        await Assertions.Expect(options.Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
        await champ.PressAsync("ArrowUp");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-activedescendant", "employeur-liste-0");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NavigateurFixture.DossierCaptures, "combobox-ouvert.png") });

        // Enter chooses (and does not send the form); the hidden field holds the id.
        var adresse = page.Url;
        await champ.PressAsync("Enter");
        await Assertions.Expect(champ).ToHaveValueAsync("Alpha Bâtiment");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(liste).ToBeHiddenAsync();
        Assert.Null(await champ.GetAttributeAsync("aria-activedescendant"));
        await Assertions.Expect(page.Locator("input[type=hidden][name=employeur]")).ToHaveValueAsync(batiment.Id.ToString());
        Assert.Equal(adresse, page.Url);

        // Escape closes an open list and keeps the text; on a closed list it clears the field and the id.
        await champ.FillAsync("beta");
        await Assertions.Expect(options).ToHaveCountAsync(1);
        await champ.PressAsync("Escape");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(champ).ToHaveValueAsync("beta");
        await Assertions.Expect(page.Locator("input[type=hidden][name=employeur]")).ToHaveValueAsync(string.Empty);
        await champ.PressAsync("Escape");
        await Assertions.Expect(champ).ToHaveValueAsync(string.Empty);

        // Down on a closed field opens the list on its first option; Enter chooses it; the filter is applied.
        await champ.FillAsync("couv");
        await Assertions.Expect(options).ToHaveCountAsync(1);
        await champ.PressAsync("Escape");
        await Assertions.Expect(liste).ToBeHiddenAsync();
        await champ.PressAsync("ArrowDown");
        await Assertions.Expect(champ).ToHaveAttributeAsync("aria-activedescendant", "employeur-liste-0");
        await champ.PressAsync("Enter");
        await Assertions.Expect(champ).ToHaveValueAsync("Alpha Couverture");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync());
        Assert.Contains("employeur=", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("employeur-texte", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Employeur" })).ToHaveValueAsync("Alpha Couverture");
    }

    [Fact]
    public async Task Sans_javascript_le_champ_ouvre_une_page_de_resultats_et_revient_au_formulaire()
    {
        var (email, _, couverture) = await StructureAsync();
        var page = await Fixture.NouvellePageAsync(javaScript: false);
        await Fixture.ConnecterAsync(page, email);
        await Fixture.AllerAsync(page, "/Contrats");

        var champ = page.GetByLabel("Employeur");
        Assert.Equal("text", await champ.GetAttributeAsync("type"));
        Assert.Null(await champ.GetAttributeAsync("role"));
        await page.GetByLabel("Statut").SelectOptionAsync(new SelectOptionValue { Label = "À valider (proposés)" });
        await champ.FillAsync("alpha");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Chercher une entreprise" }).ClickAsync());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choisir une entreprise");
        await Assertions.Expect(page.Locator("#nombre-resultats")).ToHaveTextAsync("2 résultats, page 1 sur 1.");
        await Assertions.Expect(page.Locator("#resultats")).Not.ToContainTextAsync("Étrangère");
        await page.ScreenshotAsync(new() { Path = Path.Combine(NavigateurFixture.DossierCaptures, "combobox-sans-javascript.png"), FullPage = true });
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Choisir Alpha Couverture" }).ClickAsync());

        Assert.Contains("/Contrats?", page.Url, StringComparison.Ordinal);
        Assert.Contains("employeur=" + couverture.Id, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Employeur")).ToHaveValueAsync("Alpha Couverture");
        await Assertions.Expect(page.GetByLabel("Statut")).ToHaveValueAsync("Propose");
    }
}
