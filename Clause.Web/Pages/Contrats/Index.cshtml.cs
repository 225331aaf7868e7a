using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// The contrats of the structure (a Referent: of his or her own participants): filters (status — « À valider » first —,
/// lot, employer, modality, participant's name), sort and paging in the database. By default the proposals waiting
/// for a validation come first, then the most recent starts.
/// </summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public const string TriStatut = "statut";
    public const string TriParticipant = "participant";
    public const string TriLot = "lot";
    public const string TriEmployeur = "employeur";
    public const string TriDebut = "debut";
    public const string TriFin = "fin";

    /// <summary>The sortable columns (the address may name no other). By default « À valider » first.</summary>
    public static readonly ColonnesTri<LigneContrat> Colonnes = new ColonnesTri<LigneContrat>(TriStatut)
        .Colonne(TriStatut, "Statut", (lignes, desc) =>
            // « À valider » first (then validated, then refused), the most recent starts first inside each status.
            (desc
                ? lignes.OrderByDescending(l => l.Statut == StatutContrat.Propose ? 0 : l.Statut == StatutContrat.Valide ? 1 : 2)
                : lignes.OrderBy(l => l.Statut == StatutContrat.Propose ? 0 : l.Statut == StatutContrat.Valide ? 1 : 2))
            .ThenByDescending(l => l.DateDebut))
        .Colonne(TriParticipant, "Participant", (lignes, desc) => desc
            ? lignes.OrderByDescending(l => l.NomParticipant).ThenByDescending(l => l.PrenomParticipant)
            : lignes.OrderBy(l => l.NomParticipant).ThenBy(l => l.PrenomParticipant))
        .Colonne(TriLot, "Lot", (lignes, desc) => desc
            ? lignes.OrderByDescending(l => l.NumeroMarche).ThenByDescending(l => l.NumeroLot)
            : lignes.OrderBy(l => l.NumeroMarche).ThenBy(l => l.NumeroLot))
        .Colonne(TriEmployeur, "Employeur", l => l.Employeur)
        .Colonne(TriDebut, "Début", l => l.DateDebut)
        .Colonne(TriFin, "Fin", l => l.FinReelle ?? l.FinPrevue);

    /// <summary>The status filter, « À valider » (proposals) first.</summary>
    public static readonly IReadOnlyList<(StatutContrat Valeur, string Libelle)> OptionsStatut =
    [
        (StatutContrat.Propose, "À valider (proposés)"),
        (StatutContrat.Valide, "Validés"),
        (StatutContrat.Refuse, "Refusés"),
    ];

    /// <summary>Text searched in the participant's name and first name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public StatutContrat? Statut { get; set; }

    [BindProperty(SupportsGet = true, Name = "lot")]
    public LotId? LotId { get; set; }

    [BindProperty(SupportsGet = true, Name = "employeur")]
    public EntrepriseId? EmployeurId { get; set; }

    [BindProperty(SupportsGet = true, Name = "modalite")]
    public ModaliteContrat? Modalite { get; set; }

    public PageDe<LigneContrat> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public bool Gestion { get; private set; }

    public bool Liens { get; private set; }

    protected override string Adresse => "/Contrats";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("q", Recherche?.Trim()), new("statut", Statut?.ToString()), new("lot", LotId?.ToString()),
            new("employeur", EmployeurId?.ToString()), new("modalite", Modalite?.ToString())];

    /// <summary>The columns of the Excel export (issue 15 item 2): the list's, eligibility as shown (never a category).</summary>
    public static readonly ColonnesExcel<LigneContrat> ColonnesExport = new ColonnesExcel<LigneContrat>("Contrats")
        .Texte("Nom", l => l.NomParticipant, 24)
        .Texte("Prénom", l => l.PrenomParticipant, 20)
        .Texte("Lot", l => l.Lot, 40)
        .Texte("Employeur", l => l.Employeur, 36)
        .Texte("Modalité", l => l.Modalite.Libelle(), 24)
        .Texte("Type", l => l.TypeContrat.Libelle(), 18)
        .Date("Début", l => l.DateDebut)
        .Date("Fin prévue", l => l.FinPrevue)
        .Date("Fin réelle", l => l.FinReelle)
        .Texte("Statut", l => l.Statut == StatutContrat.Propose ? "À valider" : l.Statut.Libelle(), 14)
        .Texte("Éligibilité", l => l.EligibiliteAffichee, 30);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Gestion = AccesContrats.PeutGerer(User);
        Liens = AccesContrats.VoitLotsEtEntreprises(User);
        Resultats = await ListerAsync(Lignes(), annulation);
    }

    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation) =>
        Task.FromResult<ExportListe?>(Exporter(Lignes(), ColonnesExport, donneesPersonnelles: true));

    /// <summary>The filtered rows in the address's sort, not paged: the list pages them, the export reads them all.</summary>
    private IQueryable<LigneContrat> Lignes()
    {
        var contrats = AccesContrats.Visibles(db, User);
        if (Statut is { } statut && Enum.IsDefined(statut)) contrats = contrats.Where(c => c.Statut == statut);
        if (LotId is { } lotId) contrats = contrats.Where(c => c.LotId == lotId);
        if (EmployeurId is { } employeurId) contrats = contrats.Where(c => c.EmployeurId == employeurId);
        if (Modalite is { } modalite && Enum.IsDefined(modalite)) contrats = contrats.Where(c => c.Modalite == modalite);
        // Each word of the term (accents and case ignored) in the participant's search column (name, first name).
        foreach (var mot in SourceRecherche.Mots(Recherche))
        {
            var motif = RechercheTexte.Contient(mot);
            contrats = contrats.Where(c => db.Participants.Any(p => p.Id == c.ParticipantId && EF.Functions.Like(p.Recherche, motif, RechercheTexte.Echappement)));
        }
        var lignes = AccesContrats.Projeter(db, contrats);

        return Trier(lignes, Colonnes, t => t.ThenBy(l => l.NomParticipant).ThenBy(l => l.Id));
    }
}
