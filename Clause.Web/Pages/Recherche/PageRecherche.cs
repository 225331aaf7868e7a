using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Clause.Web.Pages.Recherche;

/// <summary>
/// A search page of the combobox (<see cref="ComboboxTagHelper"/>). <c>?handler=Json&amp;terme=…&amp;filtre=…&amp;numero=…</c>
/// answers the combobox's script: at most <see cref="SourceRecherche.Taille"/> rows, a total, the page read (a number
/// below 1 or beyond the last is brought back, a term cut at 100 characters, wildcards escaped). Without JavaScript,
/// the field's « Chercher » button sends its whole form here by GET: the page lists the matches, each with a
/// « Choisir » button that goes back to the form's address with every other value of the form kept and the chosen id
/// in the field (<see cref="ContexteRecherche"/>).
/// </summary>
public abstract class PageRecherche(ClauseDbContext db, SourceRecherche source) : PageModel
{
    /// <summary>Query keys of this page; every other key of the query is a value of the form, kept for the way back.</summary>
    private static readonly HashSet<string> ClesPropres = new(StringComparer.OrdinalIgnoreCase)
        { "terme", "numero", "filtre", "handler", ContexteRecherche.Cle, "__RequestVerificationToken" };

    [BindProperty(SupportsGet = true, Name = "terme")]
    public string? Terme { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "filtre")]
    public string? Filtre { get; set; }

    public SourceRecherche Source => source;

    /// <summary>The form the user came from (no-JavaScript path); null when the page is opened on its own.</summary>
    public ContexteRecherche? Contexte { get; private set; }

    /// <summary>The form's other values, to send back unchanged.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Valeurs { get; private set; } = [];

    public PageDe<ResultatRecherche> Resultats { get; private set; } = new([], 0, 1, SourceRecherche.Taille);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Contexte = ContexteRecherche.Lire(Request.Query[ContexteRecherche.Cle], Url);
        if (Contexte is not null)
        {
            // A filter given by another field of the form (its value is among the form's values), else the field's own.
            Filtre ??= Contexte.FiltreChamp is { } filtreChamp ? Request.Query[filtreChamp].ToString() : Contexte.Filtre;
            // Arriving from the form: the term is what was typed in the field.
            Terme ??= Request.Query[Contexte.Champ + ComboboxTagHelper.SuffixeTexte].ToString();
            Valeurs = Request.Query
                .Where(p => !ClesPropres.Contains(p.Key) && p.Key != Contexte.Champ && !p.Key.EndsWith(ComboboxTagHelper.SuffixeTexte, StringComparison.Ordinal))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))
                .ToList();
        }
        Resultats = await source.ChercherAsync(db, User, Terme, Filtre, Numero, annulation);
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken annulation)
    {
        var page = await source.ChercherAsync(db, User, Terme, Filtre, Numero, annulation);
        return new JsonResult(new ReponseRecherche(page.Elements, page.Numero, page.NombrePages, page.Total));
    }

    /// <summary>This page's address for another page of results or another term, keeping the form's context and values.</summary>
    public string Lien(int numero)
    {
        var parametres = new List<KeyValuePair<string, StringValues>>(Valeurs.Select(v => new KeyValuePair<string, StringValues>(v.Key, v.Value)))
        {
            new("terme", Terme ?? string.Empty),
            new("numero", numero.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(Filtre)) parametres.Add(new("filtre", Filtre));
        if (Contexte is not null) parametres.Add(new(ContexteRecherche.Cle, Contexte.Valeur));
        return QueryHelpers.AddQueryString(source.Page, parametres);
    }

    /// <summary>The form's address with its values, without a choice (« revenir sans choisir »).</summary>
    public string LienRetour() => Contexte is null ? "/" : QueryHelpers.AddQueryString(Contexte.Retour,
        Valeurs.Select(v => new KeyValuePair<string, StringValues>(v.Key, v.Value)));
}

/// <summary>The combobox's JSON: one page of results.</summary>
public sealed record ReponseRecherche(IReadOnlyList<ResultatRecherche> Elements, int Numero, int NombrePages, int Total);

/// <summary>
/// Which field of which form sent the user to a search page (no-JavaScript path): the value of the field's « Chercher »
/// button, <c>champ=…&amp;retour=…&amp;filtre=…</c>. Only a local address is accepted as the way back (no open redirect).
/// </summary>
public sealed record ContexteRecherche(string Champ, string Retour, string? Filtre, string? FiltreChamp = null)
{
    /// <summary>The name of the « Chercher » button, sent only when that button is pressed.</summary>
    public const string Cle = "recherche";

    public string Valeur => QueryHelpers.AddQueryString(string.Empty,
        new Dictionary<string, string?> { ["champ"] = Champ, ["retour"] = Retour, ["filtre"] = Filtre, ["filtre-champ"] = FiltreChamp }.Where(p => p.Value is not null))
        .TrimStart('?');

    public static ContexteRecherche? Lire(string? valeur, IUrlHelper url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(valeur) || valeur.Length > 2000) return null;
        var parties = QueryHelpers.ParseQuery(valeur);
        var champ = parties.TryGetValue("champ", out var c) ? c.ToString() : string.Empty;
        var retour = parties.TryGetValue("retour", out var r) ? r.ToString() : string.Empty;
        if (champ.Length is 0 or > 200 || !url.IsLocalUrl(retour) || retour.Contains('?', StringComparison.Ordinal)) return null;
        var filtre = parties.TryGetValue("filtre", out var f) && f.ToString().Length > 0 ? f.ToString() : null;
        var filtreChamp = parties.TryGetValue("filtre-champ", out var fc) && fc.ToString().Length is > 0 and <= 200 ? fc.ToString() : null;
        return new ContexteRecherche(champ, retour, filtre, filtreChamp);
    }
}
