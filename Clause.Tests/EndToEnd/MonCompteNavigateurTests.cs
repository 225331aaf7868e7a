using Clause.Domain.Securite;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>Mon compte in the browser: create a token, see its secret once, come back (gone), revoke it.</summary>
[Collection(CollectionNavigateur.Nom)]
public class MonCompteNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    [Fact]
    public async Task Une_entreprise_cree_un_jeton_le_voit_une_fois_puis_le_revoque()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var utilisateur = await Fixture.App.CreerUtilisateurAsync(Roles.Entreprise, structure.Id);
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, utilisateur.Email!);

        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Mon compte" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mon compte");
        await page.GetByLabel("Nom du jeton").FillAsync("Logiciel de paie");
        await NavigateurFixture.EnvoyerAsync(page, "Créer le jeton");

        var champSecret = page.Locator("#secret-jeton");
        await Assertions.Expect(champSecret).ToBeVisibleAsync();
        var secret = await champSecret.InputValueAsync();
        Assert.StartsWith("clause_pat_", secret, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("il ne sera plus jamais affiché");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "mon-compte-jeton-cree.png"), FullPage = true });

        // Back on the page (a new GET): the secret is not there any more, the token is listed by its prefix.
        await Fixture.AllerAsync(page, "/Compte/MonCompte");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var ligne = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Logiciel de paie" });
        await Assertions.Expect(ligne).ToContainTextAsync(secret[..17]);
        await Assertions.Expect(ligne).ToContainTextAsync("Actif");

        await NavigateurFixture.NaviguerAsync(page, () => ligne.GetByRole(AriaRole.Link, new() { Name = "Révoquer le jeton « Logiciel de paie »" }).ClickAsync());
        await NavigateurFixture.EnvoyerAsync(page, "Oui, révoquer ce jeton");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mon compte");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Logiciel de paie" })).ToContainTextAsync("Révoqué le");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "mon-compte-jeton-revoque.png"), FullPage = true });
    }
}
