using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// Issue "Participants, éligibilité, contrats, heures": register a participant, validate eligibility, create a
/// contrat on a lot, enter three months of hours, see the rate and the chart.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public class ParcoursInsertionNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    [Fact]
    public async Task Participant_eligibilite_contrat_trois_mois_d_heures_taux_et_graphique()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var facilitateur = await Fixture.App.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var lot = await PreparerLotEnExecutionAsync(structure.Id);
        var page = await Fixture.NouvellePageAsync();
        await Fixture.ConnecterAsync(page, facilitateur.Email!);

        // 1. Register the participant.
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Participants" }).ClickAsync());
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Inscrire un participant" }).ClickAsync());
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Moreau");
        await page.GetByLabel("Prénom").FillAsync("Inès");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Sexe" }).SelectOptionAsync(new SelectOptionValue { Label = "Femme" });
        await page.GetByLabel("Date de naissance").FillAsync("1990-05-12");
        await page.GetByLabel("Code postal").FillAsync("37500");
        await page.GetByLabel("Commune").FillAsync("Chinon");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Niveau de qualification" }).SelectOptionAsync(new SelectOptionValue { Label = "Niveau 3 (CAP, BEP, ex-V)" });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Prescripteur" }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await NavigateurFixture.EnvoyerAsync(page, "Inscrire le participant");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Moreau");

        // 2. Validate eligibility (RSA).
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Valider l'éligibilité" }).ClickAsync());
        await page.GetByLabel("Date de validation").FillAsync("2025-12-15");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Bénéficiaire du RSA" }).CheckAsync();
        await NavigateurFixture.EnvoyerAsync(page, "Valider l'éligibilité");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Moreau");

        // 3. Propose (and validate at once) a contrat on the lot.
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Proposer un contrat" }).ClickAsync());
        await NavigateurFixture.ChoisirAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Lot" }), "2026-007", "Marché 2026-007 – Lot 1 – Gros œuvre");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Modalité" }).SelectOptionAsync(new SelectOptionValue { Label = "Embauche directe" });
        await NavigateurFixture.ChoisirAsync(page.GetByRole(AriaRole.Combobox, new() { Name = "Employeur Obligatoire" }), "véron", "Bâtiments du Véron");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Type de contrat" }).SelectOptionAsync(new SelectOptionValue { Value = "CDDChantier" });
        await page.GetByLabel("Date de début").FillAsync("2026-01-05");
        await page.GetByLabel("Fin prévue").FillAsync("2026-08-31");
        await NavigateurFixture.EnvoyerAsync(page, "Enregistrer le contrat");
        await Assertions.Expect(page.Locator("#statut-contrat")).ToContainTextAsync("Validé");
        await Assertions.Expect(page.Locator("#eligibilite-contrat")).ToContainTextAsync("Compte");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "contrat-valide.png"), FullPage = true });

        await SaisirTroisMoisEtVoirLeTauxAsync(page, lot);
    }

    /// <summary>A lot in execution (F3, 600 h due) attributed to a company, like a facilitateur's data.</summary>
    private async Task<LotId> PreparerLotEnExecutionAsync(StructureId structureId)
    {
        var s = await Fixture.App.SemerOperationAsync(structureId);
        var entreprise = await Fixture.App.CreerEntrepriseAsync(structureId, "Bâtiments du Véron", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        var marche = await Fixture.App.SemerMarcheAsync(s, "2026-007");
        var lotId = marche.Lots[0].Id;
        await Fixture.App.EcrireAsync(async db =>
        {
            var lot = await db.Lots.Include(l => l.Attributions).Include(l => l.Obligations).SingleAsync(l => l.Id == lotId);
            var reglages = await db.Reglages.SingleAsync(r => r.StructureId == structureId);
            var e = await db.Entreprises.SingleAsync(x => x.Id == entreprise.Id);
            lot.Attribuer(e, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
            lot.ModifierObligation(Fondement.ConditionExecution, ParametresObligation.F3(Clause.Domain.Commun.Duree.Heures(600)), new DateOnly(2025, 12, 15),
                "Heures inscrites au CCAP", reglages, Fixture.App.Horloge);
            lot.Lancer();
            lot.MettreEnExecution();
        });
        return lotId;
    }

    private async Task SaisirTroisMoisEtVoirLeTauxAsync(IPage page, LotId lotId)
    {
        await Fixture.AllerAsync(page, "/Lots/Details/" + lotId);
        await Assertions.Expect(page.Locator("#contrats-lot")).ToContainTextAsync("Moreau");

        // 4. Three months on the grid, typed from the keyboard (Tab from cell to cell, Enter saves).
        await NavigateurFixture.NaviguerAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Saisir les heures" }).ClickAsync());
        await page.GetByLabel("Heures de Inès Moreau en janvier 2026").FillAsync("100");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("120");
        await page.GetByLabel("Heures de Inès Moreau en mars 2026").FillAsync("80,5");
        await NavigateurFixture.NaviguerAsync(page, () => page.Keyboard.PressAsync("Enter"));
        if (await page.Locator("#resume-erreurs").CountAsync() > 0) Assert.Fail(await page.Locator("#resume-erreurs").InnerTextAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 cases enregistrées");

        // 5. The lot: realised hours, rate (300,50 h of 600 h due = 50,1 %), the chart and its table.
        await Fixture.AllerAsync(page, "/Lots/Details/" + lotId);
        var heures = page.GetByRole(AriaRole.Region, new() { Name = "Heures d'insertion" });
        await Assertions.Expect(heures).ToContainTextAsync("300,50");
        await Assertions.Expect(heures).ToContainTextAsync("50,1");
        await Assertions.Expect(page.Locator("svg#courbe-avancement")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Heures réalisées par mois, cumul et cible" })).ToContainTextAsync("220,00");
        await page.Locator("svg#courbe-avancement").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "courbe-avancement.png") });
    }
}
