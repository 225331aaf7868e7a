using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// Issue 15 (items 4 and 9): the hours grid of a lot (Pages/Heures/Lot, js/grille-heures.js) in a real Chromium, by
/// keyboard only — arrows, Tab to the next month, a 3×4 block pasted from a spreadsheet, totals following the typing,
/// the months outside the contrat disabled with their reason, Enter to save — and the same form without JavaScript,
/// whose save warns about a month outside the period. "Today" is 15/03/2026: the grid shows October 2025 to March 2026;
/// the contrats start on 05/01/2026, so October to December 2025 are outside them. Every page passes axe-core
/// (<see cref="BarriereAxe"/>).
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class GrilleHeuresNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Mars = new(2026, 3);

    private async Task<(string Email, LotDeTest Lot, Contrat[] Contrats)> SituationAsync()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var lot = await Fixture.App.SemerLotAsync(structure.Id);
        var contrats = new List<Contrat>();
        foreach (var (nom, prenom) in new[] { ("Bernard", "Hugo"), ("Martin", "Léa"), ("Petit", "Chloé") })
            contrats.Add(await Fixture.App.SemerContratAsync(lot, await Fixture.App.SemerParticipantAsync(structure.Id, nom, prenom)));
        return (facilitateur.Email!, lot, contrats.ToArray());
    }

    private static ILocator Cellule(IPage page, string participant, string mois) => page.GetByLabel($"Heures de {participant} en {mois}", new() { Exact = true });

    private static Task<string> FocusAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label') || document.activeElement.id");

    private static async Task ToucheAsync(IPage page, string touche, string attendu)
    {
        await page.Keyboard.PressAsync(touche);
        Assert.Equal(attendu, await FocusAsync(page));
    }

    private static string Texte(string texte) => SituationsMarches.Espaces(texte).Trim();

    [Fact]
    public async Task Au_clavier_les_fleches_tab_un_bloc_colle_et_les_totaux_puis_entree_enregistre()
    {
        var (email, lot, contrats) = await SituationAsync();
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, email);
        await Fixture.AllerAsync(page, $"/Heures/Lot/{lot.Lot.Id}");

        // Outside the contrat: disabled, with its reason visible beside it.
        var decembre = Cellule(page, "Hugo Bernard", "décembre 2025");
        await Assertions.Expect(decembre).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator($"#etat-{contrats[0].Id:N}-202512")).ToHaveTextAsync("Hors période du contrat ou du lot : ne compte pas");
        await Assertions.Expect(page.Locator($"#etat-{contrats[0].Id:N}-202512")).ToBeVisibleAsync();
        await Assertions.Expect(Cellule(page, "Hugo Bernard", "janvier 2026")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#consigne-grille")).ToBeVisibleAsync();

        // Arrows and Tab, from the first cell of the first line (disabled cells are skipped, the edge stops).
        await Cellule(page, "Hugo Bernard", "janvier 2026").FocusAsync();
        await ToucheAsync(page, "ArrowRight", "Heures de Hugo Bernard en février 2026");
        await ToucheAsync(page, "ArrowDown", "Heures de Léa Martin en février 2026");
        await ToucheAsync(page, "ArrowLeft", "Heures de Léa Martin en janvier 2026");
        await ToucheAsync(page, "ArrowLeft", "Heures de Léa Martin en janvier 2026");
        await ToucheAsync(page, "ArrowUp", "Heures de Hugo Bernard en janvier 2026");
        await ToucheAsync(page, "Tab", "Heures de Hugo Bernard en février 2026");
        await ToucheAsync(page, "Tab", "Heures de Hugo Bernard en mars 2026");
        await ToucheAsync(page, "Shift+Tab", "Heures de Hugo Bernard en février 2026");
        await ToucheAsync(page, "ArrowLeft", "Heures de Hugo Bernard en janvier 2026");

        // A 3×4 block from a spreadsheet pasted in January of the first line: the fourth column falls outside the grid,
        // the formula is marked in error.
        await page.EvaluateAsync("""
            () => {
                const donnees = new DataTransfer();
                donnees.setData('text/plain', '10\t20\t30\t40\r\n11\t21\t=SOMME(A1:A3)\t41\r\n12,5\t22\t32\t42\r\n');
                document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: donnees, bubbles: true, cancelable: true }));
            }
            """);
        await Assertions.Expect(Cellule(page, "Hugo Bernard", "mars 2026")).ToHaveValueAsync("30");
        await Assertions.Expect(Cellule(page, "Chloé Petit", "janvier 2026")).ToHaveValueAsync("12,5");
        var formule = Cellule(page, "Léa Martin", "mars 2026");
        await Assertions.Expect(formule).ToHaveValueAsync("=SOMME(A1:A3)");
        await Assertions.Expect(formule).ToHaveAttributeAsync("aria-invalid", "true");
        var message = page.Locator(".message-grille");
        await Assertions.Expect(message).ToContainTextAsync("9 cases remplies par le collage.");
        await Assertions.Expect(message).ToContainTextAsync("3 valeurs dépassent la grille : elles sont ignorées.");
        await Assertions.Expect(message).ToContainTextAsync("1 case ne contient pas un nombre d’heures");

        // Totals per line, per month and of the grid, as typed (the formula counts 0 until corrected).
        var lignes = page.Locator("#grille-heures tbody tr");
        async Task TotauxAsync(string[] parLigne, string janvier, string mars, string grille)
        {
            for (var i = 0; i < parLigne.Length; i++)
                Assert.Equal(parLigne[i], Texte(await lignes.Nth(i).Locator("[data-total-ligne]").InnerTextAsync()));
            Assert.Equal(janvier, Texte(await page.Locator("[data-total-mois='janvier 2026']").InnerTextAsync()));
            Assert.Equal(mars, Texte(await page.Locator("[data-total-mois='mars 2026']").InnerTextAsync()));
            Assert.Equal(grille, Texte(await page.Locator("[data-total-grille]").InnerTextAsync()));
        }
        await TotauxAsync(["60,00 h", "32,00 h", "66,50 h"], "33,50 h", "62,00 h", "158,50 h");

        // Correct the formula by keyboard: down twice, right twice, type over it; the totals follow and are announced once.
        await ToucheAsync(page, "ArrowDown", "Heures de Léa Martin en janvier 2026");
        await ToucheAsync(page, "ArrowRight", "Heures de Léa Martin en février 2026");
        await ToucheAsync(page, "ArrowRight", "Heures de Léa Martin en mars 2026");
        await page.Keyboard.TypeAsync("9,5");
        await Assertions.Expect(formule).ToHaveAttributeAsync("aria-invalid", "false");
        await Assertions.Expect(lignes.Nth(1).Locator("[data-total-ligne]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^41,50.h$"));
        await TotauxAsync(["60,00 h", "41,50 h", "66,50 h"], "33,50 h", "71,50 h", "168,00 h");
        var annonce = page.Locator("#annonce-totaux");
        await Assertions.Expect(annonce).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(annonce).ToContainTextAsync("Total de Léa Martin : 41,50");
        Assert.Contains("total de mars 2026 : 71,50", Texte(await annonce.InnerTextAsync()), StringComparison.Ordinal);

        // Enter saves the whole grid.
        await NavigateurFixture.NaviguerAsync(page, () => page.Keyboard.PressAsync("Enter"));
        await Assertions.Expect(page.Locator(".alerte-succes")).ToHaveTextAsync("9 cases enregistrées.");
        await Assertions.Expect(page.Locator("#avertissement")).ToHaveCountAsync(0);
        Assert.Equal([600L, 1_200L, 1_800L], (await Fixture.App.LignesAsync(contrats[0].Id)).Select(l => l.Minutes));
        Assert.Equal([660L, 1_260L, 570L], (await Fixture.App.LignesAsync(contrats[1].Id)).Select(l => l.Minutes));
        Assert.Equal(Janvier, (await Fixture.App.LignesAsync(contrats[2].Id))[0].Mois);
        Assert.Equal(Mars, (await Fixture.App.LignesAsync(contrats[2].Id))[^1].Mois);
        await Assertions.Expect(page.Locator("[data-total-grille]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^168,00.h$"));
    }

    [Fact]
    public async Task Sans_javascript_la_grille_s_envoie_et_le_serveur_signale_le_mois_hors_periode()
    {
        var (email, lot, contrats) = await SituationAsync();
        var page = await Fixture.NouvellePageAsync(javaScript: false);
        await Fixture.ConnecterAsync(page, email);
        await Fixture.AllerAsync(page, $"/Heures/Lot/{lot.Lot.Id}");

        // No script: every cell is a plain field (the reason is still written beside the months outside the contrat).
        await Assertions.Expect(page.Locator("#consigne-grille")).ToBeHiddenAsync();
        var decembre = Cellule(page, "Léa Martin", "décembre 2025");
        await Assertions.Expect(decembre).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator($"#etat-{contrats[1].Id:N}-202512")).ToHaveTextAsync("Hors période du contrat ou du lot : ne compte pas");
        await decembre.FillAsync("7");
        await Cellule(page, "Léa Martin", "janvier 2026").FillAsync("100");
        await NavigateurFixture.EnvoyerAsync(page, "Enregistrer les heures");

        await Assertions.Expect(page.Locator(".alerte-succes")).ToHaveTextAsync("2 cases enregistrées.");
        await Assertions.Expect(page.Locator("#avertissement")).ToHaveTextAsync(
            "Attention : les heures de Léa Martin en décembre 2025 sont en dehors des dates du contrat ou de l'exécution du lot. "
            + "Elles sont conservées mais ne comptent pas.");
        Assert.Equal([420L, 6_000L], (await Fixture.App.LignesAsync(contrats[1].Id)).Select(l => l.Minutes));
        Assert.Equal("100,00 h", Texte(await page.Locator("[data-total-grille]").InnerTextAsync()));
    }

    [Fact]
    public async Task Au_clavier_seul_le_formulaire_d_un_mois_se_remplit_et_s_envoie()
    {
        var (email, _, contrats) = await SituationAsync();
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, email);
        await Fixture.AllerAsync(page, $"/Heures/Saisir/{contrats[2].Id}?mois=2026-02");

        // The skip link first, then Tab through the page to the hours field: no mouse.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 10 && await FocusAsync(page) != "Saisie_Heures"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Saisie_Heures", await FocusAsync(page));
        await page.Keyboard.TypeAsync("35,25");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Saisie_MotifCorrection", await FocusAsync(page));
        await page.Keyboard.TypeAsync("Relevé de l'entreprise");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Enregistrer", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await NavigateurFixture.NaviguerAsync(page, () => page.Keyboard.PressAsync("Enter"));

        await Assertions.Expect(page.Locator(".alerte-succes")).ToHaveTextAsync("Les heures de Chloé Petit en février 2026 sont enregistrées.");
        Assert.Equal(2_115L, Assert.Single(await Fixture.App.LignesAsync(contrats[2].Id)).Minutes);
    }
}
