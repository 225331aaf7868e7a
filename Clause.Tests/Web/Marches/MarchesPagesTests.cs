using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Marches;

/// <summary>Marché pages: one flow creating the marché and its lots, its list, its page and its edition.</summary>
public class MarchesPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    /// <summary>The marché fields; lots are added with <see cref="Lot"/>.</summary>
    private static Dictionary<string, string> Marche(OperationId operationId, string numero = "2026-015", string montant = "1 500 000",
        string type = "Ordinaire", string debut = "2026-01-01", string fin = "2026-12-31") => new()
        {
            ["Saisie.OperationId"] = operationId.ToString(),
            ["Saisie.Numero"] = numero,
            ["Saisie.Objet"] = "Réhabilitation de 120 logements rue des Tanneurs",
            ["Saisie.Type"] = type,
            ["Saisie.DateNotification"] = "2025-12-15",
            ["Saisie.DebutExecution"] = debut,
            ["Saisie.FinExecution"] = fin,
            ["Saisie.MontantHT"] = montant,
        };

    /// <summary>Adds lot row <paramref name="i"/> (0-based) to the form.</summary>
    private static Dictionary<string, string> Lot(Dictionary<string, string> formulaire, int i, string libelle, string montant, string methode = "F1",
        string taux = "5", string part = "50", string cout = "30", string heuresF3 = "", string debut = "", string fin = "", params string[] fondements)
    {
        var prefixe = $"Saisie.Lots[{i}].";
        formulaire[prefixe + "Libelle"] = libelle;
        formulaire[prefixe + "MontantHT"] = montant;
        formulaire[prefixe + "Methode"] = methode;
        formulaire[prefixe + "TauxInsertion"] = taux;
        formulaire[prefixe + "PartMainOeuvre"] = part;
        formulaire[prefixe + "CoutHoraireReference"] = cout;
        formulaire[prefixe + "HeuresSaisies"] = heuresF3;
        formulaire[prefixe + "DebutExecution"] = debut;
        formulaire[prefixe + "FinExecution"] = fin;
        // Ticked boxes, comma-separated here: PosterAsync posts them as repeated fields, as a browser does.
        formulaire[prefixe + "Fondements"] = string.Join(",", fondements.Length == 0 ? ["ConditionExecution"] : fondements);
        return formulaire;
    }

    private static Task<HttpResponseMessage> PosterAsync(HttpClient client, Dictionary<string, string> champs, string url = "/Marches/Creer") =>
        client.PosterChampsAsync(url, Deplier(champs), "/Marches/Creer");

    /// <summary>"A,B" in a Fondements field becomes two fields of the same name, as a browser posts ticked boxes.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Deplier(Dictionary<string, string> champs) =>
        champs.SelectMany(c => c.Key.EndsWith(".Fondements", StringComparison.Ordinal)
            ? c.Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => KeyValuePair.Create(c.Key, v))
            : [c]);

    [Fact]
    public async Task Un_marche_cree_avec_deux_lots_montre_833_h_et_leur_calcul_sur_la_page_du_lot()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var formulaire = Marche(s.Operation.Id);
        Lot(formulaire, 0, "Gros œuvre", "1 000 000");
        Lot(formulaire, 1, "Peinture", "500 000,00", methode: "F3", taux: "", part: "", cout: "", heuresF3: "300", fondements: ["ConditionExecution", "CritereAttribution"]);

        var reponse = await PosterAsync(client, formulaire);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var marche = await app.LireBaseAsync(db => db.Marches.Include(m => m.Lots).AsNoTracking().SingleAsync(m => m.StructureId == structure.Id));
        Assert.Equal($"/Marches/Details/{marche.Id}", reponse.Headers.Location!.OriginalString);
        Assert.Equal(150_000_000, marche.MontantHTCentimes);
        Assert.Equal(["Gros œuvre", "Peinture"], marche.Lots.Select(l => l.Libelle));
        Assert.Equal(Fondement.ConditionExecution | Fondement.CritereAttribution, marche.Lots[1].Fondements);
        Assert.Equal(Duree.Heures(300), marche.Lots[1].HeuresDues);

        var fiche = await client.PageAsync(reponse.Headers.Location.OriginalString);
        Assert.Equal("Marché 2026-015", fiche.QuerySelector("h1")!.TextContent);
        var lignes = fiche.QuerySelectorAll("section[aria-labelledby=titre-lots] tbody tr").Select(tr => SituationsMarches.Espaces(tr.TextContent)).ToList();
        Assert.Contains("833 h", lignes[0], StringComparison.Ordinal);
        Assert.Contains("300 h", lignes[1], StringComparison.Ordinal);

        var lien = fiche.QuerySelector("section[aria-labelledby=titre-lots] tbody tr a")!.GetAttribute("href")!;
        var lot = await client.PageAsync(lien);
        Assert.Equal("Lot 1 — Gros œuvre", lot.QuerySelector("h1")!.TextContent);
        Assert.Equal("833 h", lot.Texte("#heures-dues"));
        Assert.Equal("1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h", lot.Texte("#calcul-heures-dues"));
        Assert.Contains("Condition d'exécution (L2112-2)", lot.Texte("dl.fiche"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_de_main_d_oeuvre_et_cout_horaire_saisis_pour_un_lot_entrent_dans_le_calcul()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var formulaire = Lot(Marche(s.Operation.Id, montant: "1000000"), 0, "Gros œuvre", "1000000", part: "40", cout: "25");

        Assert.Equal(HttpStatusCode.Redirect, (await PosterAsync(client, formulaire)).StatusCode);

        var lot = await app.LireBaseAsync(db => db.Lots.Include(l => l.Obligations).AsNoTracking().SingleAsync(l => l.StructureId == structure.Id));
        Assert.Equal(Duree.Heures(800), lot.HeuresDues);
        Assert.Equal(2_500, lot.CoutHoraireReferenceCentimes);
        Assert.Single(lot.Obligations);
    }

    [Fact]
    public async Task Un_marche_sans_lot_saisi_recoit_un_lot_unique_a_son_montant_et_a_ses_dates()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var formulaire = Marche(s.Operation.Id, montant: "80 000");
        // An empty row, as the form posts it.
        formulaire["Saisie.Lots[0].Libelle"] = "";
        formulaire["Saisie.Lots[0].MontantHT"] = " ";
        formulaire["Saisie.Lots[0].Methode"] = "";

        var reponse = await PosterAsync(client, formulaire);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var lot = await app.LireBaseAsync(db => db.Lots.AsNoTracking().SingleAsync(l => l.StructureId == structure.Id));
        Assert.Equal("Lot unique", lot.Libelle);
        Assert.Equal(1, lot.Numero);
        Assert.Equal(8_000_000, lot.MontantHTCentimes);
        Assert.Equal(new DateOnly(2026, 1, 1), lot.DebutExecution);
        Assert.Equal(new DateOnly(2026, 12, 31), lot.FinExecution);
        Assert.Equal(Fondement.Aucun, lot.Fondements);
        var page = await client.PageAsync($"/Lots/Details/{lot.Id}");
        Assert.Equal("Lot sans clause d'insertion : 0 h", page.Texte("#calcul-heures-dues"));
    }

    [Fact]
    public async Task Ajouter_un_lot_reaffiche_le_formulaire_avec_une_ligne_de_plus_sans_rien_perdre_ni_ecrire()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var creation = await client.PageAsync($"/Marches/Creer?operationId={s.Operation.Id}");
        Assert.Single(creation.QuerySelectorAll("fieldset legend"), l => l.TextContent.StartsWith("Lot ", StringComparison.Ordinal));
        Assert.Equal(s.Operation.Id.ToString(), ((AngleSharp.Html.Dom.IHtmlInputElement)creation.QuerySelector("input[name='Saisie.OperationId']")!).Value);
        Assert.Equal($"{s.Operation.Nom} ({s.Operation.Commune})", ((AngleSharp.Html.Dom.IHtmlInputElement)creation.QuerySelector("#Saisie_OperationId")!).Value);
        var formulaire = Lot(Marche(s.Operation.Id), 0, "Gros œuvre", "1 000 000");

        var reponse = await PosterAsync(client, formulaire, "/Marches/Creer?handler=AjouterLot");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal(["Le marché", "Lot 1", "Lot 2"], page.QuerySelectorAll("fieldset > legend").Select(l => l.FirstChild!.TextContent.Trim())
            .Where(t => t != "Fondements de la clause"));
        Assert.Equal("Gros œuvre", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Saisie_Lots_0__Libelle")!).Value);
        Assert.Equal("2026-015", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Saisie_Numero")!).Value);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Saisie_Lots_0__Fondements_ConditionExecution")!).IsChecked);
        Assert.NotNull(page.QuerySelector("#Saisie_Lots_1__MontantHT"));
        Assert.Equal(0, await app.CompterMarchesAsync(structure.Id));

        Lot(formulaire, 1, "Peinture", "500 000");
        var retrait = await PosterAsync(client, formulaire, "/Marches/Creer?handler=RetirerLot&index=0");
        var apresRetrait = await AcheteursDeTest.DocumentAsync(retrait);
        Assert.Equal("Peinture", ((AngleSharp.Html.Dom.IHtmlInputElement)apresRetrait.QuerySelector("#Saisie_Lots_0__Libelle")!).Value);
        Assert.Null(apresRetrait.QuerySelector("#Saisie_Lots_1__Libelle"));
    }

    public static TheoryData<string, string, string> Refus => new()
    {
        // Field changed (see Formulaire below), error key, French message.
        { "montant-marche-zero", "Saisie.MontantHT", "Le montant HT doit être supérieur à 0." },
        { "montant-marche-negatif", "Saisie.MontantHT", "Le champ « Montant HT » doit être un montant en euros écrit en chiffres, avec au plus 2 décimales (exemple : 12 500,50)." },
        { "montant-lot-zero", "Saisie.Lots[1].MontantHT", "Lot 2 — Montant HT : Le montant HT doit être supérieur à 0." },
        { "montant-lot-lettres", "Saisie.Lots[1].MontantHT", "Lot 2 — Montant HT : la valeur saisie doit être un montant en euros écrit en chiffres, avec au plus 2 décimales (exemple : 12 500,50)." },
        { "taux-150", "Saisie.Lots[0].TauxInsertion", "Lot 1 — Taux d'insertion : Le taux d'insertion doit être compris entre 0 et 100 %." },
        { "taux-lettres", "Saisie.Lots[0].TauxInsertion", "Lot 1 — Taux d'insertion : la valeur saisie doit être un pourcentage écrit en chiffres, avec au plus 2 décimales (exemple : 5 ou 12,5)." },
        { "taux-manquant", "Saisie.Lots[0].TauxInsertion", "Lot 1 — Taux d'insertion : Le taux d'insertion est obligatoire pour la méthode F1." },
        { "dates-lot-hors-marche", "Saisie.Lots[1].DebutExecution", "Lot 2 — Début d'exécution : Le début d'exécution du lot doit être compris dans la période d'exécution du marché." },
        { "fin-lot-hors-marche", "Saisie.Lots[1].FinExecution", "Lot 2 — Fin d'exécution : La fin d'exécution du lot doit être comprise dans la période d'exécution du marché." },
        { "siae-et-ea", "Saisie.Lots[0].Fondements", "Lot 1 — Fondements de la clause : Un lot ne peut pas être réservé à la fois aux SIAE et aux EA/ESAT." },
        { "libelle-trop-long", "Saisie.Lots[0].Libelle", "Lot 1 — Libellé : ne doit pas dépasser 200 caractères." },
        { "numero-trop-long", "Saisie.Numero", "Le champ « Numéro du marché » ne doit pas dépasser 50 caractères." },
        { "numero-lot-lettres", "Saisie.Lots[1].Numero", "Lot 2 — Numéro : la valeur saisie doit être un nombre entier écrit en chiffres (exemple : 3)." },
        { "dates-marche-inversees", "Saisie.FinExecution", "La date de fin doit être postérieure ou égale à la date de début." },
        { "fin-9999", "Saisie.FinExecution", "Le champ « Fin d'exécution » doit être une date comprise entre le 01/01/1900 et le 31/12/2100." },
        { "debut-1899", "Saisie.DebutExecution", "Le champ « Début d'exécution » doit être une date comprise entre le 01/01/1900 et le 31/12/2100." },
        { "notification-9999", "Saisie.DateNotification", "Le champ « Date de notification » doit être une date comprise entre le 01/01/1900 et le 31/12/2100." },
        { "fin-lot-9999", "Saisie.Lots[1].FinExecution", "Lot 2 — Le champ « Fin d'exécution du lot » doit être une date comprise entre le 01/01/1900 et le 31/12/2100." },
        { "sans-clause-avec-methode", "Saisie.Lots[0].Methode", "Lot 1 — Méthode de calcul : Un lot sans clause n'a pas de méthode de calcul des heures : choisissez « Aucune »." },
    };

    [Theory]
    [MemberData(nameof(Refus))]
    public async Task Saisie_invalide_refusee_en_nommant_le_lot_et_le_champ_sans_rien_ecrire(string cas, string cle, string message)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var formulaire = Marche(s.Operation.Id);
        Lot(formulaire, 0, "Gros œuvre", "1 000 000");
        Lot(formulaire, 1, "Peinture", "500 000");
        switch (cas)
        {
            case "montant-marche-zero": formulaire["Saisie.MontantHT"] = "0"; break;
            case "montant-marche-negatif": formulaire["Saisie.MontantHT"] = "-1 000"; break;
            case "montant-lot-zero": formulaire["Saisie.Lots[1].MontantHT"] = "0,00"; break;
            case "montant-lot-lettres": formulaire["Saisie.Lots[1].MontantHT"] = "500 000 euros"; break;
            case "taux-150": formulaire["Saisie.Lots[0].TauxInsertion"] = "150"; break;
            case "taux-lettres": formulaire["Saisie.Lots[0].TauxInsertion"] = "cinq"; break;
            case "taux-manquant": formulaire["Saisie.Lots[0].TauxInsertion"] = ""; break;
            case "dates-lot-hors-marche": formulaire["Saisie.Lots[1].DebutExecution"] = "2025-11-01"; break;
            case "fin-lot-hors-marche": formulaire["Saisie.Lots[1].FinExecution"] = "2027-01-31"; break;
            case "siae-et-ea": formulaire["Saisie.Lots[0].Fondements"] = "MarcheReserveSiae,MarcheReserveEaEsat"; break;
            case "libelle-trop-long": formulaire["Saisie.Lots[0].Libelle"] = new string('L', 201); break;
            case "numero-trop-long": formulaire["Saisie.Numero"] = new string('9', 51); break;
            case "numero-lot-lettres": formulaire["Saisie.Lots[1].Numero"] = "deux"; break;
            case "dates-marche-inversees": formulaire["Saisie.FinExecution"] = "2025-06-30"; break;
            case "fin-9999": formulaire["Saisie.FinExecution"] = "9999-12-31"; break;
            case "debut-1899": formulaire["Saisie.DebutExecution"] = "1899-12-31"; break;
            case "notification-9999": formulaire["Saisie.DateNotification"] = "9999-12-31"; break;
            case "fin-lot-9999": formulaire["Saisie.Lots[1].FinExecution"] = "9999-12-31"; break;
            default: formulaire["Saisie.Lots[0].Fondements"] = ""; break;
        }

        var reponse = await PosterAsync(client, formulaire);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal(message, page.Erreur(cle));
        Assert.Contains(message, SituationsMarches.Espaces(page.QuerySelector("#resume-erreurs")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(0, await app.CompterMarchesAsync(structure.Id));
        Assert.Equal(0, await app.CompterLotsAsync(structure.Id));
        // Everything typed is shown again.
        Assert.Equal("Peinture", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Saisie_Lots_1__Libelle")!).Value);
    }

    [Fact]
    public async Task Les_bornes_1900_01_01_et_2100_12_31_sont_acceptees_et_les_pages_du_marche_et_du_lot_repondent()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var formulaire = Marche(s.Operation.Id, debut: "1900-01-01", fin: "2100-12-31");
        formulaire["Saisie.DateNotification"] = "1900-01-01";

        var reponse = await PosterAsync(client, formulaire);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var marche = await app.LireBaseAsync(db => db.Marches.Include(m => m.Lots).AsNoTracking().SingleAsync(m => m.StructureId == structure.Id));
        Assert.Equal(new DateOnly(1900, 1, 1), marche.DebutExecution);
        Assert.Equal(new DateOnly(2100, 12, 31), marche.FinExecution);
        var lot = Assert.Single(marche.Lots);
        Assert.Equal(new DateOnly(2100, 12, 31), lot.FinExecution);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Marches/Details/{marche.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Lots/Details/{lot.Id}")).StatusCode);
    }

    [Fact]
    public async Task Un_numero_deja_pris_par_le_meme_donneur_d_ordre_est_refuse_mais_accepte_pour_un_autre()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        await app.SemerMarcheAsync(s, "2026-015");

        var doublon = await PosterAsync(client, Marche(s.Operation.Id, numero: "2026-015"));
        Assert.Equal(HttpStatusCode.OK, doublon.StatusCode);
        Assert.Equal("Un marché de ce donneur d'ordre porte déjà ce numéro.", (await AcheteursDeTest.DocumentAsync(doublon)).ErreurDuChamp("Saisie.Numero"));
        Assert.Equal(1, await app.CompterMarchesAsync(structure.Id));

        // The same number at another donneur d'ordre of the structure is accepted.
        var autreDonneur = await app.SemerDonneurAsync(structure.Id, "Tours Habitat", TypeDonneurOrdre.BailleurSocial);
        var autreOperation = Operation.Creer(autreDonneur, "Résidence Europe", "Tours", null, null,
            ProgrammeRenouvellement.Aucun, false, null, null);
        await app.EcrireAsync(db => db.Operations.Add(autreOperation));
        Assert.Equal(HttpStatusCode.Redirect, (await PosterAsync(client, Marche(autreOperation.Id, numero: "2026-015"))).StatusCode);
        Assert.Equal(2, await app.CompterMarchesAsync(structure.Id));
    }

    [Fact]
    public async Task Operation_d_une_autre_structure_est_refusee_a_la_creation()
    {
        var ailleurs = await app.SemerOperationAsync((await app.CreerStructureAsync()).Id);
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await PosterAsync(client, Lot(Marche(ailleurs.Operation.Id), 0, "Gros œuvre", "1 000 000"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("Choisissez une opération dans la liste.", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.OperationId"));
        Assert.Equal(0, await app.CompterMarchesAsync(structure.Id));
        Assert.Equal(0, await app.CompterMarchesAsync(ailleurs.StructureId));
    }

    [Fact]
    public async Task Modifier_change_le_marche_mais_refuse_de_laisser_un_lot_hors_de_ses_dates()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var marche = await app.SemerMarcheAsync(s, "2026-020");
        var formulaire = await client.PageAsync($"/Marches/Modifier/{marche.Id}");
        Assert.Equal("1000000", ((AngleSharp.Html.Dom.IHtmlInputElement)formulaire.QuerySelector("#Saisie_MontantHT")!).Value);
        var champs = Marche(s.Operation.Id, numero: "2026-020-A", montant: "1 200 000");
        champs.Remove("Saisie.OperationId");
        champs.Remove("Saisie.Type");

        var reponse = await FabriqueClause.PosterAsync(client, $"/Marches/Modifier/{marche.Id}", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var relu = await app.LireBaseAsync(db => db.Marches.AsNoTracking().SingleAsync(m => m.Id == marche.Id));
        Assert.Equal("2026-020-A", relu.Numero);
        Assert.Equal(120_000_000, relu.MontantHTCentimes);
        Assert.Contains("2026-020 → 2026-020-A", (await client.PageAsync($"/Marches/Details/{marche.Id}")).Texte("section.historique"), StringComparison.Ordinal);

        champs["Saisie.DebutExecution"] = "2026-03-01";
        var raccourci = await FabriqueClause.PosterAsync(client, $"/Marches/Modifier/{marche.Id}", champs);
        Assert.Equal("Les dates d'exécution des lots doivent rester comprises dans celles du marché.",
            (await AcheteursDeTest.DocumentAsync(raccourci)).ErreurDuChamp("Saisie.DebutExecution"));
        Assert.Equal(new DateOnly(2026, 1, 1), await app.LireBaseAsync(db => db.Marches.Where(m => m.Id == marche.Id).Select(m => m.DebutExecution).SingleAsync()));
    }

    [Fact]
    public async Task Liste_recherche_filtre_et_pagine_cote_serveur()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        for (var i = 1; i <= 21; i++)
            await app.SemerMarcheAsync(s, $"2026-{i:000}", i == 4 ? TypeMarche.AccordCadreBonsCommande : TypeMarche.Ordinaire);

        var page1 = await client.PageAsync("/Marches");
        Assert.Equal(20, page1.PremiereColonne().Count);
        Assert.Equal("2026-001", page1.PremiereColonne()[0]);
        var page2 = await client.PageAsync(page1.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(["2026-021"], page2.PremiereColonne());
        Assert.Equal(["2026-004"], (await client.PageAsync("/Marches?type=AccordCadreBonsCommande")).PremiereColonne());
        Assert.Equal(["2026-012"], (await client.PageAsync("/Marches?q=012")).PremiereColonne());
        Assert.Single((await client.PageAsync("/Marches?q=Tanneurs&numero=2")).PremiereColonne());
        Assert.Equal("2026-021", (await client.PageAsync($"/Marches?operation={s.Operation.Id}&tri=numero&ordre=desc")).PremiereColonne()[0]);
        Assert.Empty((await client.PageAsync($"/Marches?donneur={Guid.NewGuid()}")).PremiereColonne());
    }

    [Fact]
    public async Task Marche_d_une_autre_structure_repond_404_en_lecture_et_en_ecriture()
    {
        var ailleurs = await app.SemerOperationAsync((await app.CreerStructureAsync()).Id);
        var etranger = await app.SemerMarcheAsync(ailleurs, "2026-099");
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var mien = await app.SemerMarcheAsync(s);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Marches/Details/{etranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Marches/Modifier/{etranger.Id}")).StatusCode);
        var champs = Marche(s.Operation.Id, numero: "PIRATE");
        var modification = await FabriqueClause.PosterAsync(client, $"/Marches/Modifier/{etranger.Id}", champs, $"/Marches/Modifier/{mien.Id}");
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        Assert.Equal("2026-099", await app.LireBaseAsync(db => db.Marches.IgnoreQueryFilters().Where(m => m.Id == etranger.Id).Select(m => m.Numero).SingleAsync()));
        Assert.DoesNotContain("2026-099", (await client.PageAsync("/Marches")).PremiereColonne());
    }

    [Fact]
    public async Task Direction_lit_les_marches_mais_ne_peut_ni_creer_ni_modifier()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var s = await app.SemerOperationAsync(structure.Id);
        var marche = await app.SemerMarcheAsync(s);

        Assert.Contains("2026-001", (await client.PageAsync("/Marches")).PremiereColonne());
        Assert.Null((await client.PageAsync($"/Marches/Details/{marche.Id}")).QuerySelector($"a[href='/Marches/Modifier/{marche.Id}']"));
        foreach (var url in new[] { "/Marches/Creer", $"/Marches/Modifier/{marche.Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        var creation = await FabriqueClause.PosterAsync(client, "/Marches/Creer", Marche(s.Operation.Id, numero: "2026-777"), "/Marches");
        Assert.StartsWith("/Compte/AccesRefuse", creation.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, await app.CompterMarchesAsync(structure.Id));
    }
}
