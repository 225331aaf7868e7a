using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Participants;

/// <summary>Registers a participant (Facilitateur).</summary>
public sealed class CreerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db), IFormulaireParticipant
{
    [BindProperty]
    public SaisieParticipant Saisie { get; set; } = new();

    public IReadOnlyList<OptionReferent> Referents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
        if (Saisie.ReferentId is { } referent && Referents.All(r => r.Id != referent))
            ModelState.AddModelError("Saisie.ReferentId", "Choisissez un référent de parcours de votre structure.");
        // No early return: the domain checks every field too, so that every error of the form shows at once.
        if (!Appliquer(() => Participant.Creer(Db.Contexte.StructureId ?? default, Saisie.VersDonnees(), Affichage.Aujourdhui(horloge)), out var participant))
            return Page();
        Db.Participants.Add(participant);
        return await EnregistrerAsync($"{participant.Prenom} {participant.Nom} est inscrit(e).", "/Participants/Details", new { id = participant.Id }, annulation);
    }
}
