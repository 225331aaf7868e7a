using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Lots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// A facilitateur proposes a contrat (DOMAIN.md §6): participant, lot, employer, modality, type, dates… The participant
/// or the lot may come preset from their pages (?participantId=, ?lotId=; another structure's id there → 404). The
/// selects offer only the structure's records: a forged value posted is a field error and nothing is written.
/// With « Valider immédiatement » (ticked by default) the proposal is validated in the same save — the eligibility is
/// then enforced (no decision, or a start outside the window without a written override → refused, nothing written).
/// </summary>
public sealed class CreerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db), IFormulaireContrat
{
    [BindProperty]
    public SaisieProposition Saisie { get; set; } = new();

    SaisieContrat IFormulaireContrat.Saisie => Saisie;

    public bool AvecFinReelle => false;

    /// <summary>The eligibility of the preset (or chosen) participant: the window of each decision, or none.</summary>
    public SituationEligibilite? Eligibilite { get; private set; }

    public bool LotPresetFerme { get; private set; }

    public Reglages Reglages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(ParticipantId? participantId, LotId? lotId, CancellationToken annulation)
    {
        var structureId = Db.Contexte.StructureId;
        if (participantId is { } p && !await Db.Participants.AnyAsync(x => x.Id == p && x.StructureId == structureId, annulation)) return NotFound();
        if (lotId is { } l && !await Db.Lots.AnyAsync(x => x.Id == l && x.StructureId == structureId, annulation)) return NotFound();
        Saisie.ParticipantId = participantId;
        Saisie.LotId = lotId;
        await RestaurerApresRechercheAsync(Saisie);
        if (lotId is not null && !await Recherches.Lots.OffreAsync(Db, User, lotId, SourceLots.Ouverts, annulation))
        {
            LotPresetFerme = true;
            Saisie.LotId = null;
        }
        await PreparerAsync(annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        await PreparerAsync(annulation);
        // The comboboxes offer only the structure's records: anything else posted is refused beside its field.
        if (Saisie.ParticipantId is { } pid && !await Recherches.Participants.OffreAsync(Db, User, pid, null, annulation))
            ModelState.AddModelError("Saisie.ParticipantId", "Choisissez un participant de votre structure dans la liste.");
        if (Saisie.LotId is { } lid && !await Recherches.Lots.OffreAsync(Db, User, lid, SourceLots.Ouverts, annulation))
            ModelState.AddModelError("Saisie.LotId", "Choisissez un lot dans la liste : seuls les lots avec clause, en lancement ou en exécution, reçoivent des contrats.");
        if (Saisie.EmployeurId is { } eid && !await Recherches.Entreprises.OffreAsync(Db, User, eid, null, annulation))
            ModelState.AddModelError("Saisie.EmployeurId", "Choisissez un employeur de votre structure dans la liste.");
        var donnees = Saisie.VersDonnees(ModelState);
        // No early return on the other fields: the domain checks them too, so that every error shows at once. It needs the
        // participant, the lot and the employer: without one of them (missing or not offered, already in error) it is not called.
        if (Saisie.ParticipantId is not { } participantId || Saisie.LotId is not { } lotId || Saisie.EmployeurId is not { } employeurId
            || Invalide("Saisie.ParticipantId") || Invalide("Saisie.LotId") || Invalide("Saisie.EmployeurId"))
            return Page();

        var structureId = Db.Contexte.StructureId;
        var participant = await AccesContrats.ParticipantAsync(Db, participantId, annulation);
        var lot = await ChargementLot.ChargerAsync(Db, lotId, annulation);
        var employeur = await Db.Entreprises.AsNoTracking().FirstAsync(e => e.Id == employeurId && e.StructureId == structureId, annulation);
        if (!Appliquer(() => Contrat.Enregistrer(participant, lot!, employeur, donnees, Reglages, Saisie.ValiderImmediatement,
                Saisie.MotifDerogation, Auteurs.Courant(Db, User), horloge.GetUtcNow()), out var contrat))
            return Page();
        Db.Contrats.Add(contrat);
        return await EnregistrerAsync(Saisie.ValiderImmediatement
            ? $"Le contrat de {participant.Prenom} {participant.Nom} est enregistré et validé."
            : $"Le contrat de {participant.Prenom} {participant.Nom} est proposé : il attend sa validation.",
            "/Contrats/Details", new { id = contrat.Id }, annulation);
    }

    private async Task PreparerAsync(CancellationToken annulation)
    {
        Reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (Saisie.ParticipantId is { } participantId)
            Eligibilite = await SituationEligibilite.LireAsync(Db, participantId, Reglages, Affichage.Aujourdhui(horloge), annulation);
    }
}

/// <summary>A participant's eligibility as shown beside a contrat form: each decision's window, newest first.</summary>
public sealed record SituationEligibilite(string Participant, IReadOnlyList<(DateOnly Validation, Periode Fenetre, bool Ouverte)> Fenetres)
{
    public static async Task<SituationEligibilite?> LireAsync(ClauseDbContext db, ParticipantId participantId, Reglages reglages, DateOnly aujourdhui,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reglages);
        var structureId = db.Contexte.StructureId;
        var participant = await db.Participants.AsNoTracking().Where(p => p.Id == participantId && p.StructureId == structureId)
            .Select(p => new { p.Prenom, p.Nom, Validations = p.Decisions.OrderByDescending(d => d.DateValidation).Select(d => d.DateValidation).ToList() })
            .FirstOrDefaultAsync(annulation);
        if (participant is null) return null;
        var fenetres = participant.Validations
            .Select(v => DecisionEligibilite.FenetreDepuis(v, reglages.FenetreEligibiliteMois))
            .Select(f => (f.Debut, f, f.Fin >= aujourdhui))
            .ToList();
        return new SituationEligibilite($"{participant.Prenom} {participant.Nom}", fenetres);
    }
}
