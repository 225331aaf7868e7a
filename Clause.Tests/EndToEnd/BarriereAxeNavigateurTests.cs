using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// The accessibility barrier itself (<see cref="BarriereAxe"/>) fails a test: on a violation brought into a real page,
/// on an analysis that does not return within its limit, and on a page loaded and never analysed.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public sealed partial class BarriereAxeNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    [Fact]
    public async Task Une_violation_introduite_dans_une_vraie_page_fait_echouer_la_barriere()
    {
        var page = await Fixture.NouvellePageAsync();
        // The real sign-in page, its e-mail field's label taken out.
        await page.RouteAsync(Fixture.Adresse + "/Compte/Connexion", async route =>
        {
            var reponse = await route.FetchAsync();
            var corps = LabelEmail().Replace(await reponse.TextAsync(), string.Empty);
            await route.FulfillAsync(new() { Response = reponse, Body = corps });
        });

        var echec = await Assert.ThrowsAnyAsync<Exception>(() => Fixture.AllerAsync(page, "/Compte/Connexion"));

        Assert.Contains("axe-core a trouvé des violations d'accessibilité", echec.Message, StringComparison.Ordinal);
        Assert.Contains("/Compte/Connexion : [", echec.Message, StringComparison.Ordinal);
        Assert.Contains("] label — ", echec.Message, StringComparison.Ordinal);
        Assert.Contains("#Saisie_Email", echec.Message, StringComparison.Ordinal);
        // Reported once: the document is marked analysed, the end of this test finds nothing more.
        await Fixture.VerifierAccessibiliteAsync();
    }

    [Fact]
    public async Task Une_analyse_qui_n_aboutit_pas_dans_sa_limite_fait_echouer_la_barriere()
    {
        // The former design's deadlock, on purpose: Chromium runs no script in a page whose next document is held.
        var contexte = await Fixture.Navigateur.NewContextAsync();
        BarriereAxe.Surveiller(contexte, javaScript: true);
        try
        {
            var page = await contexte.NewPageAsync();
            await page.GotoAsync(Fixture.Adresse + "/Compte/Connexion");
            var retenue = new TaskCompletionSource();
            var partie = new TaskCompletionSource();
            await page.RouteAsync("**/Compte/MotDePasseOublie", async route =>
            {
                partie.TrySetResult();
                await retenue.Task;
                await route.ContinueAsync();
            });
            await page.EvaluateAsync("() => { location.href = '/Compte/MotDePasseOublie'; }");
            await partie.Task;

            var echec = await Assert.ThrowsAnyAsync<Exception>(() => BarriereAxe.AnalyserAsync(page, TimeSpan.FromSeconds(2)));

            Assert.Contains($"l'analyse axe-core de {Fixture.Adresse}/Compte/Connexion n'a pas abouti en 2 s", echec.Message, StringComparison.Ordinal);
            retenue.SetResult();
            await page.WaitForURLAsync("**/Compte/MotDePasseOublie");
        }
        finally
        {
            BarriereAxe.Oublier(contexte);
            await contexte.CloseAsync();
        }
    }

    [Fact]
    public async Task Une_page_chargee_sans_passer_par_les_aides_de_la_fixture_fait_echouer_la_barriere()
    {
        var page = await Fixture.NouvellePageAsync();
        await page.GotoAsync(Fixture.Adresse + "/Compte/Connexion");
        await page.GotoAsync(Fixture.Adresse + "/Compte/MotDePasseOublie");

        var echec = await Assert.ThrowsAnyAsync<Exception>(Fixture.VerifierAccessibiliteAsync);

        Assert.Contains("des pages chargées n'ont pas été analysées", echec.Message, StringComparison.Ordinal);
        Assert.Contains($"- {Fixture.Adresse}/Compte/Connexion", echec.Message, StringComparison.Ordinal);
        // The page it is on at the end was analysed by the check itself.
        Assert.DoesNotContain("MotDePasseOublie", echec.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("<label for=\"Saisie_Email\">[^<]*</label>")]
    private static partial Regex LabelEmail();
}
