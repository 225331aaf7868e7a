using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Pages.Heures;

namespace Clause.Tests.Web.Heures;

/// <summary>
/// The hours pages against the real app: the monthly grid of a lot, the contrat's months and versions, the lines to
/// validate, the lot's figures and burn-up chart, the participant's months. "Today" is 15/03/2026 (FabriqueClause.Horloge):
/// the grid shows October 2025 to March 2026; the lot runs over 2026 with 833 h due; the contrat 05/01/2026 → 31/12/2026.
/// </summary>
public class HeuresPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly Mois Decembre = new(2025, 12);
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    private async Task<(HttpClient Client, LotDeTest Lot, Contrat Contrat, Participant Participant)> SituationAsync(
        string role = Roles.Facilitateur, bool enExecution = false)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: enExecution);
        var participant = await app.SemerParticipantAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, participant);
        return (client, lot, contrat, participant);
    }

    [Fact]
    public async Task La_grille_enregistre_trois_mois_et_la_page_du_lot_montre_les_heures_realisees_le_taux_et_la_courbe()
    {
        var (client, lot, contrat, participant) = await SituationAsync();
        var grille = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        var cellule = grille.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Mars))!;
        Assert.Equal("Heures de Léa Martin en mars 2026", cellule.GetAttribute("aria-label"));
        Assert.Equal(6, grille.QuerySelectorAll("#grille-heures thead th[scope=col]").Length - 3);

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "100",
            [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "120",
            [HeuresDeTest.Cellule(contrat.Id, Mars)] = "80,5",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var lignes = await app.LignesAsync(contrat.Id);
        Assert.Equal([6_000L, 7_200L, 4_830L], lignes.Select(l => l.Minutes));
        Assert.All(lignes, l => Assert.Equal(StatutDeclaration.Validee, l.Statut));
        var relue = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        Assert.Contains("Validée", relue.GetElementById($"etat-{contrat.Id:N}-{Mars.Code}")!.TextContent, StringComparison.Ordinal);

        var page = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.Equal("833 h", page.Texte("#bilan-dues"));
        Assert.StartsWith("300,50 h", page.Texte("#bilan-realisees"), StringComparison.Ordinal);
        Assert.Equal("532,50 h", page.Texte("#bilan-restantes"));
        Assert.Equal("36,1 %", page.Texte("#bilan-taux"));
        Assert.StartsWith("36,1 %", page.Texte("#bilan-taux-plafonne"), StringComparison.Ordinal);
        Assert.Equal($"/Heures/Lot/{lot.Lot.Id}", page.QuerySelector("a.bouton[href^='/Heures/Lot/']")!.GetAttribute("href"));
        Assert.Equal("Saisir les heures", page.QuerySelector("a.bouton[href^='/Heures/Lot/']")!.TextContent);

        // The chart and its table: one row per month from the start of execution to the current month.
        var svg = page.QuerySelector("svg#courbe-avancement")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.Contains("Fin mars 2026 : 300,50 h réalisées pour une cible de 205,40 h", SituationsMarches.Espaces(svg.QuerySelector("desc")!.TextContent),
            StringComparison.Ordinal);
        Assert.Equal(4, svg.QuerySelector("polyline.ligne-realisees")!.GetAttribute("points")!.Split(' ').Length);
        var rangees = page.QuerySelectorAll("#tableau-courbe tbody tr")
            .Select(tr => tr.QuerySelectorAll("th, td").Select(c => SituationsMarches.Espaces(c.TextContent.Trim())).ToArray()).ToList();
        Assert.Equal(
        [
            ["janvier 2026", "100,00 h", "100,00 h", "70,75 h"],
            ["février 2026", "120,00 h", "220,00 h", "134,65 h"],
            ["mars 2026", "80,50 h", "300,50 h", "205,40 h"],
        ], rangees);

        // The participant's page: the same months, counted.
        var fiche = await client.PageAsync($"/Participants/Details/{participant.Id}");
        Assert.Equal(3, fiche.QuerySelectorAll("#heures-participant tbody tr").Length);
        Assert.Equal("300,50 h", fiche.Texte("#heures-participant-comptees"));
    }

    [Fact]
    public async Task La_grille_montre_six_mois_et_se_deplace_par_six_mois_sans_depasser_le_mois_courant()
    {
        var (client, lot, _, _) = await SituationAsync();

        var parDefaut = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        var anterieure = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}?debut=2025-04");
        var future = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}?debut=2026-02");

        string[] Colonnes(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#grille-heures thead th").Skip(2).SkipLast(1).Select(th => th.TextContent.Trim()).ToArray();
        Assert.Equal(["octobre 2025", "novembre 2025", "décembre 2025", "janvier 2026", "février 2026", "mars 2026"], Colonnes(parDefaut));
        // The lot starts in January 2026: the window already shows the month before, nothing earlier to reach.
        Assert.Null(parDefaut.QuerySelector("a[rel=prev]"));
        Assert.Null(parDefaut.QuerySelector("a[rel=next]"));
        Assert.Contains("d'avril 2025 à septembre 2025", anterieure.Texte("#periode-grille"), StringComparison.Ordinal);
        Assert.Contains("Aucun contrat de ce lot ne court d'avril 2025 à septembre 2025", anterieure.Texte(), StringComparison.Ordinal);
        Assert.Equal($"/Heures/Lot/{lot.Lot.Id}?debut=2025-10", anterieure.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("octobre 2025", Colonnes(future)[0]);
    }

    [Fact]
    public async Task Une_grille_sans_changement_n_ecrit_rien()
    {
        var (client, lot, contrat, _) = await SituationAsync();
        await client.PosterGrilleAsync(lot.Lot.Id, new() { [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "100" });

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, []);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Single(Assert.Single(await app.LignesAsync(contrat.Id)).Versions);
    }

    [Fact]
    public async Task Des_heures_illisibles_ou_negatives_sont_refusees_en_francais_et_rien_n_est_ecrit()
    {
        var (client, lot, contrat, _) = await SituationAsync();

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "50",
            [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "-5",
            [HeuresDeTest.Cellule(contrat.Id, Mars)] = "douze",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Léa Martin en février 2026 : la valeur « -5 » doit être un nombre d'heures écrit en chiffres, avec au plus 2 décimales (exemple : 1 500 ou 151,67).",
            page.ErreurCellule(contrat.Id, Fevrier));
        Assert.StartsWith("Léa Martin en mars 2026 : la valeur « douze » doit être", page.ErreurCellule(contrat.Id, Mars), StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", page.Texte("#resume-erreurs"), StringComparison.Ordinal);
        Assert.Equal("douze", page.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Mars))!.GetAttribute("value"));
        Assert.Equal("true", page.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Mars))!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await app.CompterLignesAsync(lot.Lot.Id));
    }

    [Fact]
    public async Task Zero_heure_et_plus_de_250_heures_sont_refuses_et_la_case_valide_n_est_pas_enregistree()
    {
        var (client, lot, contrat, _) = await SituationAsync();

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "0",
            [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "251",
            [HeuresDeTest.Cellule(contrat.Id, Mars)] = "35",
        });

        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Léa Martin en janvier 2026 : Les heures doivent être supérieures à 0.", page.ErreurCellule(contrat.Id, Janvier));
        Assert.Equal("Léa Martin en février 2026 : 251,00 h dépasse le maximum de 250,00 h par mois pour une ligne.", page.ErreurCellule(contrat.Id, Fevrier));
        Assert.Equal(string.Empty, page.ErreurCellule(contrat.Id, Mars));
        Assert.Equal(0, await app.CompterLignesAsync(lot.Lot.Id));
        var fiche = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.StartsWith("0,00 h", fiche.Texte("#bilan-realisees"), StringComparison.Ordinal);
        Assert.Contains("Aucune heure déclarée.", fiche.Texte("section[aria-labelledby=titre-heures-lot]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_maximum_mensuel_du_participant_compte_ses_heures_sur_un_autre_lot()
    {
        var (client, lotA, contratA, participant) = await SituationAsync();
        var lotB = await app.SemerLotAsync(lotA.StructureId, marches: lotA.Marches, numero: "2026-002", titulaire: lotA.Titulaire);
        var contratB = await app.SemerContratAsync(lotB, participant);
        await client.PosterGrilleAsync(lotA.Lot.Id, new() { [HeuresDeTest.Cellule(contratA.Id, Janvier)] = "200" });

        var reponse = await client.PosterGrilleAsync(lotB.Lot.Id, new() { [HeuresDeTest.Cellule(contratB.Id, Janvier)] = "100" });

        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Léa Martin en janvier 2026 : Ce participant a déjà 200,00 h déclarées en janvier 2026 sur ses autres lignes : "
            + "avec 100,00 h de plus, il dépasserait le maximum de 250,00 h par mois, tous lots confondus.", page.ErreurCellule(contratB.Id, Janvier));
        Assert.Equal(0, await app.CompterLignesAsync(lotB.Lot.Id));
        Assert.Equal(1, await app.CompterLignesAsync(lotA.Lot.Id));
    }

    [Fact]
    public async Task Une_seconde_saisie_du_meme_mois_est_une_correction_avec_son_historique_et_ne_compte_qu_une_fois()
    {
        var (client, lot, contrat, _) = await SituationAsync();
        await client.PosterGrilleAsync(lot.Lot.Id, new() { [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "100" });
        await client.PosterGrilleAsync(lot.Lot.Id, new() { [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "120" });

        // The per-contrat form corrects an existing month too, with its reason.
        var reponse = await FabriqueClause.PosterAsync(client, $"/Heures/Saisir/{contrat.Id}", new()
        {
            ["Saisie.Mois"] = "2026-01",
            ["Saisie.Heures"] = "110",
            ["Saisie.MotifCorrection"] = "Relevé d'heures rectifié par l'entreprise",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var ligne = Assert.Single(await app.LignesAsync(contrat.Id));
        Assert.Equal([6_000L, 7_200L, 6_600L], ligne.Versions.Select(v => v.Minutes));
        var page = await client.PageAsync($"/Heures/Contrat/{contrat.Id}");
        var versions = page.QuerySelectorAll("#versions-heures tbody tr").Select(tr => SituationsMarches.Espaces(tr.TextContent)).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Contains("(en vigueur)", versions[0], StringComparison.Ordinal);
        Assert.Contains("110,00 h", versions[0], StringComparison.Ordinal);
        Assert.Contains("Correction : Relevé d'heures rectifié par l'entreprise", versions[0], StringComparison.Ordinal);
        Assert.Contains("100,00 h", versions[2], StringComparison.Ordinal);
        Assert.Equal("110,00 h", page.Texte("#heures-comptees"));
        var fiche = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.StartsWith("110,00 h", fiche.Texte("#bilan-realisees"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_mois_hors_du_contrat_est_signale_hors_periode_et_ne_compte_pas()
    {
        var (client, lot, contrat, _) = await SituationAsync();

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new() { [HeuresDeTest.Cellule(contrat.Id, Decembre)] = "35" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.True(Assert.Single(await app.LignesAsync(contrat.Id)).HorsPeriode);
        var grille = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        Assert.Equal("Validée · Hors période", grille.GetElementById($"etat-{contrat.Id:N}-{Decembre.Code}")!.TextContent.Trim());
        var page = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.StartsWith("0,00 h", page.Texte("#bilan-realisees"), StringComparison.Ordinal);
        var contratPage = await client.PageAsync($"/Heures/Contrat/{contrat.Id}");
        Assert.Contains("Hors période", contratPage.Texte($"#mois-{Decembre.Code}"), StringComparison.Ordinal);
        Assert.Equal("0,00 h", contratPage.Texte("#heures-comptees"));
    }

    [Fact]
    public async Task Des_heures_hors_periode_enregistrees_sont_signalees_a_l_utilisateur_par_la_grille_et_par_le_formulaire()
    {
        var (client, lot, contrat, _) = await SituationAsync();
        var avant = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        // The grid tells which cells the domain's rule puts outside the period (the script disables them from this).
        Assert.Equal(CaseGrille.RaisonHorsPeriode, avant.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Decembre))!.GetAttribute("data-hors-periode"));
        Assert.Equal(string.Empty, avant.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Janvier))!.GetAttribute("data-hors-periode"));
        Assert.Equal(CaseGrille.RaisonHorsPeriode, avant.Texte($"#etat-{contrat.Id:N}-{Decembre.Code}"));

        var grille = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Decembre)] = "35",
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "100",
        });
        var apresGrille = await client.PageAsync(grille.Headers.Location!.OriginalString);
        Assert.Equal("Attention : les heures de Léa Martin en décembre 2025 sont en dehors des dates du contrat ou de l'exécution du lot. "
            + "Elles sont conservées mais ne comptent pas.", apresGrille.Texte("#avertissement"));
        // The totals count only the month in the period.
        Assert.Equal("100,00 h", apresGrille.Texte("[data-total-grille]"));

        var formulaire = await FabriqueClause.PosterAsync(client, $"/Heures/Saisir/{contrat.Id}", new()
        {
            ["Saisie.Mois"] = "2025-11",
            ["Saisie.Heures"] = "20",
        });
        var apresFormulaire = await client.PageAsync(formulaire.Headers.Location!.OriginalString);
        Assert.Contains("Léa Martin en novembre 2025 sont en dehors des dates du contrat", apresFormulaire.Texte("#avertissement"), StringComparison.Ordinal);

        // A month inside the period: no warning.
        var dedans = await client.PosterGrilleAsync(lot.Lot.Id, new() { [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "90" });
        Assert.Null((await client.PageAsync(dedans.Headers.Location!.OriginalString)).GetElementById("avertissement"));
    }

    [Fact]
    public async Task Un_montant_facture_en_sous_traitance_est_converti_en_heures()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id);
        var participant = await app.SemerParticipantAsync(structure.Id);
        var siae = lot.Marches.UneEntreprise("Chantier d'insertion du Cher", TypeEmployeur.ACI);
        var contrat = await app.SemerContratAsync(lot, participant, modalite: ModaliteContrat.SousTraitanceSiae, employeur: siae);

        // 4 800 € × 50 % (the lot's labour share) / 30 € (the structure's hourly cost) = 80 h.
        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new() { [HeuresDeTest.Cellule(contrat.Id, Fevrier, "Montant")] = "4 800" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var ligne = Assert.Single(await app.LignesAsync(contrat.Id));
        Assert.Equal(4_800L, ligne.Minutes);
        Assert.True(ligne.Converti);
        var grille = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        Assert.Equal("Validée · Converti", grille.GetElementById($"etat-{contrat.Id:N}-{Fevrier.Code}")!.TextContent.Trim());
        Assert.Equal("Montant facturé HT de Léa Martin en février 2026, en euros, converti en heures",
            grille.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Fevrier, "Montant"))!.GetAttribute("aria-label"));
        // Posting the grid again as shown writes nothing (no new version).
        await client.PosterGrilleAsync(lot.Lot.Id, []);
        Assert.Single(Assert.Single(await app.LignesAsync(contrat.Id)).Versions);
    }

    [Fact]
    public async Task Rejeter_exige_un_motif_et_valider_fait_passer_les_heures_en_attente_aux_realisees()
    {
        var (client, lot, contrat, _) = await SituationAsync();
        var lignes = await app.SemerHeuresAsync(lot, contrat, null, (Janvier, 100), (Fevrier, 40));
        var fiche = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.Equal("140,00 h", fiche.Texte("#bilan-en-attente"));
        Assert.StartsWith("0,00 h", fiche.Texte("#bilan-realisees"), StringComparison.Ordinal);
        var liste = await client.PageAsync("/Heures/AValider");
        Assert.Equal(2, liste.QuerySelectorAll("#heures-a-valider tbody tr").Length);
        Assert.Equal("Motif du rejet des heures de Léa Martin en janvier 2026",
            liste.GetElementById($"motif-{lignes[0].Id:N}")!.GetAttribute("aria-label"));

        var sansMotif = await FabriqueClause.PosterAsync(client, $"/Heures/Decision/{lignes[1].Id}?handler=Rejeter&retour=%2FHeures%2FAValider",
            new() { ["Saisie.MotifRejet"] = "  " }, "/Heures/AValider");
        Assert.Equal(HttpStatusCode.OK, sansMotif.StatusCode);
        Assert.Equal("Le champ « Motif du rejet » est obligatoire.", (await AcheteursDeTest.DocumentAsync(sansMotif)).ErreurDuChamp("Saisie.MotifRejet"));
        Assert.All(await app.LignesAsync(contrat.Id), l => Assert.Equal(StatutDeclaration.Declaree, l.Statut));

        var rejet = await FabriqueClause.PosterAsync(client, $"/Heures/Decision/{lignes[1].Id}?handler=Rejeter&retour=%2FHeures%2FAValider",
            new() { ["Saisie.MotifRejet"] = "Heures en doublon avec le relevé de janvier" }, "/Heures/AValider");
        var validation = await FabriqueClause.PosterAsync(client, $"/Heures/Decision/{lignes[0].Id}?handler=Valider&retour=%2FHeures%2FAValider",
            [], "/Heures/AValider");

        Assert.Equal("/Heures/AValider", rejet.Headers.Location!.OriginalString);
        Assert.Equal("/Heures/AValider", validation.Headers.Location!.OriginalString);
        var relues = await app.LignesAsync(contrat.Id);
        Assert.Equal(StatutDeclaration.Validee, relues[0].Statut);
        Assert.Equal(StatutDeclaration.Rejetee, relues[1].Statut);
        Assert.Equal("Heures en doublon avec le relevé de janvier", relues[1].Versions[^1].MotifRejet);
        fiche = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        Assert.StartsWith("100,00 h", fiche.Texte("#bilan-realisees"), StringComparison.Ordinal);
        Assert.Equal("0,00 h", fiche.Texte("#bilan-en-attente"));
        Assert.Contains("Aucune déclaration n'attend de validation.", (await client.PageAsync("/Heures/AValider")).Texte(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_identifiants_d_une_autre_structure_repondent_404_en_lecture_comme_en_ecriture()
    {
        var (client, lot, contrat, _) = await SituationAsync();
        var (_, autreLot, autreContrat, _) = await SituationAsync();
        var autreLigne = (await app.SemerHeuresAsync(autreLot, autreContrat, null, (Janvier, 10)))[0];
        var propre = $"/Heures/Lot/{lot.Lot.Id}";

        foreach (var url in new[] { $"/Heures/Lot/{autreLot.Lot.Id}", $"/Heures/Contrat/{autreContrat.Id}", $"/Heures/Saisir/{autreContrat.Id}",
                     $"/Heures/Decision/{autreLigne.Id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        var grille = await FabriqueClause.PosterAsync(client, $"/Heures/Lot/{autreLot.Lot.Id}",
            new() { [HeuresDeTest.Cellule(autreContrat.Id, Janvier)] = "99" }, propre);
        var saisie = await FabriqueClause.PosterAsync(client, $"/Heures/Saisir/{autreContrat.Id}",
            new() { ["Saisie.Mois"] = "2026-02", ["Saisie.Heures"] = "99" }, propre);
        var validation = await FabriqueClause.PosterAsync(client, $"/Heures/Decision/{autreLigne.Id}?handler=Valider", [], propre);
        var rejet = await FabriqueClause.PosterAsync(client, $"/Heures/Decision/{autreLigne.Id}?handler=Rejeter",
            new() { ["Saisie.MotifRejet"] = "Pas chez nous" }, propre);

        Assert.All([grille, saisie, validation, rejet], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var lignes = await app.LignesAsync(autreContrat.Id);
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(lignes).Statut);
        Assert.Empty(await app.LignesAsync(contrat.Id));
    }

    [Fact]
    public async Task Une_case_forgee_pour_le_contrat_d_un_autre_lot_ou_d_une_autre_structure_repond_404_et_rien_n_est_ecrit()
    {
        var (client, lot, contrat, participant) = await SituationAsync();
        var autreLot = await app.SemerLotAsync(lot.StructureId, marches: lot.Marches, numero: "2026-002", titulaire: lot.Titulaire);
        var contratAutreLot = await app.SemerContratAsync(autreLot, participant);
        var (_, lotEtranger, contratEtranger, _) = await SituationAsync();

        var reponses = new List<HttpResponseMessage>();
        foreach (var forge in new[] { contratAutreLot.Id, contratEtranger.Id })
            reponses.Add(await client.PosterGrilleAsync(lot.Lot.Id, new()
            {
                [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "10",
                [HeuresDeTest.Cellule(forge, Janvier)] = "20",
            }));

        Assert.All(reponses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, await app.CompterLignesAsync(lot.Lot.Id));
        Assert.Equal(0, await app.CompterLignesAsync(autreLot.Lot.Id));
        Assert.Empty(await app.LignesAsync(contratEtranger.Id));
        Assert.Equal(0, await app.CompterLignesAsync(lotEtranger.Lot.Id));
    }

    [Fact]
    public async Task La_direction_lit_les_heures_sans_pouvoir_les_ecrire()
    {
        var (client, lot, contrat, _) = await SituationAsync(Roles.Direction);
        var ligne = (await app.SemerHeuresAsync(lot, contrat, null, (Janvier, 10)))[0];

        var grille = await client.PageAsync($"/Heures/Lot/{lot.Lot.Id}");
        Assert.Empty(grille.QuerySelectorAll("#grille-heures input"));
        Assert.Contains("10 h", grille.Texte("#grille-heures"), StringComparison.Ordinal);
        Assert.Empty((await client.PageAsync($"/Heures/Contrat/{contrat.Id}")).QuerySelectorAll("main form"));
        // Only the list's filter (a GET form): no form that writes, no box to check.
        var aValider = await client.PageAsync("/Heures/AValider");
        Assert.Empty(aValider.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(aValider.QuerySelectorAll("#heures-a-valider input[type=checkbox]"));

        var postGrille = await FabriqueClause.PosterAsync(client, $"/Heures/Lot/{lot.Lot.Id}",
            new() { [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "20" });
        var saisie = await client.GetAsync($"/Heures/Saisir/{contrat.Id}");
        var validation = await FabriqueClause.PosterAsync(client, $"/Heures/Decision/{ligne.Id}?handler=Valider", [], $"/Heures/Lot/{lot.Lot.Id}");

        foreach (var reponse in new[] { postGrille, saisie, validation })
        {
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(StatutDeclaration.Declaree, Assert.Single(await app.LignesAsync(contrat.Id)).Statut);
    }

    [Theory]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    public async Task Referent_et_entreprise_n_ont_pas_acces_a_la_grille(string role)
    {
        var (_, lot, contrat, _) = await SituationAsync();
        var utilisateur = await app.CreerUtilisateurAsync(role, lot.StructureId, role == Roles.Entreprise ? lot.Titulaire.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        foreach (var url in new[] { $"/Heures/Lot/{lot.Lot.Id}", $"/Heures/Contrat/{contrat.Id}", "/Heures/AValider" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task L_accueil_du_facilitateur_liste_un_contrat_qui_finit_dans_20_jours_et_une_fenetre_qui_ferme_dans_45_jours()
    {
        app.Horloge.SetUtcNow(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));
        var (client, lot, _, _) = await SituationAsync(enExecution: true);
        var bientot = await app.SemerParticipantAsync(lot.StructureId, "Bernard", "Hugo");
        await app.SemerContratAsync(lot, bientot, fin: new DateOnly(2026, 4, 4));
        var plusTard = await app.SemerParticipantAsync(lot.StructureId, "Petit", "Inès");
        await app.SemerContratAsync(lot, plusTard, fin: new DateOnly(2026, 4, 24));
        // 29/04/2024 + 24 months = 29/04/2026, 45 days after 15/03/2026; a renewed participant is not listed.
        var fenetre = await app.SemerParticipantAsync(lot.StructureId, "Moreau", "Nina", validation: new DateOnly(2024, 4, 29));
        await app.SemerParticipantAsync(lot.StructureId, "Roux", "Paul", validation: new DateOnly(2024, 4, 29), renouvellement: new DateOnly(2026, 1, 12));

        var accueil = await client.PageAsync("/");

        var contrats = accueil.QuerySelectorAll("#contrats-finissant li").Select(li => SituationsMarches.Espaces(li.TextContent)).ToList();
        Assert.Contains("Hugo Bernard — fin prévue le 04/04/2026", Assert.Single(contrats), StringComparison.Ordinal);
        var fenetres = accueil.QuerySelectorAll("#fenetres-fermant li").ToList();
        Assert.Contains("Nina Moreau — fenêtre d'éligibilité ouverte jusqu'au 29/04/2026", Assert.Single(fenetres).TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Participants/Eligibilite/{fenetre.Id}", fenetres[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Lot 1 — Gros œuvre", accueil.Texte("#lots-execution"), StringComparison.Ordinal);
        Assert.Equal(1, accueil.QuerySelectorAll("h1").Length);
    }

    [Fact]
    public async Task Les_heures_a_valider_et_la_tendance_figurent_sur_l_accueil()
    {
        var (client, lot, contrat, _) = await SituationAsync(enExecution: true);
        await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur, (Janvier, 100), (Fevrier, 100));
        var enAttente = await app.SemerHeuresAsync(lot, contrat, null, (Mars, 30));

        var accueil = await client.PageAsync("/");

        Assert.StartsWith("1 déclaration attend une validation.", accueil.Texte("#accueil-a-valider"), StringComparison.Ordinal);
        Assert.Equal("/Heures/AValider", accueil.QuerySelector("#accueil-a-valider a")!.GetAttribute("href"));
        Assert.Equal($"/Heures/Decision/{enAttente[0].Id}", accueil.QuerySelector("section[aria-labelledby=titre-a-valider] li a")!.GetAttribute("href"));
        // December 2025 – February 2026 (200 h) against September – November 2025 (nothing): rising, said in words.
        var tendance = accueil.QuerySelector("#lots-execution td.tendance")!;
        Assert.Contains("↗", tendance.TextContent, StringComparison.Ordinal);
        Assert.Contains("en hausse", tendance.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", tendance.QuerySelector("span")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task Neuf_mille_cinq_cents_heures_dues_et_onze_mille_realisees_donnent_115_8_pour_cent_et_100_pour_cent_plafonne()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        // 5 700 000 € × 50 % × 10 % / 30 € = 9 500 h.
        var lot = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1(euros: 5_700_000, tauxPourcent: 10), euros: 5_700_000, enExecution: true);
        // 4 participants × 11 months × 250 h = 11 000 h, validated.
        foreach (var nom in new[] { "Martin", "Bernard", "Petit", "Moreau" })
        {
            var participant = await app.SemerParticipantAsync(structure.Id, nom);
            var contrat = await app.SemerContratAsync(lot, participant);
            await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur,
                Enumerable.Range(1, 11).Select(m => (new Mois(2026, m), 250L)).ToArray());
        }

        var page = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");
        var accueil = await client.PageAsync("/");

        Assert.Equal("9 500 h", page.Texte("#bilan-dues"));
        Assert.StartsWith("11 000,00 h", page.Texte("#bilan-realisees"), StringComparison.Ordinal);
        Assert.Equal("115,8 %", page.Texte("#bilan-taux"));
        Assert.StartsWith("100 %", page.Texte("#bilan-taux-plafonne"), StringComparison.Ordinal);
        Assert.Equal("0,00 h", page.Texte("#bilan-restantes"));
        Assert.Equal("115,8 %", accueil.Texte("#total-taux"));
        Assert.Equal("100 %", accueil.Texte("#total-taux-plafonne"));
    }
}
