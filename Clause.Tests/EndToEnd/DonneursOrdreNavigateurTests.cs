using Clause.Domain.Securite;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>Issue "Foundation": sign in as facilitateur, create a donneur d'ordre, find it in the list.</summary>
[Collection(CollectionNavigateur.Nom)]
public class DonneursOrdreNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    [Fact]
    public async Task Le_facilitateur_cree_un_donneur_d_ordre_et_le_retrouve_dans_la_liste()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, facilitateur.Email!);

        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Donneurs d'ordre" }).ClickAsync());
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un donneur d'ordre" }).ClickAsync());
        await page.GetByLabel("Raison sociale").FillAsync("Ville de Chinon");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type" }).SelectOptionAsync(new SelectOptionValue { Label = "Commune" });
        await page.GetByLabel("SIRET").FillAsync("732 829 320 00074");
        await page.GetByLabel("Code postal").FillAsync("37500");
        await page.GetByLabel("Commune").FillAsync("Chinon");
        await NavigateurFixture.EnvoyerAsync(page, "Enregistrer");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ville de Chinon");

        await Fixture.AllerAsync(page, "/DonneursOrdre");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Rechercher" }).FillAsync("Chinon");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync());
        var ligne = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ville de Chinon" });
        await Assertions.Expect(ligne).ToHaveCountAsync(1);
        await Assertions.Expect(ligne).ToContainTextAsync("Chinon");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "donneurs-ordre-recherche.png"), FullPage = true });
    }

    [Fact]
    public async Task Le_formulaire_se_remplit_au_clavier_et_montre_les_erreurs_en_francais()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, facilitateur.Email!);
        await Fixture.AllerAsync(page, "/DonneursOrdre/Creer");

        await page.GetByLabel("Raison sociale").FocusAsync();
        await page.Keyboard.TypeAsync("Mairie test");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown"); // first type of the list, chosen from the keyboard
        await page.GetByLabel("SIRET").FillAsync("73282932000075");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByLabel("SIRET").PressAsync("Enter"));

        var resume = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(resume).ToContainTextAsync("SIRET");
        await Assertions.Expect(page.GetByLabel("Raison sociale")).ToHaveValueAsync("Mairie test");
    }
}
