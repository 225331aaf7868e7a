using System.Text.RegularExpressions;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// Issue 15 item 8 « chaque rôle arrive quelque part d'utile », on a phone (390 × 844): each role signs in and lands on
/// its home — the facilitateur's work of the day, the Direction's key figures, the référent's contrats and hours, the
/// company's and the buyer's portals — readable without sideways scrolling of the page.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class AccueilsTelephoneNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    private const int Largeur = 390;

    [Theory]
    [InlineData(Roles.Facilitateur, "/$", "#titre-lots-execution")]
    [InlineData(Roles.Direction, "/$", "#titre-chiffres-cles")]
    [InlineData(Roles.Referent, "/$", "#titre-referent-contrats")]
    [InlineData(Roles.Entreprise, "/Portail$", "h1")]
    [InlineData(Roles.DonneurOrdre, "/Acheteur$", "h1")]
    public async Task Chaque_role_arrive_sur_sa_page_lisible_sur_un_telephone(string role, string adresse, string repere)
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var lot = await Fixture.App.SemerLotAsync(structure.Id, enExecution: true);
        var utilisateur = await Fixture.App.CreerUtilisateurAsync(role, structure.Id,
            entrepriseId: role == Roles.Entreprise ? lot.Titulaire.Id : null,
            donneurOrdreId: role == Roles.DonneurOrdre ? lot.Marches.DonneurOrdre.Id : null);

        var telephone = await Fixture.NouvellePageAsync(Largeur, 844);
        await Fixture.ConnecterAsync(telephone, utilisateur.Email!);

        await Assertions.Expect(telephone).ToHaveURLAsync(new Regex(adresse));
        await Assertions.Expect(telephone.Locator(repere).First).ToBeVisibleAsync();
        await Assertions.Expect(telephone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        var largeur = await telephone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(largeur <= Largeur, $"L'accueil {telephone.Url} ({role}) fait {largeur} px de large pour un écran de {Largeur} px.");
        await telephone.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(NavigateurFixture.DossierCaptures, $"accueil-telephone-{role.ToLowerInvariant()}.png"),
            FullPage = true,
        });
    }
}
