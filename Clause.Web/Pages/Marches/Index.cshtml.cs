using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Operations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>The structure's marchés: search by number or object, filters (opération, donneur d'ordre, type), sort, paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const string TriNumero = "numero";
    public const string TriOperation = "operation";
    public const string TriDonneur = "donneur";
    public const string TriMontant = "montant";
    public const string TriHeures = "heures";

    /// <summary>The sortable columns (the address may name no other).</summary>
    public static readonly ColonnesTri<LigneMarche> Colonnes = new ColonnesTri<LigneMarche>(TriNumero)
        .Colonne(TriNumero, "Numéro", l => l.Numero)
        .Colonne(TriOperation, "Opération", l => l.Operation)
        .Colonne(TriDonneur, "Donneur d'ordre", l => l.DonneurOrdre)
        .Colonne(TriMontant, "Montant HT", l => l.MontantHTCentimes)
        .Colonne(TriHeures, "Heures dues", l => l.HeuresDuesMinutes);

    /// <summary>Text searched in the number and the object.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "operation")]
    public OperationId? OperationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "donneur")]
    public DonneurOrdreId? DonneurOrdreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public TypeMarche? Type { get; set; }

    public PageDe<LigneMarche> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    protected override string Adresse => "/Marches";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("q", Recherche?.Trim()), new("operation", OperationId?.ToString()), new("donneur", DonneurOrdreId?.ToString()),
            new("type", Type?.ToString())];

    /// <summary>The columns of the Excel export (issue 15 item 2): the list's, with the amount and the hours as numbers.</summary>
    public static readonly ColonnesExcel<LigneMarche> ColonnesExport = new ColonnesExcel<LigneMarche>("Marchés")
        .Texte("Numéro", l => l.Numero, 18)
        .Texte("Objet", l => l.Objet, 50)
        .Texte("Opération", l => l.Operation, 40)
        .Texte("Donneur d'ordre", l => l.DonneurOrdre, 40)
        .Texte("Type", l => l.Type.Libelle(), 18)
        .Montant("Montant HT (€)", l => l.MontantHTCentimes)
        .Entier("Lots", l => l.Lots)
        .Heures("Heures dues", l => l.HeuresDuesMinutes);

    public async Task OnGetAsync(CancellationToken annulation) => Resultats = await ListerAsync(Lignes(), annulation);

    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation) =>
        Task.FromResult<ExportListe?>(Exporter(Lignes(), ColonnesExport, donneesPersonnelles: false));

    /// <summary>The filtered rows in the address's sort, not paged: the list pages them, the export reads them all.</summary>
    private IQueryable<LigneMarche> Lignes()
    {
        var structureId = db.Contexte.StructureId;
        var marches = db.Marches.AsNoTracking().Where(m => m.StructureId == structureId);
        // Each word of the term (accents and case ignored) in the search column (number, object).
        foreach (var mot in SourceRecherche.Mots(Recherche))
        {
            var motif = RechercheTexte.Contient(mot);
            marches = marches.Where(m => EF.Functions.Like(m.Recherche, motif, RechercheTexte.Echappement));
        }
        if (OperationId is { } operationId) marches = marches.Where(m => m.OperationId == operationId);
        if (DonneurOrdreId is { } donneurId) marches = marches.Where(m => m.DonneurOrdreId == donneurId);
        if (Type is { } type) marches = marches.Where(m => m.Type == type);

        var lignes = from m in marches
                     join o in db.Operations on m.OperationId equals o.Id
                     join d in db.DonneursOrdre on m.DonneurOrdreId equals d.Id
                     select new LigneMarche
                     {
                         Id = m.Id,
                         Numero = m.Numero,
                         Objet = m.Objet,
                         Type = m.Type,
                         MontantHTCentimes = m.MontantHTCentimes,
                         OperationId = m.OperationId,
                         Operation = o.Nom,
                         DonneurOrdre = d.RaisonSociale,
                         Lots = db.Lots.Count(l => l.MarcheId == m.Id),
                         HeuresDuesMinutes = db.Lots.Where(l => l.MarcheId == m.Id).Sum(l => l.HeuresDuesMinutes),
                     };
        return Trier(lignes, Colonnes, t => t.ThenBy(l => l.Numero).ThenBy(l => l.Id));
    }
}

/// <summary>A row of the list, built by member initialisation so EF can sort on its properties.</summary>
public sealed record LigneMarche
{
    public MarcheId Id { get; init; }

    public string Numero { get; init; } = string.Empty;

    public string Objet { get; init; } = string.Empty;

    public TypeMarche Type { get; init; }

    public long MontantHTCentimes { get; init; }

    public OperationId OperationId { get; init; }

    public string Operation { get; init; } = string.Empty;

    public string DonneurOrdre { get; init; } = string.Empty;

    public int Lots { get; init; }

    public long HeuresDuesMinutes { get; init; }
}
