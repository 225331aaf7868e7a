using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Clause.Web.Pages.Lots;
using Clause.Web.Pages.Placement;
using Clause.Web.Pages.Portail.Embauches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Postes;

/// <summary>The contrat a company completes when it retains a candidate, pre-filled from the poste (names = the contrat's field names).</summary>
public sealed record SaisieRetenue
{
    [Required(ErrorMessage = "Le champ « Type de contrat » est obligatoire.")]
    [Display(Name = "Type de contrat")]
    public TypeContrat? TypeContrat { get; set; }

    [Required(ErrorMessage = "Le champ « Date de début » est obligatoire.")]
    [Display(Name = "Date de début")]
    public DateOnly? DateDebut { get; set; }

    [Display(Name = "Fin prévue")]
    public DateOnly? FinPrevue { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures hebdomadaires » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures hebdomadaires")]
    public string? HeuresHebdo { get; set; }

    [Required(ErrorMessage = "Le champ « Modalité » est obligatoire.")]
    [Display(Name = "Modalité")]
    public ModaliteContrat? Modalite { get; set; }

    [Required(ErrorMessage = "Le champ « Employeur » est obligatoire.")]
    [Display(Name = "Employeur")]
    public EntrepriseId? EmployeurId { get; set; }

    public DonneesContrat VersDonnees(ModelStateDictionary etat, PosteAPourvoir poste)
    {
        var hebdo = new LectureSaisie(etat).Heures(HeuresHebdo, nameof(HeuresHebdo), "Heures hebdomadaires");
        return new DonneesContrat(Modalite, TypeContrat, DateDebut, FinPrevue, null, hebdo, poste.Intitule, poste.CodeRome);
    }
}

/// <summary>
/// The company retains a presented candidate (issue 14 item 3, E04): the contrat is proposed through the contrat's own
/// path (<see cref="Candidature.Retenir"/> → <see cref="Contrat.Proposer"/>), pre-filled from the poste — type, start, weekly
/// hours, poste — with the company as employer in an embauche directe; the company completes the planned end. The
/// facilitateur then validates it on the contrat's page. A candidature not presented on one of its own postes is a 404.
/// </summary>
public sealed class RetenirModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieRetenue Saisie { get; set; } = new();

    public CandidatPresente Candidat { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Employeurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CandidatureId id, CancellationToken annulation)
    {
        if (!await PreparerAsync(id, annulation)) return NotFound();
        var poste = await Db.PostesAPourvoir.AsNoTracking().FirstAsync(p => p.Id == Candidat.PosteId, annulation);
        Saisie.TypeContrat = poste.TypeContrat;
        Saisie.DateDebut = poste.DateDebut;
        Saisie.HeuresHebdo = poste.HeuresHebdo?.ToString().Replace(" h", string.Empty, StringComparison.Ordinal);
        Saisie.Modalite = ModaliteContrat.EmbaucheDirecte;
        Saisie.EmployeurId = poste.EntrepriseId;
        Employeurs = await EmbauchesDuPortail.EmployeursAsync(Db, Saisie.EmployeurId, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CandidatureId id, CancellationToken annulation)
    {
        if (await AccesPlacement.ChargerCandidatureDuPortailAsync(Db, id, annulation) is not { } candidature) return NotFound();
        await PreparerAsync(id, annulation);
        if (Saisie.EmployeurId is { } eid && Employeurs.All(x => x.Value != eid.ToString()))
            ModelState.AddModelError("Saisie.EmployeurId", "Choisissez l'employeur dans la liste.");
        var poste = await Db.PostesAPourvoir.AsNoTracking().FirstAsync(p => p.Id == candidature.PosteId, annulation);
        var donnees = Saisie.VersDonnees(ModelState, poste);
        if (Saisie.EmployeurId is not { } employeurId || Invalide("Saisie.EmployeurId")) return Page();
        var structureId = Db.Contexte.StructureId;
        var lot = await ChargementLot.ChargerAsync(Db, poste.LotId, annulation);
        var participant = await AccesContrats.ParticipantAsync(Db, candidature.ParticipantId, annulation);
        var employeur = await Db.Entreprises.AsNoTracking().FirstAsync(e => e.Id == employeurId && e.StructureId == structureId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => candidature.Retenir(poste, participant, lot!, employeur, donnees, reglages, Auteurs.Courant(Db, User), horloge.GetUtcNow()),
                out var contrat, new Dictionary<string, string> { [nameof(Candidature.Statut)] = "" }))
            return Page();
        Db.Contrats.Add(contrat);
        return await EnregistrerAsync("Le candidat est retenu : le contrat est proposé au facilitateur, qui le valide.", "/Portail/Postes/Details",
            new { id = poste.Id }, annulation);
    }

    private async Task<bool> PreparerAsync(CandidatureId id, CancellationToken annulation)
    {
        var candidat = await AccesPlacement.CandidatsDuPortail(Db, seule: id).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (candidat is null) return false;
        Candidat = candidat;
        Employeurs = await EmbauchesDuPortail.EmployeursAsync(Db, Saisie.EmployeurId, annulation);
        return true;
    }
}
