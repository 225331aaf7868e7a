using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Participants.DroitsPersonne;

/// <summary>
/// The right of access (issue 16 item 11, DOMAIN.md §12): everything Clause holds about one participant, as a printable
/// page (the browser saves it as PDF) or as a JSON file (<c>?handler=Json</c>). Both come from one collection
/// (<see cref="ExportAcces.CollecterAsync"/>). Each export is an export of personal data: it is written to the sensitive-data
/// journal and recorded as the participant's access request (<see cref="DemandeDroit"/>), before the collection so that the
/// export lists itself. Direction and Facilitateur only (the folder); another structure's participant is a 404.
/// </summary>
public sealed class AccesModel(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : PageModel
{
    public DossierAcces Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(ParticipantId id, CancellationToken annulation)
    {
        if (await PreparerAsync(id, "page imprimable", annulation) is not { } dossier) return NotFound();
        Dossier = dossier;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(ParticipantId id, CancellationToken annulation)
    {
        if (await PreparerAsync(id, "JSON", annulation) is not { } dossier) return NotFound();
        var nom = $"droit-acces-{(ClasseurBilan.Slug(dossier.Identite.Nom) is { Length: > 0 } slug ? slug : "participant")}-{dossier.GenereLe.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json";
        return File(ExportAcces.Json(dossier), "application/json", nom);
    }

    private async Task<DossierAcces?> PreparerAsync(ParticipantId id, string format, CancellationToken annulation)
    {
        if (await AccesParticipants.ChargerAsync(db, User, id, annulation) is not { } participant) return null;
        var maintenant = horloge.GetUtcNow();
        db.DemandesDroits.Add(DemandeDroit.Acces(participant, Auteurs.Courant(db, User), Affichage.Aujourdhui(horloge)));
        await db.ConsignerAsync(participant.StructureId, id, $"{ExportAcces.QuoiJournal} — {format}", maintenant, annulation);
        return await ExportAcces.CollecterAsync(db, requetes, id, maintenant, annulation);
    }
}
