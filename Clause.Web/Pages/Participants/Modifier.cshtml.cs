using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>Corrects a participant's identity (Facilitateur; right of rectification, §12).</summary>
public sealed class ModifierModel(ClauseDbContext db, TimeProvider horloge) : PageModel, IFormulaireParticipant
{
    [BindProperty]
    public SaisieParticipant Saisie { get; set; } = new();

    public IReadOnlyList<OptionReferent> Referents { get; private set; } = [];

    public Guid Id { get; private set; }

    public string NomAffiche { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var p = await db.Participants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.StructureId == structureId, annulation);
        if (p is null) return NotFound();
        Id = id;
        NomAffiche = $"{p.Prenom} {p.Nom}";
        Saisie = new SaisieParticipant
        {
            Nom = p.Nom, Prenom = p.Prenom, Sexe = p.Sexe, DateNaissance = p.DateNaissance, Adresse = p.Adresse, CodePostal = p.CodePostal,
            Commune = p.Commune, ResidentQpv = p.ResidentQpv, CodeQpv = p.CodeQpv, NiveauQualification = p.NiveauQualification,
            Prescripteur = p.Prescripteur, ReferentId = p.ReferentId, IdentifiantFranceTravail = p.IdentifiantFranceTravail,
            DateInformation = p.DateInformation,
        };
        Referents = await AccesParticipants.ReferentsAsync(db, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var participant = await db.Participants.FirstOrDefaultAsync(x => x.Id == id && x.StructureId == structureId, annulation);
        if (participant is null) return NotFound();
        Id = id;
        NomAffiche = $"{participant.Prenom} {participant.Nom}";
        Referents = await AccesParticipants.ReferentsAsync(db, annulation);
        // A référent who left keeps being accepted on the participant that already had him or her.
        if (Saisie.ReferentId is { } referent && referent != participant.ReferentId && Referents.All(r => r.Id != referent))
            ModelState.AddModelError("Saisie.ReferentId", "Choisissez un référent de parcours de votre structure.");
        if (!ModelState.IsValid) return Page();
        try
        {
            participant.Modifier(Saisie.VersDonnees(), Affichage.Aujourdhui(horloge));
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Les informations du participant sont enregistrées.";
        return RedirectToPage("/Participants/Details", new { id });
    }
}
