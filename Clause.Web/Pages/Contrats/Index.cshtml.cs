using Clause.Domain.Contrats;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// The contrats of the structure (a Referent: of his or her own participants): filters (status — « À valider » first —,
/// lot, employer, modality, participant's name), sort and paging in the database. By default the proposals waiting
/// for a validation come first, then the most recent starts.
/// </summary>
public sealed class IndexModel(ClauseDbContext db) : PageModel
{
    public const string TriStatut = "statut";
    public const string TriParticipant = "participant";
    public const string TriLot = "lot";
    public const string TriEmployeur = "employeur";
    public const string TriDebut = "debut";
    public const string TriFin = "fin";

    public static readonly IReadOnlyList<(string Cle, string Libelle)> ColonnesTriables =
    [
        (TriStatut, "Statut"),
        (TriParticipant, "Participant"),
        (TriLot, "Lot"),
        (TriEmployeur, "Employeur"),
        (TriDebut, "Début"),
        (TriFin, "Fin"),
    ];

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
    public Guid? LotId { get; set; }

    [BindProperty(SupportsGet = true, Name = "employeur")]
    public Guid? EmployeurId { get; set; }

    [BindProperty(SupportsGet = true, Name = "modalite")]
    public ModaliteContrat? Modalite { get; set; }

    [BindProperty(SupportsGet = true, Name = "tri")]
    public string? Tri { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordre")]
    public string? Ordre { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int Numero { get; set; } = 1;

    public PageDe<LigneContrat> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public IReadOnlyList<SelectListItem> Lots { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Employeurs { get; private set; } = [];

    public bool Gestion { get; private set; }

    public bool Liens { get; private set; }

    public TriColonnes Colonnes => new(ColonnesTriables, TriStatut, Tri, Ordre);

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Gestion = AccesContrats.PeutGerer(User);
        Liens = AccesContrats.VoitLotsEtEntreprises(User);
        Lots = await AccesContrats.TousLesLotsAsync(db, LotId, annulation);
        Employeurs = await AccesContrats.EmployeursAsync(db, EmployeurId, annulation);

        var contrats = AccesContrats.Visibles(db, User);
        if (Statut is { } statut && Enum.IsDefined(statut)) contrats = contrats.Where(c => c.Statut == statut);
        if (LotId is { } lotId) contrats = contrats.Where(c => c.LotId == lotId);
        if (EmployeurId is { } employeurId) contrats = contrats.Where(c => c.EmployeurId == employeurId);
        if (Modalite is { } modalite && Enum.IsDefined(modalite)) contrats = contrats.Where(c => c.Modalite == modalite);
        var lignes = AccesContrats.Projeter(db, contrats);
        foreach (var mot in (Recherche ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4))
        {
            var motif = RechercheTexte.Contient(mot);
            lignes = lignes.Where(l => EF.Functions.Like(l.NomParticipant, motif, RechercheTexte.Echappement)
                || EF.Functions.Like(l.PrenomParticipant, motif, RechercheTexte.Echappement));
        }

        var colonnes = Colonnes;
        var desc = colonnes.Decroissant;
        var triees = colonnes.Effectif switch
        {
            TriParticipant => desc ? lignes.OrderByDescending(l => l.NomParticipant).ThenByDescending(l => l.PrenomParticipant)
                : lignes.OrderBy(l => l.NomParticipant).ThenBy(l => l.PrenomParticipant),
            TriLot => desc ? lignes.OrderByDescending(l => l.NumeroMarche).ThenByDescending(l => l.NumeroLot)
                : lignes.OrderBy(l => l.NumeroMarche).ThenBy(l => l.NumeroLot),
            TriEmployeur => desc ? lignes.OrderByDescending(l => l.Employeur) : lignes.OrderBy(l => l.Employeur),
            TriDebut => desc ? lignes.OrderByDescending(l => l.DateDebut) : lignes.OrderBy(l => l.DateDebut),
            TriFin => desc ? lignes.OrderByDescending(l => l.FinReelle ?? l.FinPrevue) : lignes.OrderBy(l => l.FinReelle ?? l.FinPrevue),
            // « À valider » first (then validated, then refused), the most recent starts first inside each status.
            _ => (desc
                    ? lignes.OrderByDescending(l => l.Statut == StatutContrat.Propose ? 0 : l.Statut == StatutContrat.Valide ? 1 : 2)
                    : lignes.OrderBy(l => l.Statut == StatutContrat.Propose ? 0 : l.Statut == StatutContrat.Valide ? 1 : 2))
                .ThenByDescending(l => l.DateDebut),
        };
        Resultats = await triees.ThenBy(l => l.NomParticipant).ThenBy(l => l.Id).PaginerAsync(Numero, annulation: annulation);
    }

    public string Lien(int? numero = null, string? tri = null, string? ordre = null)
    {
        var parametres = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Recherche)) parametres["q"] = Recherche.Trim();
        if (Statut is { } statut) parametres["statut"] = statut.ToString();
        if (LotId is { } lot) parametres["lot"] = lot.ToString();
        if (EmployeurId is { } employeur) parametres["employeur"] = employeur.ToString();
        if (Modalite is { } modalite) parametres["modalite"] = modalite.ToString();
        var triLien = tri ?? Tri;
        if (!string.IsNullOrEmpty(triLien)) parametres["tri"] = triLien;
        var ordreLien = ordre ?? Ordre;
        if (!string.IsNullOrEmpty(ordreLien)) parametres["ordre"] = ordreLien;
        if ((numero ?? 1) > 1) parametres["numero"] = numero!.Value.ToString(Affichage.Fr);
        return QueryHelpers.AddQueryString("/Contrats", parametres);
    }

    public EnTeteColonne EnTete(string cle) => Colonnes.EnTete(cle, (t, o) => Lien(tri: t, ordre: o));
}
