using System.Net;
using System.Text.RegularExpressions;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Bilans;

/// <summary>
/// Issue 10 item 9 « one truth », on the demo: for each lot the home page lists, the query (<see cref="RequetesBilans"/>,
/// the lot's execution to date), the lot page, the home page and the bilan page show the same hours realised, pending and
/// the same rate. Each output is one entry of <see cref="Sources"/>. Then, for the demo buyer's whole scope over 2025–2026,
/// the Excel file read back, the printable page, the buyer portal and the API against the query (hours due, realised,
/// cumul, pending, both rates). Also the bilan pages' answers to bad input (400, French messages) and to another
/// structure's scope (404).
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed partial class UneSeuleVeriteTests(Clause.Tests.Web.FabriqueDeveloppement app) : IClassFixture<Clause.Tests.Web.FabriqueDeveloppement>
{
    /// <summary>The figures compared, as each output prints them (French formats of the domain's types).</summary>
    public sealed record Chiffres(string Realisees, string EnAttente, string Taux);

    /// <summary>Every output of a lot's figures: its name → how to read them on the demo for a lot.</summary>
    private static Dictionary<string, Func<HttpClient, LotId, Task<Chiffres?>>> Sources() => new()
    {
        ["page du lot"] = async (client, lot) =>
        {
            var page = await client.PageAsync($"/Lots/Details/{lot}");
            return new Chiffres(Premier(page.Texte("#bilan-realisees")), page.Texte("#bilan-en-attente").Trim(), page.Texte("#bilan-taux").Trim());
        },
        ["page du bilan"] = async (client, lot) =>
        {
            var page = await client.PageAsync($"/Bilans/Details?perimetre=lot&id={lot}");
            return new Chiffres(Premier(page.Texte("#b-cumul")), page.Texte("#b-en-attente").Trim(), page.Texte("#b-taux").Trim());
        },
        ["accueil"] = async (client, lot) =>
        {
            var page = await client.PageAsync("/");
            var ligne = page.QuerySelectorAll("tr").FirstOrDefault(tr => tr.QuerySelector($"a[href='/Lots/Details/{lot}']") is not null);
            if (ligne is null) return null;
            var cellules = ligne.QuerySelectorAll("td").Select(td => SituationsMarches.Espaces(td.TextContent).Trim()).ToList();
            // « réalisées / dues » then the rate; the home page does not show the pending hours of a lot.
            return new Chiffres(cellules[2].Split(" / ")[0], null!, cellules[3]);
        },
    };

    [Fact]
    public async Task La_requete_la_page_du_lot_l_accueil_et_le_bilan_donnent_les_memes_chiffres()
    {
        var facilitateur = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Facilitateur);
        var client = await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse);
        var accueil = await client.PageAsync("/");
        var lots = accueil.QuerySelectorAll("a[href^='/Lots/Details/']").Select(a => a.GetAttribute("href")!["/Lots/Details/".Length..])
            .Distinct().Take(5).Select(id => LotId.De(Guid.Parse(id))).ToList();
        Assert.NotEmpty(lots);
        var structureId = await app.LireBaseAsync(db => db.Structures.Where(s => s.Nom == "PLIE Loire Vallée").Select(s => s.Id).SingleAsync());
        var comparees = 0;
        foreach (var lot in lots)
        {
            var bilan = await app.LireEnTantQueAsync(structureId, async db =>
            {
                var requetes = new RequetesBilans(db, new RequetesHeures(db, app.Horloge));
                var perimetre = new PerimetreBilan(Perimetre.Lot, lot.Valeur);
                return await requetes.BilanAsync(perimetre, await requetes.PeriodeParDefautAsync(perimetre, RequetesHeures.MoisEnCours(app.Horloge)));
            });
            Assert.NotNull(bilan);
            var attendu = new Chiffres(SituationsMarches.Espaces(bilan.Cumul.ToString()), SituationsMarches.Espaces(bilan.EnAttente.ToString()), bilan.TauxRealisation?.ToString() ?? "—");
            foreach (var (nom, lire) in Sources())
            {
                var lu = await lire(client, lot);
                Assert.NotNull(lu);
                Assert.True(attendu.Realisees == lu.Realisees, $"{nom}, lot {lot} : réalisées {lu.Realisees} au lieu de {attendu.Realisees}");
                Assert.True(attendu.Taux == lu.Taux, $"{nom}, lot {lot} : taux {lu.Taux} au lieu de {attendu.Taux}");
                if (lu.EnAttente is not null)
                    Assert.True(attendu.EnAttente == lu.EnAttente, $"{nom}, lot {lot} : en attente {lu.EnAttente} au lieu de {attendu.EnAttente}");
                comparees++;
            }
        }
        Assert.True(comparees >= 3);
    }

    /// <summary>The figures of a bilan compared across outputs, each as the output gives them (text, Excel number, JSON number).</summary>
    private sealed record Figures(object Dues, object Realisees, object Cumul, object EnAttente, object? Taux, object? TauxPlafonne);

    [Fact]
    public async Task Pour_un_meme_perimetre_et_une_meme_periode_l_excel_la_page_imprimable_le_portail_et_l_api_donnent_les_chiffres_de_la_requete()
    {
        var compte = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.DonneurOrdre);
        var facilitateur = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Facilitateur);
        var personnel = await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse);
        var acheteur = await app.ConnecterAsync(compte.Email, compte.MotDePasse);
        var utilisateur = await app.LireBaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == compte.Email));
        var api = app.ClientApi(await app.CreerJetonAsync(utilisateur));
        var structureId = utilisateur.StructureId!.Value;
        var perimetre = new PerimetreBilan(Perimetre.DonneurOrdre, utilisateur.DonneurOrdreId!.Value.Valeur);
        var bilan = await app.LireEnTantQueAsync(structureId, async db =>
        {
            var requetes = new RequetesBilans(db, new RequetesHeures(db, app.Horloge));
            return await requetes.BilanAsync(perimetre, PeriodeBilan.Lire("2025-01", "2026-12"));
        });
        Assert.NotNull(bilan);
        Assert.True(bilan.CumulMinutes > 0 && bilan.HeuresDuesMinutes > 0);
        var adresse = $"perimetre=donneurOrdre&id={perimetre.Id}&du=2025-01&au=2026-12";

        static Figures Page(AngleSharp.Html.Dom.IHtmlDocument page) => new(Premier(page.Texte("#b-dues")), Premier(page.Texte("#b-realisees")),
            Premier(page.Texte("#b-cumul")), Premier(page.Texte("#b-en-attente")), SituationsMarches.Espaces(page.Texte("#b-taux")).Trim(),
            Premier(SituationsMarches.Espaces(page.Texte("#b-taux-plafonne")) + " ", @"[^(]+%"));
        var texte = new Figures(Espace(bilan.HeuresDues), Espace(bilan.Realisees), Espace(bilan.Cumul), Espace(bilan.EnAttente),
            bilan.TauxRealisation?.ToString() ?? "—", bilan.TauxRealisationPlafonne?.ToString() ?? "—");
        Assert.Equal(texte, Page(await personnel.PageAsync($"/Bilans/Details?{adresse}")));
        Assert.Equal(texte, Page(await acheteur.PageAsync($"/Acheteur/Bilan?{adresse}")));

        using var excel = await acheteur.GetAsync($"/Acheteur/Bilan?handler=Excel&{adresse}");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var paquet = new OfficeOpenXml.ExcelPackage(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var synthese = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleSynthese];
        object? Valeur(string libelle) => Enumerable.Range(1, synthese.Dimension.End.Row)
            .Where(r => synthese.Cells[r, 1].Text == libelle).Select(r => synthese.Cells[r, 2].Value).Single();
        static decimal? Nombre(object? valeur) => valeur is null ? null : Math.Round(Convert.ToDecimal(valeur, System.Globalization.CultureInfo.InvariantCulture), 4);
        static decimal? Ratio(Taux? taux) => taux is { } t ? t.PointsDeBase / (decimal)Taux.Cent : null;
        Assert.Equal(new Figures(bilan.HeuresDues.EnHeures, bilan.Realisees.EnHeures, bilan.Cumul.EnHeures, bilan.EnAttente.EnHeures,
                Ratio(bilan.TauxRealisation), Ratio(bilan.TauxRealisationPlafonne)),
            new Figures(Nombre(Valeur("Heures dues"))!, Nombre(Valeur("Heures réalisées sur la période"))!,
                Nombre(Valeur("Heures réalisées cumulées (depuis le début d'exécution)"))!, Nombre(Valeur("Heures en attente de validation"))!,
                Nombre(Valeur("Taux de réalisation")), Nombre(Valeur("Taux de réalisation plafonné"))));

        using var reponse = await api.GetAsync($"/api/v1/bilans?{adresse}");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement;
        static decimal Heures(long minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
        static decimal? RatioApi(long numerateur, long denominateur) => denominateur <= 0 ? null : Math.Round((decimal)numerateur / denominateur, 4, MidpointRounding.AwayFromZero);
        decimal? Lu(string champ) => json.GetProperty(champ).ValueKind == System.Text.Json.JsonValueKind.Null ? null : json.GetProperty(champ).GetDecimal();
        Assert.Equal(new Figures(Heures(bilan.HeuresDuesMinutes), Heures(bilan.RealiseesMinutes), Heures(bilan.CumulMinutes), Heures(bilan.EnAttenteMinutes),
                RatioApi(bilan.CumulAuTauxMinutes, bilan.HeuresDuesMinutes), RatioApi(bilan.CumulPlafonneMinutes, bilan.HeuresDuesMinutes)),
            new Figures(Lu("heuresDues")!, Lu("heuresRealisees")!, Lu("heuresRealiseesCumul")!, Lu("heuresEnAttente")!, Lu("tauxRealisation"), Lu("tauxRealisationPlafonne")));
        // The API's ratio (4 decimals) and the pages' rate (0,1 %) are the same figure at their own precision.
        Assert.True(Math.Abs(Lu("tauxRealisation")!.Value - Ratio(bilan.TauxRealisation)!.Value) <= 0.0005m,
            $"API {Lu("tauxRealisation")} ; pages {bilan.TauxRealisation} ({bilan.CumulAuTauxMinutes} / {bilan.HeuresDuesMinutes})");
    }

    private static string Espace(Duree duree) => SituationsMarches.Espaces(duree.ToString());

    [Fact]
    public async Task Une_saisie_invalide_est_refusee_en_francais_et_un_perimetre_inconnu_donne_404()
    {
        var facilitateur = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Facilitateur);
        var client = await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse);

        var reponse = await client.GetAsync("/Bilans/Details?perimetre=chantier&du=2026-13&au=2026-01");
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var texte = SituationsMarches.Espaces(await reponse.Content.ReadAsStringAsync());
        Assert.Contains("Le périmètre (perimetre) est inconnu", texte, StringComparison.Ordinal);
        Assert.Contains("Le mois de début (du) doit être au format aaaa-mm", texte, StringComparison.Ordinal);

        reponse = await client.GetAsync("/Bilans/Details?perimetre=structure&du=2026-06&au=2026-01");
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("Le mois de début (du) doit précéder ou égaler le mois de fin (au).", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Bilans/Details?perimetre=lot&id={Guid.NewGuid()}")).StatusCode);
        var autre = await app.CreerStructureAsync("Structure voisine des bilans");
        var lotAutre = await app.SemerLotAsync(autre.Id, enExecution: true);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Bilans/Details?perimetre=lot&id={lotAutre.Lot.Id}")).StatusCode);

        var page = await client.PageAsync("/Bilans/Details?perimetre=structure&du=2026-01&au=2026-03");
        Assert.NotNull(page.QuerySelector("svg[role='img'] title"));
        Assert.Equal(3, page.QuerySelectorAll("section[aria-labelledby='bilan-mensuel'] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("button[data-imprimer]"));
    }

    private static string Premier(string texte) => Heures().Match(texte).Value;

    private static string Premier(string texte, string motif) => Regex.Match(texte, motif).Value.Trim();

    [GeneratedRegex(@"[\d ]+,\d\d h")]
    private static partial Regex Heures();
}
