using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>Corrects a participant's identity (Facilitateur; right of rectification, §12).</summary>
public sealed class ModifierModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db), IFormulaireParticipant
{
    [BindProperty]
    public SaisieParticipant Saisie { get; set; } = new();

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
        if (!ModelState.IsValid) return Page();
        if (!Appliquer(() => participant.Modifier(Saisie.VersDonnees(), Affichage.Aujourdhui(horloge)))) return Page();
        return await EnregistrerAsync("Les informations du participant sont enregistrées.", "/Participants/Details", new { id }, annulation);
    }
}
