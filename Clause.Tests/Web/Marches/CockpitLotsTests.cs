using System.Net;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Pages;

namespace Clause.Tests.Web.Marches;

/// <summary>
/// The lots' cockpit (/Lots, issue 15 item 1) on a fixed set, « today » 15/03/2026 (month checked: February, target line
/// read on 28/02/2026 = 833 h × 59 / 365 = 134,65 h): lot 2026-001 in execution without hours (behind schedule), lot
/// 2026-002 in execution with 200 h counted in January and a contrat (ahead), the lot of marché 2026-LONG « À notifier »
/// (2026 → 2029, 833 h: target 20,31 h) without attributaire nor contrat, of another donneur d'ordre and opération. Each filter, each sort, the tenant isolation and the
/// home page's link.
/// </summary>
public class CockpitLotsTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Jeu(HttpClient Client, LotDeTest EnRetard, LotDeTest EnAvance, Lot SansAttributaire, SituationsMarches AutreMarche);

    private async Task<Jeu> JeuAsync(string role = Roles.Facilitateur)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var a = await app.SemerLotAsync(structure.Id, enExecution: true, numero: "2026-001");
        var b = await app.SemerLotAsync(structure.Id, enExecution: true, marches: a.Marches, numero: "2026-002", titulaire: a.Titulaire);
        var participant = await app.SemerParticipantAsync(structure.Id);
        var contrat = await app.SemerContratAsync(b, participant);
        await app.SemerHeuresAsync(b, contrat, SituationsContrats.Facilitateur, (new Mois(2026, 1), 200));
        var autre = new SituationsMarches(structure.Id, AcheteursDeTest.NouveauSiret());
        var c = autre.UnMarcheLong(SituationsMarches.LotF1("Peinture"));
        await app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(autre.DonneurOrdre);
            db.Operations.Add(autre.Operation);
            db.Marches.Add(c.Marche);
        });
        return new Jeu(client, a, b, c, autre);
    }

    private static List<string> Marches(IHtmlDocument page) =>
        page.QuerySelectorAll("#cockpit-lots tbody tr").Select(tr => tr.QuerySelector("td .aide a")!.TextContent.Trim()).ToList();

    private static async Task<List<string>> ListeAsync(HttpClient client, string parametres) => Marches(await client.PageAsync("/Lots?" + parametres));

    [Fact]
    public async Task Le_tri_par_retard_montre_d_abord_le_lot_en_retard_avec_ses_heures_de_retard()
    {
        var jeu = await JeuAsync();

        var page = await jeu.Client.PageAsync("/Lots?tri=retard&ordre=desc");

        Assert.Equal(["2026-001", "2026-LONG", "2026-002"], Marches(page));
        var premiere = page.QuerySelectorAll("#cockpit-lots tbody tr")[0];
        // 833 h × 59 / 365 = 8 078,9 min → 8 079 min = 134,65 h behind, 0 realised.
        Assert.Equal("134,65 h", premiere.QuerySelector("td.retard")!.TextContent.Trim());
        Assert.NotNull(premiere.QuerySelector(".en-retard"));
        Assert.Equal("aucun", page.QuerySelectorAll("#cockpit-lots tbody tr")[2].QuerySelector("td.retard")!.TextContent.Trim());
        Assert.Null(page.QuerySelectorAll("#cockpit-lots tbody tr")[2].QuerySelector(".en-retard"));
        Assert.Equal(["2026-002", "2026-LONG", "2026-001"], await ListeAsync(jeu.Client, "tri=retard"));
    }

    [Fact]
    public async Task Le_cockpit_s_exporte_en_Excel_avec_ses_filtres_son_tri_et_le_retard_en_heures()
    {
        var jeu = await JeuAsync();

        var page = await jeu.Client.PageAsync("/Lots?statut=EnExecution&tri=retard&ordre=desc");
        var lien = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Exporter (Excel)").GetAttribute("href");
        Assert.Equal("/Lots?statut=EnExecution&tri=retard&ordre=desc&handler=Excel", lien);
        using var reponse = await jeu.Client.GetAsync(lien);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("lots-2026-03-15.xlsx", reponse.Content.Headers.ContentDisposition?.FileNameStar);
        using var paquet = new OfficeOpenXml.ExcelPackage(new MemoryStream(await reponse.Content.ReadAsByteArrayAsync()));
        var feuille = Assert.Single(paquet.Workbook.Worksheets);

        Assert.Equal(["N°", "Lot", "Marché", "Opération", "Donneur d'ordre", "Attributaire", "Statut", "Début d'exécution",
            "Fin d'exécution", "Heures dues", "Heures réalisées", "Heures en attente", "Taux de réalisation",
            "Retard sur la cible (h)", "Contrats"], Enumerable.Range(1, feuille.Dimension.End.Column).Select(c => feuille.Cells[1, c].Text));
        // The filter (in execution: not the lot « À notifier ») and the sort (most behind first) of the list.
        Assert.Equal(3, feuille.Dimension.End.Row);
        Assert.Equal(134.65m, Convert.ToDecimal(feuille.Cells[2, 14].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0m, Convert.ToDecimal(feuille.Cells[2, 11].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(200m, Convert.ToDecimal(feuille.Cells[3, 11].Value, System.Globalization.CultureInfo.InvariantCulture));
        // 200 h / 833 h = 24 % (the rate rule of Comptage), a number in the bilans' percentage format.
        Assert.Equal(0.24m, Convert.ToDecimal(feuille.Cells[3, 13].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Clause.Infrastructure.Bilans.ClasseurBilan.FormatTaux, feuille.Cells[3, 13].Style.Numberformat.Format);
        Assert.True(Convert.ToDecimal(feuille.Cells[3, 14].Value, System.Globalization.CultureInfo.InvariantCulture) < 0);
    }

    [Fact]
    public async Task Le_tri_par_taux_par_fin_et_par_heures_dues_ordonne_dans_la_base()
    {
        var jeu = await JeuAsync();

        // 200 h / 833 h = 24 % for 2026-002, 0 % for the others (tie broken by the marché's number).
        Assert.Equal(["2026-002", "2026-001", "2026-LONG"], await ListeAsync(jeu.Client, "tri=taux&ordre=desc"));
        var taux = (await jeu.Client.PageAsync("/Lots?tri=taux&ordre=desc")).QuerySelectorAll("#cockpit-lots tbody tr")[0].TextContent;
        Assert.Contains("24 %", SituationsMarches.Espaces(taux), StringComparison.Ordinal);
        Assert.Equal(["2026-001", "2026-002", "2026-LONG"], await ListeAsync(jeu.Client, "tri=fin"));
        Assert.Equal(["2026-LONG", "2026-001", "2026-002"], await ListeAsync(jeu.Client, "tri=fin&ordre=desc"));
        Assert.Equal(["2026-LONG", "2026-002", "2026-001"], await ListeAsync(jeu.Client, "tri=lot&ordre=desc"));
        Assert.Equal(["2026-001", "2026-002", "2026-LONG"], await ListeAsync(jeu.Client, "tri=dues&ordre=desc"));
        // A column outside the whitelist: the default sort (the lot).
        Assert.Equal(["2026-001", "2026-002", "2026-LONG"], await ListeAsync(jeu.Client, "tri=Libelle"));
    }

    [Fact]
    public async Task Chaque_filtre_retient_les_bons_lots()
    {
        var jeu = await JeuAsync();

        Assert.Equal(["2026-001", "2026-002"], await ListeAsync(jeu.Client, "statut=EnExecution"));
        Assert.Equal(["2026-LONG"], await ListeAsync(jeu.Client, "statut=ANotifier"));
        Assert.Equal(["2026-LONG"], await ListeAsync(jeu.Client, $"donneur={jeu.AutreMarche.DonneurOrdre.Id}"));
        Assert.Equal(["2026-001", "2026-002"], await ListeAsync(jeu.Client, $"donneur={jeu.EnRetard.Marches.DonneurOrdre.Id}"));
        Assert.Equal(["2026-LONG"], await ListeAsync(jeu.Client, $"operation={jeu.AutreMarche.Operation.Id}"));
        Assert.Equal(["2026-001", "2026-002"], await ListeAsync(jeu.Client, $"attributaire={jeu.EnRetard.Titulaire.Id}"));
        Assert.Equal(["2026-LONG"], await ListeAsync(jeu.Client, "sansAttributaire=true"));
        Assert.Equal(["2026-001", "2026-LONG"], await ListeAsync(jeu.Client, "sansContrat=true"));
        Assert.Equal(["2026-001"], await ListeAsync(jeu.Client, "enRetard=true"));
        // 2026-001 and 2026-002 end on 31/12/2026, 291 days after 15/03/2026; 2026-LONG in 2029.
        Assert.Equal(["2026-001", "2026-002"], await ListeAsync(jeu.Client, "finDans=291"));
        Assert.Empty(await ListeAsync(jeu.Client, "finDans=290"));
        Assert.Equal(["2026-001"], await ListeAsync(jeu.Client, "statut=EnExecution&sansContrat=true"));
    }

    [Fact]
    public async Task Un_nombre_de_jours_hors_bornes_est_une_erreur_du_champ_et_le_filtre_est_ignore()
    {
        var jeu = await JeuAsync();

        var page = await jeu.Client.PageAsync("/Lots?finDans=0");

        Assert.Contains("Se terminant dans (jours)", page.Texte("#finDans-erreur"), StringComparison.Ordinal);
        Assert.Equal(3, Marches(page).Count);
    }

    [Fact]
    public async Task Les_liens_de_tri_et_de_pagination_gardent_les_filtres()
    {
        var jeu = await JeuAsync();

        var page = await jeu.Client.PageAsync("/Lots?statut=EnExecution&sansContrat=true");

        var lienTri = page.QuerySelectorAll("#cockpit-lots th a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("tri=retard", StringComparison.Ordinal));
        Assert.Contains("statut=EnExecution", lienTri, StringComparison.Ordinal);
        Assert.Contains("sansContrat=true", lienTri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_lots_d_une_autre_structure_n_apparaissent_pas()
    {
        var jeu = await JeuAsync();
        var (autreClient, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var page = await autreClient.PageAsync("/Lots");
        Assert.Empty(Marches(page));
        Assert.Equal("Aucun lot ne correspond.", page.Texte("#nombre-lots"));
        // Another structure's ids in the filters find nothing either.
        Assert.Empty(await ListeAsync(autreClient, $"attributaire={jeu.EnRetard.Titulaire.Id}"));
        Assert.Empty(await ListeAsync(autreClient, $"donneur={jeu.AutreMarche.DonneurOrdre.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await autreClient.GetAsync($"/Lots/Details/{jeu.EnRetard.Lot.Id}")).StatusCode);
    }

    [Fact]
    public async Task L_accueil_du_facilitateur_renvoie_au_cockpit_filtre_sur_les_lots_en_execution()
    {
        var jeu = await JeuAsync();

        var accueil = await jeu.Client.PageAsync("/");
        var lien = accueil.QuerySelector("#lien-cockpit-execution")!.GetAttribute("href")!;

        Assert.Equal(TableauDeBord.LienCockpitEnExecution, lien);
        Assert.Equal(["2026-001", "2026-002"], Marches(await jeu.Client.PageAsync(lien)));
        Assert.Contains(accueil.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Lots");
    }

    [Fact]
    public async Task La_direction_lit_le_cockpit()
    {
        var jeu = await JeuAsync(Roles.Direction);

        Assert.Equal(["2026-001", "2026-002", "2026-LONG"], await ListeAsync(jeu.Client, string.Empty));
    }

    [Fact]
    public async Task Les_pages_du_marche_et_de_l_operation_montrent_les_heures_realisees_et_le_taux()
    {
        var jeu = await JeuAsync();

        var marche = await jeu.Client.PageAsync($"/Marches/Details/{jeu.EnAvance.Lot.MarcheId}");
        // Marché 2026-002 holds lot 2026-002 alone: 200 h of 833 h. The opération holds 2026-001 and 2026-002: 200 h of 1 666 h.
        Assert.Contains("200,00 h réalisées sur 833 h dues", marche.Texte("#heures-realisees"), StringComparison.Ordinal);
        Assert.Equal("24 %", marche.Texte("#taux-realisation"));
        var operation = await jeu.Client.PageAsync($"/Operations/Details/{jeu.EnRetard.Marches.Operation.Id}");
        Assert.Contains("200,00 h réalisées sur 1 666 h dues", operation.Texte("#heures-realisees"), StringComparison.Ordinal);
        Assert.Equal("12 %", operation.Texte("#taux-realisation"));
    }
}
