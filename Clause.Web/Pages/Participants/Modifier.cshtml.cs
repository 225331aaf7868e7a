using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>
/// Corrects a participant's identity (Facilitateur; right of rectification, §12). When the correction answers the person's
/// request, the box and the request's date record it as a <see cref="DemandeDroit"/> saved with the change (the audit trail
/// has no « origin » column): it shows under « Demandes de la personne » and in the access export.
/// </summary>
public sealed class ModifierModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db), IFormulaireParticipant
{
    [BindProperty]
    public SaisieParticipant Saisie { get; set; } = new();

    [BindProperty]
    public SaisieRectification Rectification { get; set; } = new();

    public IReadOnlyList<OptionReferent> Referents { get; private set; } = [];

    public ParticipantId Id { get; private set; }

    public string NomAffiche { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(ParticipantId id, CancellationToken annulation)
    {
        if (await AccesParticipants.ChargerAsync(Db, User, id, annulation) is not { } p) return NotFound();
        Id = id;
        NomAffiche = $"{p.Prenom} {p.Nom}";
        Saisie = new SaisieParticipant
        {
            Nom = p.Nom,
            Prenom = p.Prenom,
            Sexe = p.Sexe,
            DateNaissance = p.DateNaissance,
            Adresse = p.Adresse,
            CodePostal = p.CodePostal,
            Commune = p.Commune,
            ResidentQpv = p.ResidentQpv,
            CodeQpv = p.CodeQpv,
            NiveauQualification = p.NiveauQualification,
            Prescripteur = p.Prescripteur,
            ReferentId = p.ReferentId,
            IdentifiantFranceTravail = p.IdentifiantFranceTravail,
            DateInformation = p.DateInformation,
        };
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ParticipantId id, CancellationToken annulation)
    {
        if (await AccesParticipants.ChargerAsync(Db, User, id, annulation) is not { } participant) return NotFound();
        Id = id;
        NomAffiche = $"{participant.Prenom} {participant.Nom}";
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
        // A référent who left keeps being accepted on the participant that already had him or her.
        if (Saisie.ReferentId is { } referent && referent != participant.ReferentId && Referents.All(r => r.Id != referent))
            ModelState.AddModelError("Saisie.ReferentId", "Choisissez un référent de parcours de votre structure.");
        var aujourdhui = Affichage.Aujourdhui(horloge);
        // Checked before the domain, so that every error of the form shows at once (the domain checks every field too).
        var demande = DemandeDeRectification(participant, aujourdhui);
        if (!Appliquer(() => participant.Modifier(Saisie.VersDonnees(), aujourdhui))) return Page();
        if (demande is not null) Db.DemandesDroits.Add(demande);
        return await EnregistrerAsync("Les informations du participant sont enregistrées.", "/Participants/Details", new { id }, annulation);
    }

    /// <summary>The request this change answers, when the box is ticked; its refusal goes beside « Date de la demande ».</summary>
    private DemandeDroit? DemandeDeRectification(Participant participant, DateOnly aujourdhui)
    {
        if (!Rectification.DemandeDeLaPersonne) return null;
        if (ModelState.GetFieldValidationState($"{nameof(Rectification)}.{nameof(SaisieRectification.DateDemande)}") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            return null;
        try
        {
            return DemandeDroit.Rectification(participant, Rectification.DateDemande, Auteurs.Courant(Db, User), aujourdhui);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, prefixe: nameof(Rectification));
            return null;
        }
    }
}

/// <summary>Whether the correction answers the person's request (right of rectification), and when he or she asked.</summary>
public sealed record SaisieRectification
{
    [Display(Name = "Cette modification répond à une demande de la personne (droit de rectification)")]
    public bool DemandeDeLaPersonne { get; set; }

    [Display(Name = "Date de la demande")]
    public DateOnly? DateDemande { get; set; }
}
