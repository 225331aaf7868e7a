using Clause.Domain.Securite;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

[Collection(CollectionNavigateur.Nom)]
public class ConnexionNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    [Fact]
    public async Task Un_facilitateur_se_connecte_dans_le_navigateur()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var utilisateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var page = await Fixture.NouvellePageAsync();

        await Fixture.ConnecterAsync(page, utilisateur.Email!);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bonjour");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "accueil-facilitateur.png"), FullPage = true });
    }
}
