using Clause.Domain.Commun;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>
/// The « Heures d'insertion » section of a participant's page: per month, across every contrat and lot, the hours that
/// count (Comptage.Comptee, §7.3) and those waiting for validation (Comptage.EnAttente) — one query grouped in the
/// database (RequetesHeures.ParMoisAsync). Rendered by the page after it checked the participant may be read (a referent's own).
/// </summary>
public sealed class HeuresDuParticipant(ClauseDbContext db, RequetesHeures requetes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ParticipantId participantId)
    {
        var structureId = db.Contexte.StructureId;
        var mois = await requetes.ParMoisAsync(
            db.DeclarationsHeures.AsNoTracking().Where(d => d.ParticipantId == participantId && d.StructureId == structureId),
            HttpContext.RequestAborted);
        var lignes = mois.Select(m => new MoisParticipant(m.Mois, new Duree(m.CompteesMinutes), new Duree(m.EnAttenteMinutes), m.Lignes)).ToList();
        return View("/Pages/Participants/_SectionHeuresDuParticipant.cshtml", lignes);
    }
}

public sealed record MoisParticipant(Mois Mois, Duree Comptees, Duree EnAttente, int Lignes);
