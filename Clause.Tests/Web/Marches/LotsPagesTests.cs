using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Tests.Support;
using Clause.Web.Pages.Entreprises;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Marches;

/// <summary>The lot's page and its changes: obligation versions, avenant, bons de commande, attributions, status.</summary>
public class LotsPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly string[] PagesDuLot = ["Details", "Modifier", "Obligation", "Avenant", "Attribution", "BonCommande"];

    /// <summary>A facilitateur of a new structure, with a marché 2026-001 holding lot 1 « Gros œuvre » (F1, 833 h).</summary>
    private async Task<(HttpClient Client, SituationsMarches S, Lot Lot)> LotAsync(string role = Roles.Facilitateur,
        TypeMarche type = TypeMarche.Ordinaire, NouveauLot? nouveau = null)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var s = await app.SemerOperationAsync(structure.Id);
        var marche = await app.SemerMarcheAsync(s, type: type, euros: 1_000_000, lots: nouveau ?? SituationsMarches.LotF1());
        return (client, s, marche.Lots[0]);
    }

    [Fact]
    public async Task La_page_du_lot_montre_les_heures_dues_leur_calcul_et_la_premiere_version()
    {
        var (client, _, lot) = await LotAsync();

        var page = await client.PageAsync($"/Lots/Details/{lot.Id}");

        Assert.Equal("833 h", page.Texte("#heures-dues"));
        Assert.Equal("1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h", page.Texte("#calcul-heures-dues"));
        var version = Assert.Single(page.QuerySelectorAll("#versions-obligation tbody tr"));
        Assert.Contains("Obligation initiale", version.TextContent, StringComparison.Ordinal);
        Assert.Contains("tests", version.TextContent, StringComparison.Ordinal);
        Assert.Equal("Heures d'insertion", page.QuerySelector("section[aria-labelledby=titre-heures-lot] h2")!.TextContent);
        Assert.Contains("Aucune heure déclarée.", page.Texte("section[aria-labelledby=titre-heures-lot]"), StringComparison.Ordinal);
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
    }

    [Fact]
    public async Task Modifier_l_obligation_ajoute_une_version_datee_avec_son_motif()
    {
        var (client, _, lot) = await LotAsync();
        var formulaire = await client.PageAsync($"/Lots/Obligation/{lot.Id}");
        Assert.Equal("5", ((AngleSharp.Html.Dom.IHtmlInputElement)formulaire.QuerySelector("#Saisie_TauxInsertion")!).Value);

        var sansMotif = await PosterObligationAsync(client, lot.Id, taux: "6", motif: "");
        Assert.Equal("Le champ « Motif du changement » est obligatoire.", (await AcheteursDeTest.DocumentAsync(sansMotif)).ErreurDuChamp("Saisie.Motif"));
        Assert.Single((await app.RelireLotAsync(lot.Id)).Obligations);

        var trop = await PosterObligationAsync(client, lot.Id, taux: "101", motif: "Coquille");
        Assert.Equal("Le taux d'insertion doit être compris entre 0 et 100 %.", (await AcheteursDeTest.DocumentAsync(trop)).ErreurDuChamp("Saisie.TauxInsertion"));

        var reponse = await PosterObligationAsync(client, lot.Id, taux: "6", motif: "Taux porté à 6 % par le CCAP modifié");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Equal(Duree.Heures(1_000), relu.HeuresDues);
        var v2 = relu.Obligations[1];
        Assert.Equal(OrigineObligation.Modification, v2.Origine);
        Assert.Equal(new DateOnly(2026, 4, 1), v2.DateEffet);
        Assert.Equal("Taux porté à 6 % par le CCAP modifié", v2.Motif);
        var page = await client.PageAsync($"/Lots/Details/{lot.Id}");
        Assert.Equal("1 000 000,00 € × 50 % × 6 % / 30,00 € = 1 000 h", page.Texte("#calcul-heures-dues"));
        var lignes = page.QuerySelectorAll("#versions-obligation tbody tr").Select(tr => SituationsMarches.Espaces(tr.TextContent)).ToList();
        Assert.Equal(2, lignes.Count);
        Assert.Contains("01/04/2026", lignes[0], StringComparison.Ordinal);
        Assert.Contains("Taux porté à 6 % par le CCAP modifié", lignes[0], StringComparison.Ordinal);
        Assert.Contains("Facilitateur de test", lignes[0], StringComparison.Ordinal);
        Assert.Contains("Création d'une version de l'obligation", page.Texte("section.historique"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PosterObligationAsync(HttpClient client, LotId lotId, string taux, string motif, string penalite = "") =>
        client.PosterChampsAsync($"/Lots/Obligation/{lotId}",
        [
            new("Saisie.Fondements", "ConditionExecution"),
            new("Saisie.Methode", "F1"),
            new("Saisie.TauxInsertion", taux),
            new("Saisie.PartMainOeuvre", "50"),
            new("Saisie.CoutHoraireReference", ""),
            new("Saisie.MontantParHeureManquante", penalite),
            new("Saisie.DateEffet", "2026-04-01"),
            new("Saisie.Motif", motif),
        ]);

    [Fact]
    public async Task La_penalite_par_heure_manquante_du_ccap_se_saisit_avec_l_obligation()
    {
        var (client, _, lot) = await LotAsync();
        Assert.Null((await app.RelireLotAsync(lot.Id)).MontantParHeureManquanteCentimes);

        foreach (var (saisie, message) in new[]
                 {
                     ("0", "Le champ « Pénalité par heure manquante » doit être supérieur à 0 et au plus 10 000,00 €."),
                     ("10000,01", "Le champ « Pénalité par heure manquante » doit être supérieur à 0 et au plus 10 000,00 €."),
                 })
        {
            var refus = await PosterObligationAsync(client, lot.Id, taux: "6", motif: "Pénalité du CCAP", penalite: saisie);
            Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
            Assert.Equal(message, SituationsMarches.Espaces((await AcheteursDeTest.DocumentAsync(refus)).ErreurDuChamp("Saisie.MontantParHeureManquante")!));
            var intact = await app.RelireLotAsync(lot.Id);
            Assert.Single(intact.Obligations);
            Assert.Null(intact.MontantParHeureManquanteCentimes);
        }

        var reponse = await PosterObligationAsync(client, lot.Id, taux: "5", motif: "Pénalité du CCAP", penalite: "150,00");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(150_00, (await app.RelireLotAsync(lot.Id)).MontantParHeureManquanteCentimes);
        Assert.Equal("150,00 € par heure (CCAP) : proposée après deux relances sans déclaration",
            SituationsMarches.Espaces((await client.PageAsync($"/Lots/Details/{lot.Id}")).Texte("#penalite-heure-manquante")));
        var formulaire = await client.PageAsync($"/Lots/Obligation/{lot.Id}");
        Assert.Equal("150,00", ((AngleSharp.Html.Dom.IHtmlInputElement)formulaire.QuerySelector("#Saisie_MontantParHeureManquante")!).Value);

        await PosterObligationAsync(client, lot.Id, taux: "5", motif: "Plus de pénalité au CCAP modifié", penalite: "");
        Assert.Null((await app.RelireLotAsync(lot.Id)).MontantParHeureManquanteCentimes);
    }

    [Fact]
    public async Task Un_avenant_sans_recalcul_garde_les_heures_et_cree_une_version_avec_son_motif()
    {
        var (client, _, lot) = await LotAsync();
        var formulaire = await client.PageAsync($"/Lots/Avenant/{lot.Id}");
        Assert.Contains("les heures dues ne seront pas recalculées", formulaire.Texte("#effet-avenant"), StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/Avenant/{lot.Id}", new()
        {
            ["Saisie.NouveauMontantHT"] = "1 200 000",
            ["Saisie.DateEffet"] = "2026-05-01",
            ["Saisie.Motif"] = "Avenant n°1 : reprise des réseaux en sous-sol",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Equal(120_000_000, relu.MontantHTCentimes);
        Assert.Equal(Duree.Heures(833), relu.HeuresDues);
        var version = relu.Obligations[1];
        Assert.Equal(OrigineObligation.Avenant, version.Origine);
        Assert.Equal("Avenant n°1 : reprise des réseaux en sous-sol", version.Motif);
        Assert.Equal(120_000_000, version.MontantLotCentimes);
        var lignes = (await client.PageAsync($"/Lots/Details/{lot.Id}")).QuerySelectorAll("#versions-obligation tbody tr").ToList();
        Assert.Contains("Avenant n°1 : reprise des réseaux en sous-sol", lignes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 200 000,00 €", SituationsMarches.Espaces(lignes[0].TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_avenant_avec_le_reglage_de_recalcul_recalcule_les_heures_f1()
    {
        var (client, s, lot) = await LotAsync();
        await app.ModifierReglagesAsync(s.StructureId, recalculSurAvenant: true);
        Assert.Contains("les heures dues seront recalculées", (await client.PageAsync($"/Lots/Avenant/{lot.Id}")).Texte("#effet-avenant"), StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/Avenant/{lot.Id}", new()
        {
            ["Saisie.NouveauMontantHT"] = "1 200 000",
            ["Saisie.DateEffet"] = "2026-05-01",
            ["Saisie.Motif"] = "Avenant n°1",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        // 1 200 000 € × 50 % × 5 % / 30 € = 1 000 h.
        Assert.Equal(Duree.Heures(1_000), (await app.RelireLotAsync(lot.Id)).HeuresDues);
    }

    [Theory]
    [InlineData("0", "", "Saisie.NouveauMontantHT", "Le montant HT doit être supérieur à 0.")]
    [InlineData("un million", "Avenant n°2", "Saisie.NouveauMontantHT", "Le champ « Nouveau montant HT du lot » doit être un montant en euros écrit en chiffres, avec au plus 2 décimales (exemple : 12 500,50).")]
    [InlineData("1 100 000", "", "Saisie.Motif", "Le champ « Motif de l'avenant » est obligatoire.")]
    public async Task Un_avenant_invalide_est_refuse_sans_rien_ecrire(string montant, string motif, string cle, string message)
    {
        var (client, _, lot) = await LotAsync();

        var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/Avenant/{lot.Id}", new()
        {
            ["Saisie.NouveauMontantHT"] = montant,
            ["Saisie.DateEffet"] = "2026-05-01",
            ["Saisie.Motif"] = motif == "" && cle != "Saisie.Motif" ? "Avenant n°2" : motif,
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(message, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp(cle));
        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Single(relu.Obligations);
        Assert.Equal(100_000_000, relu.MontantHTCentimes);
    }

    [Fact]
    public async Task Les_bons_de_commande_donnent_les_heures_dues_a_ce_jour_au_prorata()
    {
        // 1 000 h due on 400 000 € estimated; today (15/03/2026) two bons are notified: 1 000 × 150 000 / 400 000 = 375 h.
        var (client, _, lot) = await LotAsync(type: TypeMarche.AccordCadreBonsCommande,
            nouveau: SituationsMarches.LotF1(euros: 400_000) with { Obligation = ParametresObligation.F3(Duree.Heures(1_000)) });
        foreach (var (numero, date, montant) in new[] { ("BC-01", "2026-02-10", "100 000"), ("BC-02", "2026-03-01", "50 000"), ("BC-03", "2026-09-01", "80 000") })
        {
            var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/BonCommande/{lot.Id}",
                new() { ["Saisie.Numero"] = numero, ["Saisie.DateNotificationBon"] = date, ["Saisie.MontantHT"] = montant });
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        }

        var page = await client.PageAsync($"/Lots/Details/{lot.Id}");

        Assert.Equal("375 h", page.Texte("#heures-dues-a-ce-jour"));
        Assert.Contains("Au prorata des bons notifiés", page.Texte("section[aria-labelledby=titre-bons]"), StringComparison.Ordinal);
        Assert.Equal(["BC-01", "BC-02", "BC-03"], page.QuerySelectorAll("#bons-commande tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Null(page.QuerySelector("#Saisie_Heures"));

        var doublon = await FabriqueClause.PosterAsync(client, $"/Lots/BonCommande/{lot.Id}",
            new() { ["Saisie.Numero"] = "BC-01", ["Saisie.DateNotificationBon"] = "2026-03-10", ["Saisie.MontantHT"] = "10 000" });
        Assert.Equal("Le bon de commande n°BC-01 existe déjà sur ce lot.", (await AcheteursDeTest.DocumentAsync(doublon)).ErreurDuChamp("Saisie.Numero"));
        var nul = await FabriqueClause.PosterAsync(client, $"/Lots/BonCommande/{lot.Id}",
            new() { ["Saisie.Numero"] = "BC-04", ["Saisie.DateNotificationBon"] = "2026-03-10", ["Saisie.MontantHT"] = "0" });
        Assert.Equal("Le montant du bon de commande doit être supérieur à 0.", (await AcheteursDeTest.DocumentAsync(nul)).ErreurDuChamp("Saisie.MontantHT"));
        Assert.Equal(3, (await app.RelireLotAsync(lot.Id)).BonsCommande.Count);
    }

    [Fact]
    public async Task En_mode_par_bon_les_heures_de_chaque_bon_sont_demandees_et_additionnees()
    {
        var (client, s, lot) = await LotAsync(type: TypeMarche.AccordCadreBonsCommande,
            nouveau: SituationsMarches.LotF1(euros: 400_000) with { Obligation = ParametresObligation.F3(Duree.Heures(1_000)) });
        await app.ModifierReglagesAsync(s.StructureId, mode: ModeAccordCadre.ParBon);
        Assert.NotNull((await client.PageAsync($"/Lots/Details/{lot.Id}")).QuerySelector("#Saisie_Heures"));

        foreach (var (numero, heures) in new[] { ("BC-01", "120"), ("BC-02", "60,5") })
            await FabriqueClause.PosterAsync(client, $"/Lots/BonCommande/{lot.Id}",
                new() { ["Saisie.Numero"] = numero, ["Saisie.DateNotificationBon"] = "2026-03-01", ["Saisie.MontantHT"] = "50 000", ["Saisie.Heures"] = heures });
        var lettres = await FabriqueClause.PosterAsync(client, $"/Lots/BonCommande/{lot.Id}",
            new() { ["Saisie.Numero"] = "BC-03", ["Saisie.DateNotificationBon"] = "2026-03-01", ["Saisie.MontantHT"] = "50 000", ["Saisie.Heures"] = "douze" });
        Assert.StartsWith("Le champ « Heures d'insertion du bon » doit être un nombre d'heures", (await AcheteursDeTest.DocumentAsync(lettres)).ErreurDuChamp("Saisie.Heures"), StringComparison.Ordinal);

        Assert.Equal("180,50 h", (await client.PageAsync($"/Lots/Details/{lot.Id}")).Texte("#heures-dues-a-ce-jour"));
    }

    [Fact]
    public async Task Attribuer_un_lot_le_montre_sur_le_lot_et_dans_les_lots_de_l_entreprise()
    {
        var (client, s, lot) = await LotAsync();
        var entreprise = await app.SemerEntrepriseAsync(s, "Bâtiments du Val SARL");
        var sousTraitant = await app.SemerEntrepriseAsync(s, "Chantier école Touraine", TypeEmployeur.ACI);
        var page = await client.PageAsync($"/Lots/Details/{lot.Id}");
        // The company is chosen in a combobox searching the structure's companies (no list of them in the page).
        Assert.Equal("/Recherche/Entreprises?handler=Json", page.QuerySelector("#Saisie_EntrepriseId")!.ParentElement!.GetAttribute("data-source"));
        Assert.DoesNotContain("Bâtiments du Val SARL", page.QuerySelector("#attributions")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}",
            new() { ["Saisie.EntrepriseId"] = entreprise.Id.ToString(), ["Saisie.Role"] = "Attributaire", ["Saisie.DateNotification"] = "2026-01-20" },
            $"/Lots/Details/{lot.Id}");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}",
            new() { ["Saisie.EntrepriseId"] = sousTraitant.Id.ToString(), ["Saisie.Role"] = "SousTraitant", ["Saisie.DateNotification"] = "2026-02-02" });

        var fiche = await client.PageAsync($"/Lots/Details/{lot.Id}");
        var lignes = fiche.QuerySelectorAll("#attributions tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Equal(2, lignes.Count);
        Assert.Contains("Attributaire", lignes[0], StringComparison.Ordinal);
        Assert.Contains("Bâtiments du Val SARL", lignes[0], StringComparison.Ordinal);
        Assert.Contains("20/01/2026", lignes[0], StringComparison.Ordinal);
        Assert.Contains("Sous-traitant", lignes[1], StringComparison.Ordinal);

        var lots = await app.LireEnTantQueAsync(s.StructureId, db => LotsDeLEntreprise.LireAsync(db, entreprise.Id));
        var tenu = Assert.Single(lots);
        Assert.Equal(lot.Id, tenu.LotId);
        Assert.Equal(RoleAttribution.Attributaire, tenu.Role);
        Assert.Equal("2026-001", tenu.NumeroMarche);
        Assert.Equal("Rénovation du quartier Sanitas", tenu.Operation);
        Assert.Equal("Ville de Tours", tenu.DonneurOrdre);
        Assert.Equal(Duree.Heures(833), tenu.HeuresDues);
        Assert.Equal(new DateOnly(2026, 1, 20), tenu.DateNotification);

        // A second attributaire is refused; the company already holding the lot too.
        var second = await app.SemerEntrepriseAsync(s, "Maçonnerie Ligérienne");
        var refus = await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}",
            new() { ["Saisie.EntrepriseId"] = second.Id.ToString(), ["Saisie.Role"] = "Attributaire" });
        Assert.Equal("Ce lot a déjà un attributaire : retirez-le avant d'en désigner un autre.", (await AcheteursDeTest.DocumentAsync(refus)).ErreurDuChamp("Saisie.Role"));
        var deja = await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}",
            new() { ["Saisie.EntrepriseId"] = entreprise.Id.ToString(), ["Saisie.Role"] = "CoTraitant" });
        Assert.Equal("Cette entreprise est déjà attributaire de ce lot.", (await AcheteursDeTest.DocumentAsync(deja)).ErreurDuChamp("Saisie.EntrepriseId"));
        Assert.Equal(2, (await app.RelireLotAsync(lot.Id)).Attributions.Count);

        // Removing the sous-traitant.
        var attributionId = (await app.RelireLotAsync(lot.Id)).Attributions.Single(a => a.EntrepriseId == sousTraitant.Id).Id;
        var retrait = await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}?handler=Retirer&attributionId={attributionId}", new(), $"/Lots/Details/{lot.Id}");
        Assert.Equal(HttpStatusCode.Redirect, retrait.StatusCode);
        Assert.Single((await app.RelireLotAsync(lot.Id)).Attributions);
        Assert.Contains("Suppression d'une attribution", (await client.PageAsync($"/Lots/Details/{lot.Id}")).Texte("section.historique"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_entreprise_d_une_autre_structure_ne_peut_pas_recevoir_le_lot()
    {
        var autre = await app.SemerOperationAsync((await app.CreerStructureAsync()).Id);
        var etrangere = await app.SemerEntrepriseAsync(autre, "Entreprise d'ailleurs");
        var (client, _, lot) = await LotAsync();

        var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}",
            new() { ["Saisie.EntrepriseId"] = etrangere.Id.ToString(), ["Saisie.Role"] = "Attributaire" });

        Assert.Equal("Choisissez une entreprise dans la liste.", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.EntrepriseId"));
        Assert.Empty((await app.RelireLotAsync(lot.Id)).Attributions);
    }

    [Fact]
    public async Task Le_statut_du_lot_avance_et_l_execution_demande_un_attributaire()
    {
        var (client, _, lot) = await LotAsync();
        var details = $"/Lots/Details/{lot.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await FabriqueClause.PosterAsync(client, $"/Lots/Statut/{lot.Id}", new() { ["Saisie.Cible"] = "Lancement" }, details)).StatusCode);
        var execution = await FabriqueClause.PosterAsync(client, $"/Lots/Statut/{lot.Id}", new() { ["Saisie.Cible"] = "EnExecution" }, details);

        Assert.Equal(HttpStatusCode.OK, execution.StatusCode);
        Assert.Equal("Un lot ne peut passer en exécution qu'avec un attributaire.", (await AcheteursDeTest.DocumentAsync(execution)).ErreurDuChamp("Saisie.Cible"));
        Assert.Equal(StatutLot.Lancement, (await app.RelireLotAsync(lot.Id)).Statut);
        var page = await client.PageAsync(details);
        Assert.Contains("Revenir au statut « À notifier »", page.Texte("section[aria-labelledby=titre-statut]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modifier_le_lot_change_libelle_dates_et_parametres_dans_les_limites()
    {
        var (client, _, lot) = await LotAsync();
        Dictionary<string, string> Champs(string debut = "2026-02-01", string part = "40") => new()
        {
            ["Saisie.Libelle"] = "Gros œuvre — maçonnerie",
            ["Saisie.DebutExecution"] = debut,
            ["Saisie.FinExecution"] = "2026-11-30",
            ["Saisie.PartMainOeuvre"] = part,
            ["Saisie.CoutHoraireReference"] = "32,50",
            ["Saisie.FormationComptabilisee"] = "true",
            ["Saisie.PlafondFormation"] = "10",
        };

        var hors = await FabriqueClause.PosterAsync(client, $"/Lots/Modifier/{lot.Id}", Champs(debut: "2025-12-01"));
        Assert.Equal("Le début d'exécution du lot doit être compris dans la période d'exécution du marché.",
            (await AcheteursDeTest.DocumentAsync(hors)).ErreurDuChamp("Saisie.DebutExecution"));
        var part = await FabriqueClause.PosterAsync(client, $"/Lots/Modifier/{lot.Id}", Champs(part: "150"));
        Assert.Equal("La part de main-d'œuvre doit être supérieure à 0 et au plus 100 %.", (await AcheteursDeTest.DocumentAsync(part)).ErreurDuChamp("Saisie.PartMainOeuvre"));
        Assert.Equal("Gros œuvre", (await app.RelireLotAsync(lot.Id)).Libelle);

        Assert.Equal(HttpStatusCode.Redirect, (await FabriqueClause.PosterAsync(client, $"/Lots/Modifier/{lot.Id}", Champs())).StatusCode);
        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Equal("Gros œuvre — maçonnerie", relu.Libelle);
        Assert.Equal(new DateOnly(2026, 2, 1), relu.DebutExecution);
        Assert.Equal(4_000, relu.PartMainOeuvrePdb);
        Assert.Equal(3_250, relu.CoutHoraireReferenceCentimes);
        Assert.True(relu.FormationComptabilisee);
        Assert.Equal(1_000, relu.PlafondFormationPdb);
        // The parameters alone do not recompute the obligation.
        Assert.Equal(Duree.Heures(833), relu.HeuresDues);
    }

    [Fact]
    public async Task Lot_d_une_autre_structure_repond_404_en_lecture_et_en_ecriture()
    {
        var ailleurs = await app.SemerOperationAsync((await app.CreerStructureAsync()).Id);
        var etranger = (await app.SemerMarcheAsync(ailleurs, type: TypeMarche.AccordCadreBonsCommande)).Lots[0];
        var entrepriseAilleurs = await app.SemerEntrepriseAsync(ailleurs);
        await app.EcrireAsync(async db =>
        {
            var lotAilleurs = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == etranger.Id);
            lotAilleurs.Attribuer(entrepriseAilleurs, RoleAttribution.Attributaire, null);
        });
        var attributionEtrangere = (await app.RelireLotAsync(etranger.Id)).Attributions[0].Id;
        var (client, s, mien) = await LotAsync();
        var jeton = $"/Lots/Details/{mien.Id}";

        foreach (var page in PagesDuLot)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Lots/{page}/{etranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Lots/Statut/{etranger.Id}?cible=Lancement")).StatusCode);

        var posts = new (string Url, Dictionary<string, string> Champs)[]
        {
            ($"/Lots/Modifier/{etranger.Id}", new() { ["Saisie.Libelle"] = "Piraté", ["Saisie.DebutExecution"] = "2026-01-01", ["Saisie.FinExecution"] = "2026-12-31", ["Saisie.PartMainOeuvre"] = "50" }),
            ($"/Lots/Obligation/{etranger.Id}", new() { ["Saisie.Methode"] = "F3", ["Saisie.HeuresSaisies"] = "1", ["Saisie.Fondements"] = "ConditionExecution", ["Saisie.DateEffet"] = "2026-03-01", ["Saisie.Motif"] = "x" }),
            ($"/Lots/Avenant/{etranger.Id}", new() { ["Saisie.NouveauMontantHT"] = "1", ["Saisie.DateEffet"] = "2026-03-01", ["Saisie.Motif"] = "x" }),
            ($"/Lots/Statut/{etranger.Id}", new() { ["Saisie.Cible"] = "Lancement" }),
            ($"/Lots/Attribution/{etranger.Id}", new() { ["Saisie.EntrepriseId"] = entrepriseAilleurs.Id.ToString(), ["Saisie.Role"] = "CoTraitant" }),
            ($"/Lots/Attribution/{etranger.Id}?handler=Retirer&attributionId={attributionEtrangere}", new()),
            ($"/Lots/Attribution/{mien.Id}?handler=Retirer&attributionId={attributionEtrangere}", new()),
            ($"/Lots/BonCommande/{etranger.Id}", new() { ["Saisie.Numero"] = "BC-X", ["Saisie.DateNotificationBon"] = "2026-03-01", ["Saisie.MontantHT"] = "10" }),
        };
        foreach (var (url, champs) in posts)
            Assert.Equal(HttpStatusCode.NotFound, (await FabriqueClause.PosterAsync(client, url, champs, jeton)).StatusCode);

        var intact = await app.RelireLotAsync(etranger.Id);
        Assert.Equal("Gros œuvre", intact.Libelle);
        Assert.Single(intact.Obligations);
        Assert.Equal(StatutLot.ANotifier, intact.Statut);
        Assert.Single(intact.Attributions);
        Assert.Empty(intact.BonsCommande);
        Assert.Equal(100_000_000, intact.MontantHTCentimes);
        Assert.Empty(await app.LireEnTantQueAsync(s.StructureId, db => LotsDeLEntreprise.LireAsync(db, entrepriseAilleurs.Id)));
    }

    [Fact]
    public async Task Direction_lit_le_lot_mais_ne_peut_rien_y_changer()
    {
        var (client, s, lot) = await LotAsync(Roles.Direction);
        var entreprise = await app.SemerEntrepriseAsync(s);
        var details = $"/Lots/Details/{lot.Id}";

        var page = await client.PageAsync(details);
        Assert.Equal("833 h", page.Texte("#heures-dues"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Null(page.QuerySelector($"a[href='/Lots/Obligation/{lot.Id}']"));

        foreach (var url in PagesDuLot.Skip(1).Select(p => $"/Lots/{p}/{lot.Id}"))
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        var statut = await FabriqueClause.PosterAsync(client, $"/Lots/Statut/{lot.Id}", new() { ["Saisie.Cible"] = "Lancement" }, details);
        Assert.StartsWith("/Compte/AccesRefuse", statut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(statut.Headers.Location)).StatusCode);
        var attribution = await FabriqueClause.PosterAsync(client, $"/Lots/Attribution/{lot.Id}",
            new() { ["Saisie.EntrepriseId"] = entreprise.Id.ToString(), ["Saisie.Role"] = "Attributaire" }, details);
        Assert.StartsWith("/Compte/AccesRefuse", attribution.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Equal(StatutLot.ANotifier, relu.Statut);
        Assert.Empty(relu.Attributions);
    }

    /// <summary>The shared loader (PageActionLot) guards every handler of a lot page, the removal of a bon too.</summary>
    [Fact]
    public async Task Retirer_le_bon_de_commande_d_un_lot_d_une_autre_structure_repond_404_et_le_bon_reste()
    {
        var ailleurs = await app.SemerOperationAsync((await app.CreerStructureAsync()).Id);
        var etranger = (await app.SemerMarcheAsync(ailleurs, type: TypeMarche.AccordCadreBonsCommande)).Lots[0];
        await app.EcrireAsync(async db =>
        {
            var lotAilleurs = await db.Lots.Include(l => l.BonsCommande).SingleAsync(l => l.Id == etranger.Id);
            lotAilleurs.AjouterBonCommande("BC-AILLEURS", new DateOnly(2026, 3, 1), Montant.Euros(10_000), null);
        });
        var bonEtranger = Assert.Single((await app.RelireLotAsync(etranger.Id)).BonsCommande).Id;
        var (client, _, mien) = await LotAsync();

        var reponse = await FabriqueClause.PosterAsync(client, $"/Lots/BonCommande/{etranger.Id}?handler=Retirer&bonId={bonEtranger}", new(),
            $"/Lots/Details/{mien.Id}");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Single((await app.RelireLotAsync(etranger.Id)).BonsCommande);
    }
}
