using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Lots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// Corrects a proposed or validated contrat (employer, modality, type, dates, hours, poste) — the participant and the
/// lot stay. Same checks as the proposal; on a validated contrat a start moved outside the eligibility window flags it
/// (its hours stop counting until an override). When the dates change, the « hors période » flag of its declarations
/// is re-evaluated in the same save.
/// </summary>
public sealed class ModifierModel(ClauseDbContext db) : PageActionContrat(db), IFormulaireContrat
{
    [BindProperty]
    public SaisieContrat Saisie { get; set; } = new();

    public bool AvecFinReelle => true;

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } c) return NotFound();
        Saisie = new SaisieContrat
        {
            EmployeurId = c.EmployeurId,
            Modalite = c.Modalite,
            TypeContrat = c.TypeContrat,
            DateDebut = c.DateDebut,
            FinPrevue = c.FinPrevue,
            FinReelle = c.FinReelle,
            HeuresHebdo = SaisieContrat.Heures(c.HeuresHebdoMinutes),
            Poste = c.Poste,
            CodeRome = c.CodeRome,
        };
        await RestaurerApresRechercheAsync(Saisie);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ContratId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } contrat) return NotFound();
        if (Saisie.EmployeurId is { } eid && !await Recherches.Entreprises.OffreAsync(Db, User, eid, null, annulation))
            ModelState.AddModelError("Saisie.EmployeurId", "Choisissez un employeur de votre structure dans la liste.");
        var donnees = Saisie.VersDonnees(ModelState);
        // No early return on the other fields: the domain checks them too (every error at once); it needs the employer.
        if (Saisie.EmployeurId is not { } employeurId || Invalide("Saisie.EmployeurId")) return Page();

        var structureId = Db.Contexte.StructureId;
        var lot = (await ChargementLot.ChargerAsync(Db, contrat.LotId, annulation))!;
        var participant = await AccesContrats.ParticipantAsync(Db, contrat.ParticipantId, annulation);
        var employeur = await Db.Entreprises.AsNoTracking().FirstAsync(e => e.Id == employeurId && e.StructureId == structureId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => contrat.Modifier(donnees, lot, employeur, participant, reglages))) return Page();
        // One save: the contrat and the periods of its lines, re-evaluated by its DatesContratModifiees event.
        // Its eligibility was re-checked by Modifier itself (its start date): the message can tell it before the save.
        return await EnregistrerAsync(contrat.Statut == StatutContrat.Valide && !contrat.EligibiliteValide
                ? "Le contrat est modifié. Attention : il débute désormais hors de la fenêtre d'éligibilité, ses heures ne comptent plus sans dérogation."
                : "Le contrat est modifié.",
            "/Contrats/Details", new { id }, annulation);
    }
}
