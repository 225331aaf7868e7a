using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// The design system's components (docs/design.md) on the demo, as the facilitateur sees them, each photographed into
/// artifacts/captures/design/ (docs/design.md says how they become docs/design-*.png). The assertions are about the page
/// (the component is there, a wide table says it scrolls, a ticked category shows its proof fields), never about pixels.
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public class SystemeDeDesignNavigateurTests(NavigateurDemoFixture fixture) : ParcoursNavigateur<NavigateurDemoFixture>(fixture), IClassFixture<NavigateurDemoFixture>
{
    private static readonly string Dossier = Path.Combine(NavigateurFixture.DossierCaptures, "design");

    [Fact]
    public async Task Les_composants_du_systeme_de_design_sur_la_demonstration()
    {
        Directory.CreateDirectory(Dossier);
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, "facilitateur@clause.demo", SemeurDemo.MotDePasse);

        // Key figures on the home page.
        var chiffres = page.Locator("#total-lots-execution");
        await Assertions.Expect(chiffres.Locator(".chiffre")).ToHaveCountAsync(4);
        await CaptureAsync(chiffres, "design-chiffres-cles.png");

        // The lot page: its table of contents, and an anchor that reaches its section.
        await NavigateurFixture.NaviguerAsync(page, () => page.Locator("#lots-execution a[href^='/Lots/Details/']").First.ClickAsync());
        var sommaire = page.GetByRole(AriaRole.Navigation, new() { Name = "Sur cette page" });
        await Assertions.Expect(sommaire).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Dossier, "design-page-du-lot.png") });
        await sommaire.GetByRole(AriaRole.Link, new() { Name = "Heures d'insertion" }).ClickAsync();
        Assert.EndsWith("#titre-heures-lot", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#titre-heures-lot")).ToBeInViewportAsync();
        await CaptureAsync(page.Locator("#bilan-heures"), "design-chiffres-du-lot.png");

        // Status badges: the contrats list.
        await Fixture.AllerAsync(page, "/Contrats");
        var badges = page.Locator("main table .badge");
        await Assertions.Expect(badges.First).ToBeVisibleAsync();
        // The table's first rows only (the demo lists many contrats).
        var cadre = await page.Locator("main table").First.BoundingBoxAsync();
        Assert.NotNull(cadre);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Dossier, "design-badges.png"),
            FullPage = true,
            Clip = new Clip { X = cadre.X, Y = cadre.Y, Width = cadre.Width, Height = Math.Min(cadre.Height, 420) },
        });

        // Buttons: Valider (primary) beside Rejeter (danger) on the hours to validate; a form's three levels on a new marché.
        await Fixture.AllerAsync(page, "/Heures/AValider");
        var decision = page.Locator(".decision-ligne").First;
        await Assertions.Expect(decision.Locator("button.bouton-danger")).ToBeVisibleAsync();
        await CaptureAsync(decision, "design-boutons-decision.png");
        await Fixture.AllerAsync(page, "/Marches/Creer");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un lot" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer le lot 1" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bouton-danger"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Dossier, "design-boutons-formulaire.png") });

        // The eligibility form: a ticked category shows its proof fields, the others stay short.
        await Fixture.AllerAsync(page, "/Participants");
        await NavigateurFixture.NaviguerAsync(page, () => page.Locator("main a[href^='/Participants/Details/']").First.ClickAsync());
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Valider l'éligibilité" }).ClickAsync());
        // Located by id: a « not checked » locator would move to the next category once this one is ticked.
        var categorie = page.Locator(".categorie-eligibilite:has(> input[type=checkbox]:not(:checked))").First;
        var idCase = await categorie.Locator("> input[type=checkbox]").GetAttributeAsync("id");
        var idJustificatif = await categorie.Locator(".champ input, .champ select").First.GetAttributeAsync("id");
        var justificatif = page.Locator("#" + idJustificatif);
        await Assertions.Expect(justificatif).ToBeHiddenAsync();
        await page.Locator("#" + idCase).CheckAsync();
        await Assertions.Expect(justificatif).ToBeVisibleAsync();
        await CaptureAsync(page.Locator("#Saisie_Categories"), "design-eligibilite.png");
    }

    [Fact]
    public async Task Sur_un_telephone_un_tableau_large_dit_qu_il_defile_et_se_fait_defiler_au_clavier()
    {
        Directory.CreateDirectory(Dossier);
        var page = await Fixture.NouvellePageAsync(largeur: 375, hauteur: 740);
        await Fixture.ConnecterAsync(page, "facilitateur@clause.demo", SemeurDemo.MotDePasse);

        var boite = page.Locator(".table-defilante:has(#lots-execution)");
        await Assertions.Expect(boite).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(boite).ToHaveAttributeAsync("role", "region");
        var indice = page.Locator(".indice-defilement:visible").First;
        await Assertions.Expect(indice).ToContainTextAsync("faites-le défiler");
        await boite.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(boite).Not.ToHaveJSPropertyAsync("scrollLeft", 0);
        await indice.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Dossier, "design-tableau-telephone.png") });

        // On a wide screen the same table fits: no hint, no extra tab stop.
        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(boite).Not.ToHaveAttributeAsync("tabindex", "0");
    }

    private static async Task CaptureAsync(ILocator element, string nom) =>
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Dossier, nom) });
}
