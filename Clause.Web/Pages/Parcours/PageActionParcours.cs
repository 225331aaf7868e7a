using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Web.Pages.Parcours;

/// <summary>
/// Base of the référent's action pages on one parcours (Etape, Cloturer, Rouvrir): the loading half of the convention for
/// /Parcours. A parcours the user may not see (another structure's, another référent's participant's) is a 404, GET and POST.
/// </summary>
public abstract class PageActionParcours(ClauseDbContext db) : PageAction(db)
{
    public ParcoursId Id { get; private set; }

    public string Participant { get; private set; } = string.Empty;

    protected async Task<ParcoursPlie?> ChargerAsync(ParcoursId id, CancellationToken annulation)
    {
        if (await AccesParcours.ChargerAsync(Db, User, id, annulation) is not { } parcours) return null;
        Id = id;
        Participant = await Db.Participants.AsNoTracking().Where(p => p.Id == parcours.ParticipantId && p.StructureId == parcours.StructureId)
            .Select(p => p.Prenom + " " + p.Nom).FirstAsync(annulation);
        return parcours;
    }
}
