using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>The demo as a newcomer sees it: the printed facilitateur account, real data, on a desktop and a phone.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public class DemonstrationNavigateurTests(NavigateurDemoFixture fixture) : ParcoursNavigateur<NavigateurDemoFixture>(fixture), IClassFixture<NavigateurDemoFixture>
{
    [Fact]
    public async Task Le_facilitateur_de_demonstration_voit_ses_donneurs_d_ordre()
    {
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, "facilitateur@clause.demo", SemeurDemo.MotDePasse);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "demo-accueil.png") });
        await Fixture.AllerAsync(page, "/DonneursOrdre");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ville de Saint-Aubin-sur-Loire" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "demo-donneurs-ordre.png") });
    }

    [Fact]
    public async Task Sur_un_telephone_la_page_tient_dans_l_ecran()
    {
        var page = await Fixture.NouvellePageAsync(largeur: 375, hauteur: 740);
        await Fixture.ConnecterAsync(page, "facilitateur@clause.demo", SemeurDemo.MotDePasse);
        await Fixture.AllerAsync(page, "/DonneursOrdre");

        var largeurContenu = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(largeurContenu <= 375 + 1, $"La page déborde horizontalement : {largeurContenu} px pour un écran de 375 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "demo-telephone.png") });
    }

    [Fact]
    public async Task Sur_un_telephone_le_portail_de_l_entreprise_de_demonstration_tient_dans_l_ecran()
    {
        var page = await Fixture.NouvellePageAsync(largeur: 375, hauteur: 740);
        await Fixture.ConnecterAsync(page, "entreprise@clause.demo", SemeurDemo.MotDePasse);

        // Signing in lands on « / », which sends a company account to its portal.
        Assert.EndsWith("/Portail", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Portail entreprise");
        await Assertions.Expect(page.Locator(".mois-a-declarer li.en-retard").First).ToBeVisibleAsync();
        var largeurContenu = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(largeurContenu <= 375, $"Le portail déborde horizontalement : {largeurContenu} px pour un écran de 375 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "demo-portail-telephone.png"), FullPage = true });
    }
}
