using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>Companies of the structure: search by name or SIRET, filter by employer type, sort, server-side paging.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const int LongueurRechercheMax = 100;

    public const string TriNom = "nom";
    public const string TriSiret = "siret";
    public const string TriType = "type";
    public const string TriCommune = "commune";

    /// <summary>The sortable columns (the address may name no other).</summary>
    public static readonly ColonnesTri<Entreprise> Colonnes = new ColonnesTri<Entreprise>(TriNom)
        .Colonne(TriNom, "Raison sociale", e => e.RaisonSociale)
        .Colonne(TriSiret, "SIRET", e => e.Siret)
        .Colonne(TriType, "Type d'employeur", e => e.TypeEmployeur)
        .Colonne(TriCommune, "Commune", e => e.Commune);

    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true)]
    public TypeEmployeur? Type { get; set; }

    public PageDe<LigneEntreprise> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    protected override string Adresse => "/Entreprises";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("Recherche", Recherche?.Trim()), new("Type", Type?.ToString())];

    /// <summary>The columns of the Excel export (issue 15 item 2).</summary>
    public static readonly ColonnesExcel<LigneEntreprise> ColonnesExport = new ColonnesExcel<LigneEntreprise>("Entreprises")
        .Texte("Raison sociale", l => l.RaisonSociale, 40)
        .Texte("SIRET", l => l.SiretAffiche, 20)
        .Texte("Type d'employeur", l => l.Type.Libelle(), 30)
        .Texte("Commune", l => l.Commune, 24)
        .Texte("Code NAF", l => Entreprise.AfficherCodeNaf(l.CodeNaf), 12)
        .Entier("Contacts", l => l.NombreContacts);

    public async Task OnGetAsync(CancellationToken annulation) => Resultats = await ListerAsync(Lignes(), annulation);

    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation) =>
        Task.FromResult<ExportListe?>(Exporter(Lignes(), ColonnesExport, donneesPersonnelles: false));

    /// <summary>The filtered rows in the address's sort, not paged: the list pages them, the export reads them all.</summary>
    private IQueryable<LigneEntreprise> Lignes()
    {
        var requete = db.Entreprises.AsNoTracking();

        // A SIRET is often typed with spaces ("732 829 320 00074"): digits are compared without them, with the SIRET column.
        if (RechercheTexte.MotifSiret(Recherche) is { } motifSiret)
        {
            var motif = RechercheTexte.Contient(Recherche!);
            requete = requete.Where(e => EF.Functions.Like(e.Recherche, motif, RechercheTexte.Echappement) || EF.Functions.Like(e.Siret, motifSiret));
        }
        else
        {
            // Each word of the term (accents and case ignored) in the search column.
            foreach (var mot in SourceRecherche.Mots(Recherche))
            {
                var motif = RechercheTexte.Contient(mot);
                requete = requete.Where(e => EF.Functions.Like(e.Recherche, motif, RechercheTexte.Echappement));
            }
        }
        if (Type is { } type) requete = requete.Where(e => e.TypeEmployeur == type);

        return Trier(requete, Colonnes, t => t.ThenBy(e => e.RaisonSociale).ThenBy(e => e.Id),
            e => new LigneEntreprise(e.Id, e.RaisonSociale, e.Siret, e.TypeEmployeur, e.CodeNaf, e.Commune, e.Contacts.Count));
    }
}

public sealed record LigneEntreprise(EntrepriseId Id, string RaisonSociale, string Siret, TypeEmployeur Type, string? CodeNaf, string? Commune, int NombreContacts)
{
    public string SiretAffiche => Clause.Domain.Commun.Siret.TryParse(Siret, out var s) ? s.ToString() : Siret;
}
