using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Participants;

/// <summary>Registers a participant (Facilitateur).</summary>
public sealed class CreerModel(ClauseDbContext db, TimeProvider horloge) : PageModel, IFormulaireParticipant
{
    [BindProperty]
    public SaisieParticipant Saisie { get; set; } = new();

    public IReadOnlyList<OptionReferent> Referents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Referents = await AccesParticipants.ReferentsAsync(db, annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        Referents = await AccesParticipants.ReferentsAsync(db, annulation);
        if (Saisie.ReferentId is { } referent && Referents.All(r => r.Id != referent))
            ModelState.AddModelError("Saisie.ReferentId", "Choisissez un référent de parcours de votre structure.");
        if (!ModelState.IsValid) return Page();
        Participant participant;
        try
        {
            participant = Participant.Creer(db.Contexte.StructureId ?? Guid.Empty, Saisie.VersDonnees(), Affichage.Aujourdhui(horloge));
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        db.Participants.Add(participant);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"{participant.Prenom} {participant.Nom} est inscrit(e).";
        return RedirectToPage("/Participants/Details", new { id = participant.Id });
    }
}
