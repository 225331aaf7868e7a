using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Operations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>The structure's marchés: search by number or object, filters (opération, donneur d'ordre, type), sort, paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public const string TriNumero = "numero";
    public const string TriOperation = "operation";
    public const string TriDonneur = "donneur";
    public const string TriMontant = "montant";
    public const string TriHeures = "heures";

    public static readonly IReadOnlyList<(string Cle, string Libelle)> ColonnesTriables =
    [
        (TriNumero, "Numéro"),
        (TriOperation, "Opération"),
        (TriDonneur, "Donneur d'ordre"),
        (TriMontant, "Montant HT"),
        (TriHeures, "Heures dues"),
    ];

    /// <summary>Text searched in the number and the object.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "operation")]
    public Guid? OperationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "donneur")]
    public Guid? DonneurOrdreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public TypeMarche? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Tri { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordre")]
    public string? Ordre { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    public PageDe<LigneMarche> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public IReadOnlyList<SelectListItem> Operations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Donneurs { get; private set; } = [];

    public TriColonnes Colonnes => new(ColonnesTriables, TriNumero, Tri, Ordre);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        Operations = await ListesMarches.OperationsAsync(db, OperationId, avecCloses: true, annulation);
        Donneurs = await ListesOperations.DonneursAsync(db, DonneurOrdreId, annulation);
        var marches = db.Marches.AsNoTracking().Where(m => m.StructureId == structureId);
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var motif = RechercheTexte.Contient(Recherche);
            marches = marches.Where(m => EF.Functions.Like(m.Numero, motif, RechercheTexte.Echappement)
                || EF.Functions.Like(m.Objet, motif, RechercheTexte.Echappement));
        }
        if (OperationId is { } operationId) marches = marches.Where(m => m.OperationId == operationId);
        if (DonneurOrdreId is { } donneurId) marches = marches.Where(m => m.DonneurOrdreId == donneurId);
        if (Type is { } type) marches = marches.Where(m => m.Type == type);

        var lignes = from m in marches
                     join o in db.Operations on m.OperationId equals o.Id
                     join d in db.DonneursOrdre on m.DonneurOrdreId equals d.Id
                     select new
                     {
                         m.Id,
                         m.Numero,
                         m.Objet,
                         m.Type,
                         m.MontantHTCentimes,
                         m.OperationId,
                         Operation = o.Nom,
                         Donneur = d.RaisonSociale,
                         Lots = db.Lots.Count(l => l.MarcheId == m.Id),
                         Heures = db.Lots.Where(l => l.MarcheId == m.Id).Sum(l => l.HeuresDuesMinutes),
                     };
        var colonnes = Colonnes;
        var desc = colonnes.Decroissant;
        var triees = colonnes.Effectif switch
        {
            TriOperation => desc ? lignes.OrderByDescending(l => l.Operation) : lignes.OrderBy(l => l.Operation),
            TriDonneur => desc ? lignes.OrderByDescending(l => l.Donneur) : lignes.OrderBy(l => l.Donneur),
            TriMontant => desc ? lignes.OrderByDescending(l => l.MontantHTCentimes) : lignes.OrderBy(l => l.MontantHTCentimes),
            TriHeures => desc ? lignes.OrderByDescending(l => l.Heures) : lignes.OrderBy(l => l.Heures),
            _ => desc ? lignes.OrderByDescending(l => l.Numero) : lignes.OrderBy(l => l.Numero),
        };
        Resultats = await triees.ThenBy(l => l.Numero).ThenBy(l => l.Id)
            .Select(l => new LigneMarche(l.Id, l.Numero, l.Objet, l.Type, l.MontantHTCentimes, l.OperationId, l.Operation, l.Donneur, l.Lots, l.Heures))
            .PaginerAsync(Numero, annulation: annulation);
    }

    public string Lien(int? numero = null, string? tri = null, string? ordre = null)
    {
        var parametres = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Recherche)) parametres["q"] = Recherche.Trim();
        if (OperationId is { } operation) parametres["operation"] = operation.ToString();
        if (DonneurOrdreId is { } donneur) parametres["donneur"] = donneur.ToString();
        if (Type is { } type) parametres["type"] = type.ToString();
        var triLien = tri ?? Tri;
        if (!string.IsNullOrEmpty(triLien)) parametres["tri"] = triLien;
        var ordreLien = ordre ?? Ordre;
        if (!string.IsNullOrEmpty(ordreLien)) parametres["ordre"] = ordreLien;
        if ((numero ?? 1) > 1) parametres["numero"] = numero!.Value.ToString(Affichage.Fr);
        return QueryHelpers.AddQueryString("/Marches", parametres);
    }

    public EnTeteColonne EnTete(string cle) => Colonnes.EnTete(cle, (t, o) => Lien(tri: t, ordre: o));
}

public sealed record LigneMarche(Guid Id, string Numero, string Objet, TypeMarche Type, long MontantHTCentimes, Guid OperationId, string Operation,
    string DonneurOrdre, int Lots, long HeuresDuesMinutes);
