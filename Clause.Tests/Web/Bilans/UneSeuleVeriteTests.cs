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
/// the same rate. Each output is one entry of <see cref="Sources"/>: the Excel file, the API and the buyer portal join the
/// comparison by adding theirs. Also the bilan pages' answers to bad input (400, French messages) and to another
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

    [GeneratedRegex(@"[\d ]+,\d\d h")]
    private static partial Regex Heures();
}
