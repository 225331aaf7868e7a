using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages;

/// <summary>
/// The « Alertes » and « Relances infructueuses » sections of the home page (issue 12 items 3 and 4), rendered by one line
/// of Index.cshtml for every staff user of a structure — the référent's home included: the signed-in user's open alerts,
/// and for the clause's staff (Direction, Facilitateur) the structure's open « relance infructueuse » tasks with the
/// proposed penalty. A view component so that the home page model does not change; three grouped queries, each limited.
/// </summary>
public sealed class AlertesAccueil(ClauseDbContext db) : ViewComponent
{
    public const int AlertesMax = 30;
    public const int TachesMax = 30;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var structureId = db.Contexte.StructureId;
        var utilisateurId = db.Contexte.UtilisateurId;
        var personnel = Droits.Peut(UserClaimsPrincipal, Politiques.LectureParticipants);
        if (structureId is null || utilisateurId is null || !personnel) return Content(string.Empty);
        var annulation = HttpContext.RequestAborted;

        var siennes = db.Alertes.AsNoTracking().Where(a => a.StructureId == structureId && a.DestinataireId == utilisateurId && a.TraiteeLe == null);
        var alertes = await siennes.OrderByDescending(a => a.CreeeLe).ThenBy(a => a.Echeance).ThenBy(a => a.Id)
            .Select(a => new AlerteAffichee(a.Id, a.Nature, a.Texte, a.Lien, a.Echeance))
            .Take(AlertesMax)
            .ToListAsync(annulation);
        var nombreAlertes = alertes.Count < AlertesMax ? alertes.Count : await siennes.CountAsync(annulation);

        List<TacheAffichee> taches = [];
        var nombreTaches = 0;
        var clause = Droits.Peut(UserClaimsPrincipal, Politiques.LectureClause);
        if (clause)
        {
            var ouvertes = from t in db.TachesRelance.AsNoTracking()
                           join l in db.Lots on t.LotId equals l.Id
                           join e in db.Entreprises on t.EntrepriseId equals e.Id
                           where t.StructureId == structureId && t.TraiteeLe == null
                           select new { t, l, e };
            taches = await ouvertes.OrderBy(x => x.t.CreeeLe).ThenBy(x => x.t.Mois).ThenBy(x => x.t.Id)
                .Select(x => new TacheAffichee(x.t.Id, x.t.LotId, $"Lot {x.l.Numero} — {x.l.Libelle}", x.l.Marche.Numero, x.e.Id, x.e.RaisonSociale, x.t.Mois,
                    new Duree(x.t.DuesMinutes), new Duree(x.t.RealiseesMinutes), x.t.MontantParHeureManquanteCentimes, x.t.PenaliteProposeeCentimes))
                .Take(TachesMax)
                .ToListAsync(annulation);
            nombreTaches = taches.Count < TachesMax ? taches.Count : await ouvertes.CountAsync(annulation);
        }
        return View("/Pages/_Alertes.cshtml", new SectionAlertes(alertes, nombreAlertes, clause, taches, nombreTaches,
            Droits.Peut(UserClaimsPrincipal, Politiques.GestionClause)));
    }
}

public sealed record AlerteAffichee(Guid Id, Domain.Alertes.NatureAlerte Nature, string Texte, string Lien, DateOnly Echeance);

public sealed record TacheAffichee(Guid Id, LotId LotId, string Lot, string Marche, EntrepriseId EntrepriseId, string Entreprise, Mois Mois,
    Duree Dues, Duree Realisees, long? MontantParHeureCentimes, long? PenaliteCentimes)
{
    public Duree Manquantes => new(Math.Max(0, Dues.Minutes - Realisees.Minutes));
}

public sealed record SectionAlertes(IReadOnlyList<AlerteAffichee> Alertes, int NombreAlertes, bool MontrerTaches, IReadOnlyList<TacheAffichee> Taches,
    int NombreTaches, bool Gestion);
