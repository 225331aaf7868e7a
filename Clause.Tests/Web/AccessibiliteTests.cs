using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;

namespace Clause.Tests.Web;

/// <summary>
/// Walks the app as each demo staff user (demo data, Development) following the links of the pages, and checks
/// every page answers 200 and follows the RGAA basics: lang="fr", a title, exactly one h1, a label for every
/// field, a caption or an accessible name on every data table, no positive tabindex — and the design system's button
/// hierarchy (<see cref="HierarchieBoutons"/>: one primary per form, destructive actions in danger).
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public class AccessibiliteTests(FabriqueDeveloppement app) : IClassFixture<FabriqueDeveloppement>
{
    private const int PagesMax = 80;

    [Theory]
    [InlineData("facilitateur@clause.demo")]
    [InlineData("direction@clause.demo")]
    [InlineData("referent@clause.demo")]
    [InlineData("admin@clause.demo")]
    public Task Chaque_page_atteinte_repond_et_respecte_les_bases_du_RGAA(string email) => ParcourirAsync(email, "/");

    /// <summary>The company account: « / » sends it to its portal, where the walk starts.</summary>
    [Fact]
    public Task Chaque_page_du_portail_entreprise_repond_et_respecte_les_bases_du_RGAA() => ParcourirAsync("entreprise@clause.demo", "/Portail", 1);

    /// <summary>The buyer account: « / » sends it to its portal (its lots and their bilans, aggregates only).</summary>
    [Fact]
    public Task Chaque_page_du_portail_acheteur_repond_et_respecte_les_bases_du_RGAA() => ParcourirAsync("acheteur@clause.demo", "/Acheteur", 1);

    /// <summary>
    /// The access export (issue 16 item 11), reached as a user would — the list, a participant's page, its « Exporter ses
    /// données » link — checked on its own whatever the walk's page limit, with its JSON download served as an attachment.
    /// </summary>
    [Theory]
    [InlineData("facilitateur@clause.demo")]
    [InlineData("direction@clause.demo")]
    public async Task La_page_du_droit_d_acces_respecte_les_bases_du_RGAA(string email)
    {
        var client = await app.ConnecterAsync(email, SemeurDemo.MotDePasse);
        var parseur = new HtmlParser();
        async Task<IHtmlDocument> PageAsync(string url)
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
            return await parseur.ParseDocumentAsync(await reponse.Content.ReadAsStringAsync());
        }
        string Lien(IHtmlDocument page, string debut) =>
            page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith(debut, StringComparison.Ordinal));

        var fiche = await PageAsync(Lien(await PageAsync("/Participants"), "/Participants/Details/"));
        var export = await PageAsync(Lien(fiche, "/Participants/DroitsPersonne/Acces/"));

        Assert.Empty(Verifier(export));
        var json = await client.GetAsync(Lien(export, "/Participants/DroitsPersonne/Acces/"));
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
    }

    private async Task ParcourirAsync(string email, string depart, int minimum = 4)
    {
        var client = await app.ConnecterAsync(email, SemeurDemo.MotDePasse);
        var aVisiter = new Queue<string>([depart]);
        var vues = new HashSet<string>(StringComparer.Ordinal);
        var gabarits = new HashSet<string>(StringComparer.Ordinal);
        var defauts = new List<string>();
        var parseur = new HtmlParser();

        while (aVisiter.Count > 0 && vues.Count < PagesMax)
        {
            var url = aVisiter.Dequeue();
            if (!vues.Add(url)) continue;
            var reponse = await client.GetAsync(url);
            if (reponse.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found) continue;
            if (reponse.StatusCode != HttpStatusCode.OK)
            {
                defauts.Add($"{url} : statut {(int)reponse.StatusCode}");
                continue;
            }
            // A file (a proof, a template) is not a page: it must come as an attachment, and is not parsed.
            if (reponse.Content.Headers.ContentType?.MediaType != "text/html")
            {
                if (reponse.Content.Headers.ContentDisposition?.DispositionType != "attachment")
                    defauts.Add($"{url} : {reponse.Content.Headers.ContentType?.MediaType} servi sans « Content-Disposition: attachment »");
                continue;
            }
            var document = await parseur.ParseDocumentAsync(await reponse.Content.ReadAsStringAsync());
            defauts.AddRange(Verifier(document).Select(d => $"{url} : {d}"));

            foreach (var lien in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // The API (/api/v1, its reference included) is not a page of the app: only its own tests judge it.
                if (!lien.StartsWith('/') || lien.StartsWith("//", StringComparison.Ordinal) || lien.Contains("Deconnexion", StringComparison.Ordinal)
                    || lien.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) continue;
                // One visit per page template and id shape: /X/Details/{guid} once, whatever the guid or query.
                var chemin = lien.Split('?', '#')[0];
                var gabarit = System.Text.RegularExpressions.Regex.Replace(chemin, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
                if (gabarits.Add(gabarit + (lien.Contains('?', StringComparison.Ordinal) ? "?" : string.Empty))) aVisiter.Enqueue(lien);
            }
        }
        Assert.True(vues.Count >= minimum, $"Trop peu de pages visitées ({vues.Count}).");
        Assert.True(defauts.Count == 0, string.Join(Environment.NewLine, defauts));
    }

    internal static IEnumerable<string> Verifier(IHtmlDocument document)
    {
        if (document.DocumentElement.GetAttribute("lang") != "fr") yield return "html sans lang=\"fr\"";
        if (string.IsNullOrWhiteSpace(document.Title)) yield return "pas de titre";
        var h1 = document.QuerySelectorAll("h1").Length;
        if (h1 != 1) yield return $"{h1} titres h1";
        foreach (var champ in document.QuerySelectorAll("input, select, textarea"))
        {
            var type = champ.GetAttribute("type") ?? string.Empty;
            if (type is "hidden" or "submit" or "button" or "image" or "reset") continue;
            var id = champ.Id;
            var etiquete = (!string.IsNullOrEmpty(id) && document.QuerySelector($"label[for=\"{id}\"]") is not null)
                || champ.Closest("label") is not null
                || champ.HasAttribute("aria-label") || champ.HasAttribute("aria-labelledby") || champ.HasAttribute("title");
            if (!etiquete) yield return $"champ sans étiquette : {champ.OuterHtml[..Math.Min(120, champ.OuterHtml.Length)]}";
        }
        foreach (var tableau in document.QuerySelectorAll("table"))
            if (tableau.QuerySelector("caption") is null && !tableau.HasAttribute("aria-label") && !tableau.HasAttribute("aria-labelledby"))
                yield return "tableau sans titre (caption)";
        foreach (var element in document.QuerySelectorAll("[tabindex]"))
            if (int.TryParse(element.GetAttribute("tabindex"), out var index) && index > 0)
                yield return "tabindex positif";
        foreach (var image in document.QuerySelectorAll("img:not([alt])"))
            yield return "image sans alt";
        foreach (var defaut in HierarchieBoutons.Defauts(document))
            yield return defaut;
    }
}
