using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>The buyers of the structure: search, filter by type, sortable columns, server-side paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public const string TriRaisonSociale = "raison";
    public const string TriType = "type";
    public const string TriCommune = "commune";
    public const string TriContacts = "contacts";

    public static readonly IReadOnlyList<(string Cle, string Libelle)> ColonnesTriables =
    [
        (TriRaisonSociale, "Raison sociale"),
        (TriType, "Type"),
        (TriCommune, "Commune"),
        (TriContacts, "Contacts"),
    ];

    /// <summary>Text searched in the raison sociale, the SIRET and the commune.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public TypeDonneurOrdre? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Tri { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordre")]
    public string? Ordre { get; set; }

    // "page" is a reserved route value in Razor Pages: the page number is "numero".
    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    public PageDe<LigneDonneurOrdre> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    private bool Decroissant => string.Equals(Ordre, "desc", StringComparison.Ordinal);

    private string TriEffectif => ColonnesTriables.Any(c => c.Cle == Tri) ? Tri! : TriRaisonSociale;

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var requete = db.DonneursOrdre.AsNoTracking().Where(d => d.StructureId == structureId);

        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var motif = $"%{EchapperLike(Recherche.Trim())}%";
            // A SIRET is stored without spaces but often typed with them ("356 000 000 49837").
            var motifSiret = $"%{EchapperLike(Recherche.Replace(" ", string.Empty, StringComparison.Ordinal))}%";
            requete = requete.Where(d => EF.Functions.Like(d.RaisonSociale, motif, "\\")
                || EF.Functions.Like(d.Commune!, motif, "\\")
                || EF.Functions.Like(d.Siret!, motifSiret, "\\"));
        }
        if (Type is { } type) requete = requete.Where(d => d.Type == type);

        var triee = (TriEffectif, Decroissant) switch
        {
            (TriType, false) => requete.OrderBy(d => d.Type).ThenBy(d => d.RaisonSociale),
            (TriType, true) => requete.OrderByDescending(d => d.Type).ThenBy(d => d.RaisonSociale),
            (TriCommune, false) => requete.OrderBy(d => d.Commune).ThenBy(d => d.RaisonSociale),
            (TriCommune, true) => requete.OrderByDescending(d => d.Commune).ThenBy(d => d.RaisonSociale),
            (TriContacts, false) => requete.OrderBy(d => d.Contacts.Count).ThenBy(d => d.RaisonSociale),
            (TriContacts, true) => requete.OrderByDescending(d => d.Contacts.Count).ThenBy(d => d.RaisonSociale),
            (_, true) => requete.OrderByDescending(d => d.RaisonSociale),
            _ => requete.OrderBy(d => d.RaisonSociale),
        };
        Resultats = await triee.ThenBy(d => d.Id)
            .Select(d => new LigneDonneurOrdre(d.Id, d.RaisonSociale, d.Type, d.Siret, d.Commune, d.Contacts.Count))
            .PaginerAsync(Numero, annulation: annulation);
    }

    /// <summary>The list's address with the current search, filter and sort, changing only what is given.</summary>
    public string Lien(int? numero = null, string? tri = null, string? ordre = null)
    {
        var parametres = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Recherche)) parametres["q"] = Recherche.Trim();
        if (Type is { } type) parametres["type"] = type.ToString();
        var triLien = tri ?? Tri;
        if (!string.IsNullOrEmpty(triLien)) parametres["tri"] = triLien;
        var ordreLien = ordre ?? Ordre;
        if (!string.IsNullOrEmpty(ordreLien)) parametres["ordre"] = ordreLien;
        var page = numero ?? 1;
        if (page > 1) parametres["numero"] = page.ToString(Affichage.Fr);
        return QueryHelpers.AddQueryString("/DonneursOrdre", parametres);
    }

    /// <summary>What a sortable column header shows: its link, its aria-sort and a text (not colour) cue.</summary>
    public EnTeteTri EnTete(string cle, string libelle)
    {
        var active = TriEffectif == cle;
        var prochainDecroissant = active && !Decroissant;
        var lien = Lien(tri: cle, ordre: prochainDecroissant ? "desc" : "asc");
        var aide = $"trier par {libelle.ToLower(Affichage.Fr)}, ordre {(prochainDecroissant ? "décroissant" : "croissant")}";
        return active
            ? new EnTeteTri(lien, Decroissant ? "descending" : "ascending", Decroissant ? " ▼" : " ▲", $"(trié par ordre {(Decroissant ? "décroissant" : "croissant")}, activer pour {aide})")
            : new EnTeteTri(lien, null, string.Empty, $"({aide})");
    }

    private static string EchapperLike(string texte) =>
        texte.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

public sealed record LigneDonneurOrdre(Guid Id, string RaisonSociale, TypeDonneurOrdre Type, string? Siret, string? Commune, int NombreContacts);

public sealed record EnTeteTri(string Lien, string? AriaSort, string Symbole, string Aide);
