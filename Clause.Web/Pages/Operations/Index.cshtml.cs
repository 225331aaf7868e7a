using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>The structure's opérations: search by name or commune, filters, sortable columns, server-side paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const string TriNom = "nom";
    public const string TriDonneur = "donneur";
    public const string TriCommune = "commune";
    public const string TriStatut = "statut";
    public const string TriMarches = "marches";

    /// <summary>Filter value: ANRU or NPNRU (any renewal programme).</summary>
    public const string ProgrammeRenouvellementUrbain = "ru";

    /// <summary>The sortable columns (the address may name no other).</summary>
    public static readonly ColonnesTri<LigneOperation> Colonnes = new ColonnesTri<LigneOperation>(TriNom)
        .Colonne(TriNom, "Nom", l => l.Nom)
        .Colonne(TriDonneur, "Donneur d'ordre", l => l.DonneurOrdre)
        .Colonne(TriCommune, "Commune", l => l.Commune)
        .Colonne(TriStatut, "Statut", l => l.Rang)
        .Colonne(TriMarches, "Marchés", l => l.Marches);

    /// <summary>Text searched in the name and the commune.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "donneur")]
    public DonneurOrdreId? DonneurOrdreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public StatutOperation? Statut { get; set; }

    /// <summary>"ru" (ANRU or NPNRU), a <see cref="ProgrammeRenouvellement"/> code, or empty.</summary>
    [BindProperty(SupportsGet = true, Name = "programme")]
    public string? Programme { get; set; }

    /// <summary>"oui", "non" or empty.</summary>
    [BindProperty(SupportsGet = true, Name = "qpv")]
    public string? Qpv { get; set; }

    public PageDe<LigneOperation> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    protected override string Adresse => "/Operations";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("q", Recherche?.Trim()), new("donneur", DonneurOrdreId?.ToString()), new("statut", Statut?.ToString()),
            new("programme", Programme), new("qpv", Qpv)];

    /// <summary>The columns of the Excel export (issue 15 item 2).</summary>
    public static readonly ColonnesExcel<LigneOperation> ColonnesExport = new ColonnesExcel<LigneOperation>("Opérations")
        .Texte("Nom", l => l.Nom, 40)
        .Texte("Donneur d'ordre", l => l.DonneurOrdre, 40)
        .Texte("Commune", l => l.Commune, 24)
        .Texte("Renouvellement urbain", l => l.Programme == ProgrammeRenouvellement.Aucun ? "Non" : l.Programme.Libelle(), 20)
        .OuiNon("QPV", l => l.EnQpv)
        .Texte("Code QPV", l => l.CodeQpv, 14)
        .Texte("Statut", l => l.Statut.Libelle(), 18)
        .Entier("Marchés", l => l.Marches);

    public async Task OnGetAsync(CancellationToken annulation) => Resultats = await ListerAsync(Lignes(), annulation);

    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation) =>
        Task.FromResult<ExportListe?>(Exporter(Lignes(), ColonnesExport, donneesPersonnelles: false));

    /// <summary>The filtered rows in the address's sort, not paged: the list pages them, the export reads them all.</summary>
    private IQueryable<LigneOperation> Lignes()
    {
        var structureId = db.Contexte.StructureId;
        var operations = db.Operations.AsNoTracking().Where(o => o.StructureId == structureId);

        // Each word of the term (accents and case ignored) in the search column (name, commune).
        foreach (var mot in SourceRecherche.Mots(Recherche))
        {
            var motif = RechercheTexte.Contient(mot);
            operations = operations.Where(o => EF.Functions.Like(o.Recherche, motif, RechercheTexte.Echappement));
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
                     select new LigneOperation
                     {
                         Id = o.Id,
                         Nom = o.Nom,
                         Commune = o.Commune,
                         Statut = o.Statut,
                         Programme = o.Programme,
                         EnQpv = o.EnQpv,
                         CodeQpv = o.CodeQpv,
                         DonneurOrdre = d.RaisonSociale,
                         // Statuses are stored as codes: sort them in pipeline order, not alphabetically.
                         Rang = o.Statut == StatutOperation.Reperee ? 0 : o.Statut == StatutOperation.Validee ? 1
                             : o.Statut == StatutOperation.EnConsultation ? 2 : o.Statut == StatutOperation.EnExecution ? 3 : 4,
                         Marches = db.Marches.Count(m => m.OperationId == o.Id),
                     };
        return Trier(lignes, Colonnes, t => t.ThenBy(l => l.Nom).ThenBy(l => l.Id));
    }
}

/// <summary>A row of the list, built by member initialisation so EF can sort on its properties.</summary>
public sealed record LigneOperation
{
    public OperationId Id { get; init; }

    public string Nom { get; init; } = string.Empty;

    public string DonneurOrdre { get; init; } = string.Empty;

    public string Commune { get; init; } = string.Empty;

    public StatutOperation Statut { get; init; }

    public ProgrammeRenouvellement Programme { get; init; }

    public bool EnQpv { get; init; }

    public string? CodeQpv { get; init; }

    /// <summary>The status's rank in the pipeline (repérée 0 … close 4), the sort key of the status column.</summary>
    public int Rang { get; init; }

    public int Marches { get; init; }
}
