using System.Net;
using Clause.Domain.Commun;
using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Clause.Tests.Web.Bilans;

/// <summary>
/// The buyer portal on the demo (issue 10 items 3 and 4), signed in as the demo buyer: its own opérations and lots only
/// (another buyer's are absent from the HTML), « &lt; 5 » where the small-cell rule hides a count, never a participant's
/// name; the bilan's Excel file (<c>/Acheteur/Bilan?handler=Excel</c>) — masked like the page, named by scope and period —
/// and the same 404 as the page for another buyer's or another structure's scope.
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed class PortailAcheteurTests(Clause.Tests.Web.FabriqueDeveloppement app) : IClassFixture<Clause.Tests.Web.FabriqueDeveloppement>
{
    private const string Periode = "&du=2025-01&au=2026-12";

    private sealed record Demo(HttpClient Client, Guid Acheteur, List<(Guid Id, string Nom)> SesOperations, List<Guid> SesLots,
        List<(Guid Id, string Nom)> AutresOperations, List<Guid> AutresLots, List<string> Participants);

    private async Task<Demo> DemoAsync()
    {
        var compte = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.DonneurOrdre);
        var client = await app.ConnecterAsync(compte.Email, compte.MotDePasse);
        return await app.LireBaseAsync(async db =>
        {
            var acheteur = await db.Users.Where(u => u.Email == compte.Email).Select(u => u.DonneurOrdreId).SingleAsync();
            var operations = await db.Operations.Select(o => new { o.Id, o.Nom, o.DonneurOrdreId }).ToListAsync();
            var marches = await db.Marches.Select(m => new { m.Id, m.DonneurOrdreId }).ToListAsync();
            var lots = await db.Lots.Select(l => new { l.Id, l.MarcheId }).ToListAsync();
            bool DeLAcheteur(MarcheId marche) => marches.Single(m => m.Id == marche).DonneurOrdreId == acheteur;
            var siens = operations.Where(o => o.DonneurOrdreId == acheteur).Select(o => (o.Id.Valeur, o.Nom)).ToList();
            var autres = operations.Where(o => o.DonneurOrdreId != acheteur && siens.All(s => s.Nom != o.Nom)).Select(o => (o.Id.Valeur, o.Nom)).ToList();
            var participants = (await db.Participants.Select(p => new { p.Prenom, p.Nom }).ToListAsync())
                .SelectMany(p => new[] { $"{p.Prenom} {p.Nom}", $"{p.Nom} {p.Prenom}" }).ToList();
            return new Demo(client, acheteur!.Value.Valeur, siens, lots.Where(l => DeLAcheteur(l.MarcheId)).Select(l => l.Id.Valeur).ToList(), autres,
                lots.Where(l => !DeLAcheteur(l.MarcheId)).Select(l => l.Id.Valeur).ToList(), participants);
        });
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        using var reponse = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task L_acheteur_ne_voit_que_ses_operations_et_ses_lots_et_jamais_le_nom_d_un_participant()
    {
        var d = await DemoAsync();
        Assert.NotEmpty(d.SesOperations);
        Assert.NotEmpty(d.AutresOperations);
        Assert.NotEmpty(d.Participants);

        var accueil = await HtmlAsync(d.Client, "/Acheteur");
        foreach (var (_, nom) in d.SesOperations) Assert.Contains(nom, accueil, StringComparison.Ordinal);
        foreach (var (id, nom) in d.AutresOperations)
        {
            Assert.DoesNotContain(nom, accueil, StringComparison.Ordinal);
            Assert.DoesNotContain(id.ToString(), accueil, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var lot in d.AutresLots) Assert.DoesNotContain(lot.ToString(), accueil, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(d.SesLots, lot => accueil.Contains($"id=\"lot-{lot}\"", StringComparison.OrdinalIgnoreCase));

        var pages = new List<string> { accueil, await HtmlAsync(d.Client, $"/Acheteur/Bilan?perimetre=donneurOrdre&id={d.Acheteur}{Periode}") };
        foreach (var (id, _) in d.SesOperations) pages.Add(await HtmlAsync(d.Client, $"/Acheteur/Bilan?perimetre=operation&id={id}{Periode}"));
        foreach (var page in pages)
            foreach (var nom in d.Participants)
                Assert.DoesNotContain(nom, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_bilan_de_l_acheteur_affiche_les_petits_effectifs_masques()
    {
        var d = await DemoAsync();
        var page = await d.Client.PageAsync($"/Acheteur/Bilan?perimetre=donneurOrdre&id={d.Acheteur}{Periode}");

        var cellules = page.QuerySelectorAll("td").Select(td => SituationsMarches.Espaces(td.TextContent).Trim()).ToList();
        Assert.Contains("< 5", cellules);
        Assert.NotNull(page.QuerySelector("a[href^='/Acheteur/Bilan?handler=Excel&']"));
    }

    [Fact]
    public async Task L_acheteur_telecharge_son_bilan_en_excel_masque_et_nomme_par_perimetre_et_periode()
    {
        var d = await DemoAsync();
        var page = await d.Client.PageAsync($"/Acheteur/Bilan?perimetre=donneurOrdre&id={d.Acheteur}{Periode}");
        var lien = page.QuerySelector("a[href^='/Acheteur/Bilan?handler=Excel&']");
        Assert.NotNull(lien);
        Assert.Equal("Télécharger le bilan (Excel)", lien.TextContent.Trim());

        using var reponse = await d.Client.GetAsync(lien.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        var nom = reponse.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.NotNull(nom);
        Assert.StartsWith("bilan-donneur-d-ordre-", nom, StringComparison.Ordinal);
        Assert.EndsWith("-2025-01-2026-12.xlsx", nom, StringComparison.Ordinal);

        using var paquet = new ExcelPackage(new MemoryStream(await reponse.Content.ReadAsByteArrayAsync()));
        var masquees = paquet.Workbook.Worksheets.Where(f => f.Dimension is not null).SelectMany(f => f.Cells[f.Dimension.Address])
            .Where(c => c.Value is string texte && texte == "< 5").ToList();
        Assert.NotEmpty(masquees);
    }

    [Fact]
    public async Task Le_bilan_et_son_excel_d_un_autre_acheteur_ou_d_une_autre_structure_sont_introuvables()
    {
        var d = await DemoAsync();
        var autreAcheteur = await app.LireBaseAsync(db => db.DonneursOrdre.Where(o => o.Id != DonneurOrdreId.De(d.Acheteur))
            .Select(o => o.Id).FirstAsync());
        var structure = await app.CreerStructureAsync("Structure voisine du portail acheteur");
        var lotVoisin = await app.SemerLotAsync(structure.Id, enExecution: true);
        string[] horsPerimetre =
        [
            $"perimetre=lot&id={d.AutresLots[0]}", $"perimetre=operation&id={d.AutresOperations[0].Id}", $"perimetre=donneurOrdre&id={autreAcheteur}",
            "perimetre=structure", $"perimetre=lot&id={lotVoisin.Lot.Id}", $"perimetre=lot&id={Guid.NewGuid()}",
        ];
        foreach (var portee in horsPerimetre)
        {
            foreach (var page in new[] { "/Acheteur/Bilan?", "/Acheteur/Bilan?handler=Excel&" })
            {
                using var reponse = await d.Client.GetAsync($"{page}{portee}{Periode}");
                Assert.True(reponse.StatusCode == HttpStatusCode.NotFound, $"{page}{portee} : {reponse.StatusCode}");
            }
        }
        using var propre = await d.Client.GetAsync($"/Acheteur/Bilan?handler=Excel&perimetre=lot&id={d.SesLots[0]}{Periode}");
        Assert.Equal(HttpStatusCode.OK, propre.StatusCode);

        using var malFormee = await d.Client.GetAsync($"/Acheteur/Bilan?handler=Excel&perimetre=lot&id={d.SesLots[0]}&du=2026-13&au=2026-01");
        Assert.Equal(HttpStatusCode.BadRequest, malFormee.StatusCode);
        Assert.Contains("Le mois de début (du) doit être au format aaaa-mm", WebUtility.HtmlDecode(await malFormee.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
