using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// Issue "Opérations, marchés, lots": create an opération, a marché with two lots, see 833 h computed on one,
/// attribute it to a company, see it on the company's page.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public class MarchesNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    [Fact]
    public async Task Operation_marche_deux_lots_833_heures_attribution_et_fiche_entreprise()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        await Fixture.App.SemerDonneurAsync(structure.Id, "Ville de Chinon", commune: "Chinon");
        await Fixture.App.CreerEntrepriseAsync(structure.Id, "Maçonnerie Chinonaise", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, facilitateur.Email!);

        // 1. The opération.
        await Fixture.AllerAsync(page, "/Operations");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une opération" }).ClickAsync());
        await NavigateurFixture.ChoisirAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Donneur d'ordre" }), "chinon", "Ville de Chinon (Chinon)");
        await page.GetByLabel("Nom de l'opération").FillAsync("Rénovation du quartier du Stade");
        await page.GetByLabel("Commune").FillAsync("Chinon");
        await NavigateurFixture.EnvoyerAsync(page, "Enregistrer");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rénovation du quartier du Stade");

        // 2. The marché with two lots, from the opération's page.
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un marché" }).ClickAsync());
        var marche = page.GetByRole(AriaRole.Group, new() { Name = "Le marché" });
        await marche.GetByRole(AriaRole.Combobox, new() { Name = "Type de marché" }).SelectOptionAsync(new SelectOptionValue { Label = "Marché ordinaire" });
        await marche.GetByLabel("Numéro du marché").FillAsync("2026-042");
        await marche.GetByLabel("Objet du marché").FillAsync("Réhabilitation de 40 logements");
        await marche.GetByLabel("Début d'exécution").FillAsync("2026-04-01");
        await marche.GetByLabel("Fin d'exécution").FillAsync("2027-09-30");
        await marche.GetByLabel("Montant HT (€)").FillAsync("1 600 000");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un lot" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Lot 2", Exact = true })).ToBeVisibleAsync();
        await RemplirLotAsync(page, "Lot 1", "Gros œuvre", "1 000 000");
        await RemplirLotAsync(page, "Lot 2", "Peinture", "600 000");
        await NavigateurFixture.EnvoyerAsync(page, "Enregistrer");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2026-042");

        // 3. 833 h on the "Gros œuvre" lot, with its calculation.
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Gros œuvre" }).First.ClickAsync());
        await Assertions.Expect(page.Locator("#heures-dues")).ToContainTextAsync("833 h");
        await Assertions.Expect(page.Locator("#calcul-heures-dues")).ToContainTextAsync("× 50 % × 5 %");
        await Assertions.Expect(page.Locator("#calcul-heures-dues")).ToContainTextAsync("= 833 h");

        // 4. Attribution to the company.
        var attribution = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Attribuer le lot" }) });
        await NavigateurFixture.ChoisirAsync(attribution.GetByRole(AriaRole.Combobox, new() { Name = "Entreprise" }), "maçon", "Maçonnerie Chinonaise");
        await attribution.GetByRole(AriaRole.Combobox, new() { Name = "Rôle" }).SelectOptionAsync(new SelectOptionValue { Label = "Attributaire" });
        await attribution.GetByLabel("Date de notification").FillAsync("2026-03-15");
        await NavigateurFixture.NaviguerAsync(page, () => attribution.GetByRole(AriaRole.Button, new() { Name = "Attribuer le lot" }).ClickAsync());
        await Assertions.Expect(page.Locator("#attributions")).ToContainTextAsync("Maçonnerie Chinonaise");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "lot-833-heures.png"), FullPage = true });

        // 5. The company's page lists the lot and the role.
        await Fixture.AllerAsync(page, "/Entreprises");
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Maçonnerie Chinonaise" }).ClickAsync());
        var lots = page.Locator("#lots-entreprise");
        await Assertions.Expect(lots).ToContainTextAsync("Gros œuvre");
        await Assertions.Expect(lots).ToContainTextAsync("Attributaire");
    }

    private static async Task RemplirLotAsync(IPage page, string groupe, string libelle, string montant)
    {
        var lot = page.GetByRole(AriaRole.Group, new() { Name = groupe, Exact = true });
        await lot.GetByLabel("Libellé du lot").FillAsync(libelle);
        await lot.GetByLabel("Montant HT du lot (€)").FillAsync(montant);
        await lot.GetByLabel("Condition d'exécution").CheckAsync();
        await lot.GetByRole(AriaRole.Combobox, new() { Name = "Méthode de calcul des heures" }).SelectOptionAsync(new SelectOptionValue { Label = "F1 — coût de la main-d'œuvre" });
        await lot.GetByLabel("Taux d'insertion (%)").FillAsync("5");
    }
}
