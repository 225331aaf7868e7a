using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Clause.Tests.Support;

/// <summary>
/// Crawls the site as one signed-in user: from a start page, every local link and every GET form (its text fields filled
/// with a search term, its lists with their first choice), breadth first, each address <em>shape</em> once (identifiers
/// and numbers normalised: one lot page stands for all lots, one sort link for each column). Every request is tagged in
/// the <see cref="CollecteSql"/> so the SQL it sent is known by address. Sign-out, static files and the API reference are
/// left out.
/// </summary>
public static partial class ExplorationSite
{
    private static readonly string[] Exclus = ["/Compte/Deconnexion", "/api/", "/css/", "/js/", "/lib/", "/favicon", "/Erreur"];

    /// <summary>The addresses requested, in order, with their status code.</summary>
    public static async Task<IReadOnlyList<(string Adresse, HttpStatusCode Statut)>> ParcourirAsync(HttpClient client, CollecteSql collecte,
        string depart = "/", int maximum = 400)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(collecte);
        var vus = new HashSet<string>(StringComparer.Ordinal);
        var file = new Queue<string>([depart]);
        var parcourus = new List<(string, HttpStatusCode)>();
        vus.Add(Forme(depart));
        var parseur = new HtmlParser();
        while (file.Count > 0 && parcourus.Count < maximum)
        {
            var adresse = file.Dequeue();
            collecte.Adresse = adresse;
            HttpResponseMessage reponse;
            try
            {
                reponse = await client.GetAsync(adresse);
            }
            finally
            {
                collecte.Adresse = null;
            }
            parcourus.Add((adresse, reponse.StatusCode));
            if (reponse.StatusCode != HttpStatusCode.OK || reponse.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = parseur.ParseDocument(await reponse.Content.ReadAsStringAsync());
            foreach (var suivante in Liens(document, adresse))
                if (vus.Add(Forme(suivante))) file.Enqueue(suivante);
        }
        return parcourus;
    }

    /// <summary>Requests exactly these addresses again (the query budget's second size), tagged the same way.</summary>
    public static async Task RedemanderAsync(HttpClient client, CollecteSql collecte, IEnumerable<string> adresses)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(collecte);
        ArgumentNullException.ThrowIfNull(adresses);
        foreach (var adresse in adresses)
        {
            collecte.Adresse = adresse;
            try
            {
                using var reponse = await client.GetAsync(adresse);
                Assert.True(reponse.StatusCode is HttpStatusCode.OK, $"{adresse} : {(int)reponse.StatusCode}");
            }
            finally
            {
                collecte.Adresse = null;
            }
        }
    }

    /// <summary>The shape of an address: identifiers, numbers and search terms replaced, the query's keys sorted.</summary>
    public static string Forme(string adresse)
    {
        ArgumentNullException.ThrowIfNull(adresse);
        var partie = adresse.Split('?', 2);
        var chemin = Nombre().Replace(Guid().Replace(partie[0], "{id}"), "{n}");
        if (partie.Length == 1) return chemin;
        var cles = partie[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => p[0] + "=" + (p.Length < 2 ? "" : p[0] is "tri" or "handler" ? p[1] : "{v}"))
            .Order(StringComparer.Ordinal);
        return chemin + "?" + string.Join("&", cles);
    }

    private static IEnumerable<string> Liens(IHtmlDocument document, string courante)
    {
        foreach (var lien in document.QuerySelectorAll("a[href]"))
            if (Locale(lien.GetAttribute("href"), courante) is { } adresse) yield return adresse;
        foreach (var formulaire in document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                     .Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var champs = new List<string>();
            foreach (var element in formulaire.Elements)
            {
                switch (element)
                {
                    case IHtmlInputElement { Type: "text" or "search" } texte when !string.IsNullOrEmpty(texte.Name):
                        champs.Add(texte.Name + "=de");
                        break;
                    case IHtmlInputElement { Type: "hidden" or "month" or "date" } cache when !string.IsNullOrEmpty(cache.Name) && !string.IsNullOrEmpty(cache.Value):
                        champs.Add(cache.Name + "=" + Uri.EscapeDataString(cache.Value));
                        break;
                    case IHtmlSelectElement liste when !string.IsNullOrEmpty(liste.Name):
                        var choix = liste.Options.FirstOrDefault(o => !string.IsNullOrEmpty(o.Value))?.Value;
                        if (choix is not null) champs.Add(liste.Name + "=" + Uri.EscapeDataString(choix));
                        break;
                }
            }
            var action = formulaire.GetAttribute("action");
            var cible = Locale(string.IsNullOrEmpty(action) ? courante.Split('?')[0] : action, courante);
            if (cible is not null) yield return cible.Split('?')[0] + (champs.Count > 0 ? "?" + string.Join("&", champs) : "");
        }
    }

    private static string? Locale(string? href, string courante)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') || href.StartsWith("//", StringComparison.Ordinal)) return null;
        if (!Uri.TryCreate(new Uri("http://localhost" + courante), href, out var uri) || uri.Host != "localhost") return null;
        var adresse = uri.PathAndQuery;
        if (Exclus.Any(e => adresse.StartsWith(e, StringComparison.OrdinalIgnoreCase))) return null;
        if (Path.HasExtension(uri.AbsolutePath)) return null;
        return adresse;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"(?<=/)\d[\d-]*(?=/|$)")]
    private static partial Regex Nombre();
}
