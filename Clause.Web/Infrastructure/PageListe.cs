using System.Globalization;
using System.Linq.Expressions;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>
/// The base of every list page (Index): the sort and page read from the address (<c>tri</c>, <c>ordre</c>,
/// <c>numero</c> — "page" is a reserved route value in Razor Pages), one call that sorts through the column whitelist
/// and pages in the database, and the list's links keeping the current filters. The page declares its address and
/// its filters; the <c>&lt;th tri="…"&gt;</c> and <c>&lt;pagination /&gt;</c> tag helpers read the rest from here.
/// <para>
/// The Excel export of a list (issue 15 item 2) is here too, once: <c>?handler=Excel</c> (<see cref="OnGetExcelAsync"/>,
/// <see cref="LienExcel"/>) replays the page's query with the same filters and sort, not paged, projected on the columns
/// the page declares (<see cref="ColonnesExcel{T}"/>) and read as a stream; a list that declares no export answers 404.
/// A GET handler of the page, it takes the page's read policy: who may not see the list may not export it.
/// </para>
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
        CancellationToken annulation) =>
        ListerAsync(Trier(requete, colonnes, departage, projection), annulation);

    /// <summary>The sorted and projected rows of <see cref="ListerAsync{TSource, TLigne}"/>, not paged: the list and its export share it.</summary>
    protected IQueryable<TLigne> Trier<TSource, TLigne>(IQueryable<TSource> requete, ColonnesTri<TSource> colonnes,
        Func<IOrderedQueryable<TSource>, IOrderedQueryable<TSource>> departage, Expression<Func<TSource, TLigne>> projection)
    {
        ArgumentNullException.ThrowIfNull(colonnes);
        ArgumentNullException.ThrowIfNull(departage);
        TriApplique = new EtatTri(colonnes.Effectif(Tri), Decroissant, colonnes.Libelle);
        return departage(colonnes.Trier(requete, Tri, Decroissant)).Select(projection);
    }

    /// <summary>The same when the sorted rows are the rows shown.</summary>
    protected IQueryable<T> Trier<T>(IQueryable<T> requete, ColonnesTri<T> colonnes, Func<IOrderedQueryable<T>, IOrderedQueryable<T>> departage) =>
        Trier(requete, colonnes, departage, ligne => ligne);

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

    /// <summary>
    /// The list's Excel export: its rows (the page's query, filtered and sorted as the list, not paged — <see cref="Trier{TSource, TLigne}"/>)
    /// and its columns (<see cref="Exporter{T}"/>); null, the default, when the list has none, or when the current filters
    /// may not be exported (the handler then answers 404).
    /// </summary>
    protected virtual Task<ExportListe?> ExportAsync(CancellationToken annulation) => Task.FromResult<ExportListe?>(null);

    /// <summary>
    /// An export of <paramref name="lignes"/> in <paramref name="colonnes"/>. <paramref name="donneesPersonnelles"/>: the
    /// file names people (participants, contrats, hours), so each export is written to the sensitive-data journal (DOMAIN.md §12).
    /// </summary>
    protected static ExportListe Exporter<T>(IQueryable<T> lignes, ColonnesExcel<T> colonnes, bool donneesPersonnelles)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        ArgumentNullException.ThrowIfNull(colonnes);
        return new ExportListe(colonnes.Titre, donneesPersonnelles,
            (sortie, structure, annulation) => ClasseurListe.EcrireAsync(lignes.AsAsyncEnumerable(), colonnes, sortie, structure, annulation));
    }

    /// <summary>
    /// <c>?handler=Excel</c>: the workbook of the list as filtered and sorted on the page, every row. It is written to a
    /// temporary file deleted when the response is sent (EPPlus holds the sheet in memory until it saves, never a second
    /// copy as bytes). An export with personal data (at least one row) is journalled with the list's name, its count of rows
    /// and the names of its filters — never their values (a search may be a person's name; the journal holds no personal data).
    /// </summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken annulation)
    {
        if (await ExportAsync(annulation) is not { } export) return NotFound();
        var services = HttpContext.RequestServices;
        var db = services.GetRequiredService<ClauseDbContext>();
        var horloge = services.GetRequiredService<TimeProvider>();
        var structureId = db.Contexte.StructureId;
        var structure = structureId is { } id
            ? await db.Structures.AsNoTracking().Where(s => s.Id == id).Select(s => s.Nom).FirstOrDefaultAsync(annulation)
            : null;

        var fichier = new FileStream(Path.Combine(Path.GetTempPath(), "clause-export-" + Path.GetRandomFileName()), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var lignes = await export.Ecrire(fichier, structure, annulation);
            // An empty file names no one: nothing to journal (so a filter naming another structure's lot changes nothing).
            if (export.DonneesPersonnelles && lignes > 0)
            {
                var filtres = Filtres().Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
                var quoi = $"Export Excel — {export.Titre} ({lignes.ToString("N0", Affichage.Fr)} ligne{(lignes > 1 ? "s" : "")}"
                    + (filtres.Count > 0 ? ", filtres : " + string.Join(", ", filtres) : "") + ")";
                await db.ConsignerExportAsync(structureId ?? throw new InvalidOperationException("Un export de données personnelles sans structure."),
                    quoi.Length <= JournalAccesDonneesSensibles.QuoiLongueurMax ? quoi : quoi[..JournalAccesDonneesSensibles.QuoiLongueurMax],
                    horloge.GetUtcNow(), annulation);
            }
            fichier.Position = 0;
            return File(fichier, ClasseurListe.TypeContenu, ClasseurListe.NomFichier(export.Titre, Affichage.Aujourdhui(horloge)));
        }
        catch
        {
            await fichier.DisposeAsync();
            throw;
        }
    }

    /// <summary>The address of the list's Excel export, with the current filters and sort (every row, so no page number).</summary>
    public string LienExcel() => QueryHelpers.AddQueryString(Lien(), "handler", "Excel");

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

/// <summary>
/// A list's Excel export as <see cref="PageListe.ExportAsync"/> declares it: its name, whether it names people, and how it
/// writes its workbook to a stream (returning its count of rows).
/// </summary>
public sealed record ExportListe(string Titre, bool DonneesPersonnelles, Func<Stream, string?, CancellationToken, Task<int>> Ecrire);
