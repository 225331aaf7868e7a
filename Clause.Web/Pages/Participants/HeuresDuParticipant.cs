using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MoisCalendaire = Clause.Domain.Commun.Mois;

namespace Clause.Web.Pages.Participants;

/// <summary>
/// The « Heures d'insertion » section of a participant's page: per month, across every contrat and lot, the hours that
/// count (§7.3 filter: validated, in period, contrat validated and eligible) and those waiting for validation — one
/// query grouped in the database. Rendered by the page after it checked the participant may be read (a referent's own).
/// </summary>
public sealed class HeuresDuParticipant(ClauseDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid participantId)
    {
        var structureId = db.Contexte.StructureId;
        var mois = await (from d in db.DeclarationsHeures.AsNoTracking()
                          join c in db.Contrats on d.ContratId equals c.Id
                          where d.ParticipantId == participantId && d.StructureId == structureId
                          group new
                          {
                              d.Minutes,
                              Comptee = d.Statut == StatutDeclaration.Validee && !d.HorsPeriode && c.Statut == StatutContrat.Valide && c.EligibiliteValide,
                              EnAttente = d.Statut == StatutDeclaration.Declaree && !d.HorsPeriode && c.Statut != StatutContrat.Refuse,
                          } by d.Mois into g
                          orderby g.Key descending
                          select new
                          {
                              Mois = g.Key,
                              Comptees = g.Sum(x => x.Comptee ? x.Minutes : 0),
                              EnAttente = g.Sum(x => x.EnAttente ? x.Minutes : 0),
                              Lignes = g.Count(),
                          })
            .ToListAsync(HttpContext.RequestAborted);
        var lignes = mois.Select(m => new MoisParticipant(MoisCalendaire.DepuisCode(m.Mois), new Duree(m.Comptees), new Duree(m.EnAttente), m.Lignes)).ToList();
        return View("/Pages/Participants/_SectionHeuresDuParticipant.cshtml", lignes);
    }
}

public sealed record MoisParticipant(MoisCalendaire Mois, Duree Comptees, Duree EnAttente, int Lignes);
