using Clause.Domain.Operations;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>The structure's opérations: search by name or commune, filters, sortable columns, server-side paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public const string TriNom = "nom";
    public const string TriDonneur = "donneur";
    public const string TriCommune = "commune";
    public const string TriStatut = "statut";
    public const string TriMarches = "marches";

    /// <summary>Filter value: ANRU or NPNRU (any renewal programme).</summary>
    public const string ProgrammeRenouvellementUrbain = "ru";

    public static readonly IReadOnlyList<(string Cle, string Libelle)> ColonnesTriables =
    [
        (TriNom, "Nom"),
        (TriDonneur, "Donneur d'ordre"),
        (TriCommune, "Commune"),
        (TriStatut, "Statut"),
        (TriMarches, "Marchés"),
    ];

    /// <summary>Text searched in the name and the commune.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "donneur")]
    public Guid? DonneurOrdreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public StatutOperation? Statut { get; set; }

    /// <summary>"ru" (ANRU or NPNRU), a <see cref="ProgrammeRenouvellement"/> code, or empty.</summary>
    [BindProperty(SupportsGet = true, Name = "programme")]
    public string? Programme { get; set; }

    /// <summary>"oui", "non" or empty.</summary>
    [BindProperty(SupportsGet = true, Name = "qpv")]
    public string? Qpv { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Tri { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordre")]
    public string? Ordre { get; set; }

    // "page" is a reserved route value in Razor Pages: the page number is "numero".
    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    public PageDe<LigneOperation> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public IReadOnlyList<SelectListItem> Donneurs { get; private set; } = [];

    public TriColonnes Colonnes => new(ColonnesTriables, TriNom, Tri, Ordre);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        Donneurs = await ListesOperations.DonneursAsync(db, DonneurOrdreId, annulation);
        var operations = db.Operations.AsNoTracking().Where(o => o.StructureId == structureId);

        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var motif = RechercheTexte.Contient(Recherche);
            operations = operations.Where(o => EF.Functions.Like(o.Nom, motif, RechercheTexte.Echappement)
                || EF.Functions.Like(o.Commune, motif, RechercheTexte.Echappement));
        }
        if (DonneurOrdreId is { } donneurId) operations = operations.Where(o => o.DonneurOrdreId == donneurId);
        if (Statut is { } statut) operations = operations.Where(o => o.Statut == statut);
        if (Programme == ProgrammeRenouvellementUrbain) operations = operations.Where(o => o.Programme != ProgrammeRenouvellement.Aucun);
        else if (Enum.TryParse<ProgrammeRenouvellement>(Programme, out var programme) && Enum.IsDefined(programme))
            operations = operations.Where(o => o.Programme == programme);
        if (Qpv == "oui") operations = operations.Where(o => o.EnQpv);
        else if (Qpv == "non") operations = operations.Where(o => !o.EnQpv);

        var lignes = from o in operations
                     join d in db.DonneursOrdre on o.DonneurOrdreId equals d.Id
                     select new
                     {
                         o.Id,
                         o.Nom,
                         o.Commune,
                         o.Statut,
                         o.Programme,
                         o.EnQpv,
                         o.CodeQpv,
                         Donneur = d.RaisonSociale,
                         // Statuses are stored as codes: sort them in pipeline order, not alphabetically.
                         Rang = o.Statut == StatutOperation.Reperee ? 0 : o.Statut == StatutOperation.Validee ? 1
                             : o.Statut == StatutOperation.EnConsultation ? 2 : o.Statut == StatutOperation.EnExecution ? 3 : 4,
                         Marches = db.Marches.Count(m => m.OperationId == o.Id),
                     };
        var colonnes = Colonnes;
        var desc = colonnes.Decroissant;
        var triees = colonnes.Effectif switch
        {
            TriDonneur => desc ? lignes.OrderByDescending(l => l.Donneur) : lignes.OrderBy(l => l.Donneur),
            TriCommune => desc ? lignes.OrderByDescending(l => l.Commune) : lignes.OrderBy(l => l.Commune),
            TriStatut => desc ? lignes.OrderByDescending(l => l.Rang) : lignes.OrderBy(l => l.Rang),
            TriMarches => desc ? lignes.OrderByDescending(l => l.Marches) : lignes.OrderBy(l => l.Marches),
            _ => desc ? lignes.OrderByDescending(l => l.Nom) : lignes.OrderBy(l => l.Nom),
        };
        Resultats = await triees.ThenBy(l => l.Nom).ThenBy(l => l.Id)
            .Select(l => new LigneOperation(l.Id, l.Nom, l.Donneur, l.Commune, l.Statut, l.Programme, l.EnQpv, l.CodeQpv, l.Marches))
            .PaginerAsync(Numero, annulation: annulation);
    }

    /// <summary>The list's address with the current search, filters and sort, changing only what is given.</summary>
    public string Lien(int? numero = null, string? tri = null, string? ordre = null)
    {
        var parametres = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Recherche)) parametres["q"] = Recherche.Trim();
        if (DonneurOrdreId is { } donneur) parametres["donneur"] = donneur.ToString();
        if (Statut is { } statut) parametres["statut"] = statut.ToString();
        if (!string.IsNullOrEmpty(Programme)) parametres["programme"] = Programme;
        if (!string.IsNullOrEmpty(Qpv)) parametres["qpv"] = Qpv;
        var triLien = tri ?? Tri;
        if (!string.IsNullOrEmpty(triLien)) parametres["tri"] = triLien;
        var ordreLien = ordre ?? Ordre;
        if (!string.IsNullOrEmpty(ordreLien)) parametres["ordre"] = ordreLien;
        if ((numero ?? 1) > 1) parametres["numero"] = numero!.Value.ToString(Affichage.Fr);
        return QueryHelpers.AddQueryString("/Operations", parametres);
    }

    public EnTeteColonne EnTete(string cle) => Colonnes.EnTete(cle, (t, o) => Lien(tri: t, ordre: o));
}

public sealed record LigneOperation(Guid Id, string Nom, string DonneurOrdre, string Commune, StatutOperation Statut,
    ProgrammeRenouvellement Programme, bool EnQpv, string? CodeQpv, int Marches);
