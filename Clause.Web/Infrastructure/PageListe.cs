using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Clause.Web.Infrastructure;

/// <summary>
/// The base of every list page (Index): the sort and page read from the address (<c>tri</c>, <c>ordre</c>,
/// <c>numero</c> — "page" is a reserved route value in Razor Pages), one call that sorts through the column whitelist
/// and pages in the database, and the list's links keeping the current filters. The page declares its address and
/// its filters; the <c>&lt;th tri="…"&gt;</c> and <c>&lt;pagination /&gt;</c> tag helpers read the rest from here.
/// </summary>
public abstract class PageListe : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Tri { get; set; }

    /// <summary>"desc" for a descending sort; anything else is ascending.</summary>
    [BindProperty(SupportsGet = true, Name = "ordre")]
    public string? Ordre { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    public bool Decroissant => string.Equals(Ordre, "desc", StringComparison.Ordinal);

    /// <summary>The sort applied by ListerAsync; null on a list without sortable columns.</summary>
    public EtatTri? TriApplique { get; private set; }

    /// <summary>The page shown (after the bounds), its count of pages and the total, for the pagination.</summary>
    public (int Numero, int NombrePages, int Total) PageAffichee { get; private set; } = (1, 1, 0);

    /// <summary>The list's own address, e.g. "/DonneursOrdre".</summary>
    protected abstract string Adresse { get; }

    /// <summary>The current filters as address parameters, kept by every sort and page link (empty ones are dropped).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Filtres() => [];

    /// <summary>
    /// Sorts by the column the address names (whitelisted), then by <paramref name="departage"/> so pages are stable,
    /// projects each row with <paramref name="projection"/> (sorting happens before it: EF cannot sort on a record's
    /// constructor arguments) and reads one page.
    /// </summary>
    protected Task<PageDe<TLigne>> ListerAsync<TSource, TLigne>(IQueryable<TSource> requete, ColonnesTri<TSource> colonnes,
        Func<IOrderedQueryable<TSource>, IOrderedQueryable<TSource>> departage, Expression<Func<TSource, TLigne>> projection,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(colonnes);
        ArgumentNullException.ThrowIfNull(departage);
        TriApplique = new EtatTri(colonnes.Effectif(Tri), Decroissant, colonnes.Libelle);
        return ListerAsync(departage(colonnes.Trier(requete, Tri, Decroissant)).Select(projection), annulation);
    }

    /// <summary>The same when the sorted rows are the rows shown.</summary>
    protected Task<PageDe<T>> ListerAsync<T>(IQueryable<T> requete, ColonnesTri<T> colonnes,
        Func<IOrderedQueryable<T>, IOrderedQueryable<T>> departage, CancellationToken annulation) =>
        ListerAsync(requete, colonnes, departage, ligne => ligne, annulation);

    /// <summary>Reads one page of a list in a fixed order (no sortable column).</summary>
    protected Task<PageDe<T>> ListerAsync<T>(IQueryable<T> requete, CancellationToken annulation) =>
        ListerAsync(requete, Pagination.TailleParDefaut, annulation);

    /// <summary>The same with pages of <paramref name="taille"/> rows (a list of cards, shorter on a phone).</summary>
    protected async Task<PageDe<T>> ListerAsync<T>(IQueryable<T> requete, int taille, CancellationToken annulation)
    {
        var page = await requete.PaginerAsync(Numero, taille, annulation);
        PageAffichee = (page.Numero, page.NombrePages, page.Total);
        return page;
    }

    /// <summary>The list's address with the current filters and sort, changing only what is given (page 1 by default).</summary>
    public string Lien(int? numero = null, string? tri = null, string? ordre = null)
    {
        var parametres = Filtres().Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToList();
        var triLien = tri ?? Tri;
        if (!string.IsNullOrEmpty(triLien)) parametres.Add(new("tri", triLien));
        var ordreLien = ordre ?? Ordre;
        if (!string.IsNullOrEmpty(ordreLien)) parametres.Add(new("ordre", ordreLien));
        if (numero is > 1) parametres.Add(new("numero", numero.Value.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(Adresse, parametres);
    }
}
