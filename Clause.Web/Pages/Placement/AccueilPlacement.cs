using System.Security.Claims;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement;

/// <summary>A « non retenu » waiting for its next step: the référent's task (F13), with the company's reason.</summary>
public sealed record CandidatNonRetenu(CandidatureId Id, string Participant, string Poste, string Entreprise, MotifNonRetenu? Motif, string? Precision,
    DateTimeOffset? Le);

/// <summary>An open poste without any candidate.</summary>
public sealed record PosteSansCandidat(PosteId Id, string Intitule, string Entreprise, DateOnly DateDebut);

/// <summary>A shortlist presented to a company still without its answer.</summary>
public sealed record ListeSansReponse(PosteId Id, string Intitule, string Entreprise, int Candidats, DateTimeOffset PresenteeLe);

/// <summary>
/// Placement on the home page (issue 14 items 3 and 5). For a référent: the tasks « candidat non retenu — prévoir la suite »
/// of his or her participants (<see cref="AccesPlacement.CandidaturesVisibles"/>). For the facilitateur and the Direction:
/// open postes without a candidate, shortlists without the company's answer for more than the réglage's days
/// (<c>Reglages.DelaiReponseListeJours</c>, 10 by default), candidates not retained without a next step. Each list is one
/// projected query with a limit.
/// </summary>
public sealed record AccueilPlacement(IReadOnlyList<CandidatNonRetenu> NonRetenus, IReadOnlyList<PosteSansCandidat> PostesSansCandidat,
    IReadOnlyList<ListeSansReponse> ListesSansReponse, int DelaiReponseListeJours, bool Personnel)
{
    public const int Max = 10;

    public static async Task<AccueilPlacement> LireAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, TimeProvider horloge, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(horloge);
        var structureId = db.Contexte.StructureId;
        var sansSuite = AccesPlacement.CandidaturesVisibles(db, utilisateur).Where(c => c.Statut == StatutCandidature.NonRetenue && c.Suite == null);
        var nonRetenus = await (from c in sansSuite.AsNoTracking()
                                join p in db.Participants on c.ParticipantId equals p.Id
                                join poste in db.PostesAPourvoir on c.PosteId equals poste.Id
                                join e in db.Entreprises on c.EntrepriseId equals e.Id
                                orderby c.IssueLe, c.Id
                                select new CandidatNonRetenu(c.Id, p.Prenom + " " + p.Nom, poste.Intitule, e.RaisonSociale, c.MotifNonRetenu, c.PrecisionNonRetenu, c.IssueLe))
            .Take(Max).ToListAsync(annulation);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        if (!Droits.Peut(utilisateur, Politiques.LectureClause))
            return new AccueilPlacement(nonRetenus, [], [], reglages.DelaiReponseListeJours, false);

        var postes = await (from p in db.PostesAPourvoir.AsNoTracking()
                            where p.StructureId == structureId && p.Statut == StatutPoste.Ouvert
                                  && !db.Candidatures.Any(c => c.StructureId == structureId && c.PosteId == p.Id)
                            join e in db.Entreprises on p.EntrepriseId equals e.Id
                            orderby p.DateDebut, p.Id
                            select new PosteSansCandidat(p.Id, p.Intitule, e.RaisonSociale, p.DateDebut))
            .Take(Max).ToListAsync(annulation);
        var limite = horloge.GetUtcNow().AddDays(-reglages.DelaiReponseListeJours);
        // One command: the shortlists waiting (grouped by poste) joined to their poste and company.
        var attente = from c in db.Candidatures
                      where c.StructureId == structureId && c.Statut == StatutCandidature.Presentee && c.PresenteeLe < limite
                      group c by c.PosteId into g
                      select new { PosteId = g.Key, Candidats = g.Count(), PresenteeLe = g.Min(c => c.PresenteeLe) };
        var listes = (await (from a in attente
                             join p in db.PostesAPourvoir on a.PosteId equals p.Id
                             join e in db.Entreprises on p.EntrepriseId equals e.Id
                             orderby a.PresenteeLe, p.Id
                             select new { p.Id, p.Intitule, e.RaisonSociale, a.Candidats, a.PresenteeLe })
                .AsNoTracking().Take(Max).ToListAsync(annulation))
            .Select(a => new ListeSansReponse(a.Id, a.Intitule, a.RaisonSociale, a.Candidats, a.PresenteeLe!.Value))
            .ToList();
        return new AccueilPlacement(nonRetenus, postes, listes, reglages.DelaiReponseListeJours, true);
    }
}
