using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>The buyers of the structure: search, filter by type, sortable columns, server-side paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const string TriRaisonSociale = "raison";
    public const string TriType = "type";
    public const string TriCommune = "commune";
    public const string TriContacts = "contacts";

    /// <summary>The sortable columns (the address may name no other).</summary>
    public static readonly ColonnesTri<DonneurOrdre> Colonnes = new ColonnesTri<DonneurOrdre>(TriRaisonSociale)
        .Colonne(TriRaisonSociale, "Raison sociale", d => d.RaisonSociale)
        .Colonne(TriType, "Type", d => d.Type)
        .Colonne(TriCommune, "Commune", d => d.Commune)
        .Colonne(TriContacts, "Contacts", d => d.Contacts.Count);

    /// <summary>Text searched in the raison sociale, the SIRET and the commune.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public TypeDonneurOrdre? Type { get; set; }

    public PageDe<LigneDonneurOrdre> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    protected override string Adresse => "/DonneursOrdre";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("q", Recherche?.Trim()), new("type", Type?.ToString())];

    /// <summary>The columns of the Excel export (issue 15 item 2).</summary>
    public static readonly ColonnesExcel<LigneDonneurOrdre> ColonnesExport = new ColonnesExcel<LigneDonneurOrdre>("Donneurs d'ordre")
        .Texte("Raison sociale", l => l.RaisonSociale, 40)
        .Texte("Type", l => l.Type.Libelle(), 24)
        .Texte("SIRET", l => Siret.TryParse(l.Siret, out var siret) ? siret.ToString() : l.Siret, 20)
        .Texte("Commune", l => l.Commune, 24)
        .Entier("Contacts", l => l.NombreContacts);

    public async Task OnGetAsync(CancellationToken annulation) => Resultats = await ListerAsync(Lignes(), annulation);

    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation) =>
        Task.FromResult<ExportListe?>(Exporter(Lignes(), ColonnesExport, donneesPersonnelles: false));

    /// <summary>The filtered rows in the address's sort, not paged: the list pages them, the export reads them all.</summary>
    private IQueryable<LigneDonneurOrdre> Lignes()
    {
        var structureId = db.Contexte.StructureId;
        var requete = db.DonneursOrdre.AsNoTracking().Where(d => d.StructureId == structureId);

        // A SIRET is stored without spaces but often typed with them ("356 000 000 49837").
        if (RechercheTexte.MotifSiret(Recherche) is { } motifSiret)
        {
            var motif = RechercheTexte.Contient(Recherche!);
            requete = requete.Where(d => EF.Functions.Like(d.Recherche, motif, RechercheTexte.Echappement) || EF.Functions.Like(d.Siret!, motifSiret));
        }
        else
        {
            // Each word of the term (accents and case ignored) in the search column (raison sociale, commune).
            foreach (var mot in SourceRecherche.Mots(Recherche))
            {
                var motif = RechercheTexte.Contient(mot);
                requete = requete.Where(d => EF.Functions.Like(d.Recherche, motif, RechercheTexte.Echappement));
            }
        }
        if (Type is { } type) requete = requete.Where(d => d.Type == type);

        return Trier(requete, Colonnes, t => t.ThenBy(d => d.RaisonSociale).ThenBy(d => d.Id),
            d => new LigneDonneurOrdre(d.Id, d.RaisonSociale, d.Type, d.Siret, d.Commune, d.Contacts.Count));
    }
}

public sealed record LigneDonneurOrdre(DonneurOrdreId Id, string RaisonSociale, TypeDonneurOrdre Type, string? Siret, string? Commune, int NombreContacts);
