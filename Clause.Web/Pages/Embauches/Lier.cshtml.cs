using Clause.Domain.Commun;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Clause.Web.Pages.Lots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Embauches;

/// <summary>
/// A facilitateur links a proposal to an existing participant (a match offered on the proposal's page, or any participant
/// chosen here): the contrat is created, proposed, origin « Entreprise » (PropositionEmbauche.Lier). A participant that is
/// not the structure's is refused beside the field and nothing is written.
/// </summary>
public sealed class LierModel(ClauseDbContext db, TimeProvider horloge) : PageActionProposition(db)
{
    [BindProperty]
    public SaisieLien Saisie { get; set; } = new();

    public IReadOnlyList<Correspondance> Correspondances { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        await RestaurerApresRechercheAsync(Saisie);
        await PreparerAsync(proposition, annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } proposition) return NotFound();
        await PreparerAsync(proposition, annulation);
        if (Saisie.ParticipantId is { } pid && !await Recherches.Participants.OffreAsync(Db, User, pid, null, annulation))
            ModelState.AddModelError("Saisie.ParticipantId", "Choisissez un participant de votre structure dans la liste.");
        // The domain needs the participant: without one read and offered it is not called (its field keeps its error).
        if (Saisie.ParticipantId is not { } participantId || Invalide("Saisie.ParticipantId")) return Page();
        var participant = await AccesContrats.ParticipantAsync(Db, participantId, annulation);
        var lot = await ChargementLot.ChargerAsync(Db, proposition.LotId, annulation);
        var employeur = await Db.Entreprises.AsNoTracking().FirstAsync(e => e.Id == proposition.EmployeurId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => proposition.Lier(participant, lot!, employeur, reglages, Auteurs.Courant(Db, User), horloge.GetUtcNow()), out var contrat))
            return Page();
        Db.Contrats.Add(contrat);
        return await EnregistrerAsync($"La proposition est liée à {participant.Prenom} {participant.Nom} : le contrat est proposé, il attend sa validation.",
            "/Embauches/Details", new { id }, annulation);
    }

    private async Task PreparerAsync(PropositionEmbauche proposition, CancellationToken annulation)
    {
        Correspondances = await DetailsModel.CorrespondancesAsync(Db, proposition, annulation);
    }
}
