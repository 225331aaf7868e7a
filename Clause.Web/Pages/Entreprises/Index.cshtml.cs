using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>Companies of the structure: search by name or SIRET, filter by employer type, sort, server-side paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public const int LongueurRechercheMax = 100;

    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true)]
    public TypeEmployeur? Type { get; set; }

    /// <summary>Sort key: nom, siret, type, commune; a "-" prefix sorts descending.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Tri { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int NumeroPage { get; set; } = 1;

    public PageDe<LigneEntreprise> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var requete = db.Entreprises.AsNoTracking();

        var terme = Recherche?.Trim();
        if (!string.IsNullOrEmpty(terme))
        {
            if (terme.Length > LongueurRechercheMax) terme = terme[..LongueurRechercheMax];
            var motif = $"%{Echapper(terme)}%";
            // A SIRET is often typed with spaces ("732 829 320 00074"): digits are compared without them.
            var chiffres = new string(terme.Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (chiffres.Length > 0 && chiffres.All(char.IsAsciiDigit))
            {
                var motifSiret = $"%{chiffres}%";
                requete = requete.Where(e => EF.Functions.Like(e.RaisonSociale, motif, "\\") || EF.Functions.Like(e.Siret, motifSiret));
            }
            else
            {
                requete = requete.Where(e => EF.Functions.Like(e.RaisonSociale, motif, "\\"));
            }
        }
        if (Type is { } type) requete = requete.Where(e => e.TypeEmployeur == type);

        requete = Tri switch
        {
            "-nom" => requete.OrderByDescending(e => e.RaisonSociale).ThenBy(e => e.Id),
            "siret" => requete.OrderBy(e => e.Siret),
            "-siret" => requete.OrderByDescending(e => e.Siret),
            "type" => requete.OrderBy(e => e.TypeEmployeur).ThenBy(e => e.RaisonSociale).ThenBy(e => e.Id),
            "-type" => requete.OrderByDescending(e => e.TypeEmployeur).ThenBy(e => e.RaisonSociale).ThenBy(e => e.Id),
            "commune" => requete.OrderBy(e => e.Commune).ThenBy(e => e.RaisonSociale).ThenBy(e => e.Id),
            "-commune" => requete.OrderByDescending(e => e.Commune).ThenBy(e => e.RaisonSociale).ThenBy(e => e.Id),
            _ => requete.OrderBy(e => e.RaisonSociale).ThenBy(e => e.Id),
        };

        Resultats = await requete
            .Select(e => new LigneEntreprise(e.Id, e.RaisonSociale, e.Siret, e.TypeEmployeur, e.CodeNaf, e.Commune, e.Contacts.Count))
            .PaginerAsync(NumeroPage, annulation: annulation);
    }

    /// <summary>The link of this list with one parameter changed (filters are kept).</summary>
    public string Lien(int? page = null, string? tri = null)
    {
        var parametres = new Dictionary<string, string?>
        {
            ["Recherche"] = string.IsNullOrWhiteSpace(Recherche) ? null : Recherche,
            ["Type"] = Type?.ToString(),
            ["Tri"] = tri ?? Tri,
            ["numero"] = page is > 1 ? page.Value.ToString(Affichage.Fr) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Entreprises",
            parametres.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }

    /// <summary>A sortable column header: the link toggles the direction; aria-sort tells the current one.</summary>
    public (string Lien, string? AriaSort) Colonne(string cle)
    {
        var actuel = string.IsNullOrEmpty(Tri) ? "nom" : Tri;
        if (actuel == cle) return (Lien(tri: "-" + cle), "ascending");
        if (actuel == "-" + cle) return (Lien(tri: cle), "descending");
        return (Lien(tri: cle), null);
    }

    private static string Echapper(string terme) =>
        terme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

public sealed record LigneEntreprise(Guid Id, string RaisonSociale, string Siret, TypeEmployeur Type, string? CodeNaf, string? Commune, int NombreContacts)
{
    public string SiretAffiche => Clause.Domain.Commun.Siret.TryParse(Siret, out var s) ? s.ToString() : Siret;
}
