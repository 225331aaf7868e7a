using System.Security.Claims;
using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Clause.Web.Pages.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages;

/// <summary>
/// The Direction's key figures of the structure (issue 15 item 8, docs/domain.md « Accueil de la Direction »): every lot
/// added up in one SQL aggregate (<see cref="RequetesHeures.TotalLotsAsync"/>), the lots behind schedule (the alert's rule,
/// <see cref="RetardsLots"/>), the lines waiting for validation, the participants followed and the active file (those in
/// a validated contrat running today). A fixed number of commands whatever the size of the structure.
/// </summary>
public sealed record ChiffresDirection(BilanHeures Heures, int Lots, int LotsEnRetard, int LignesEnAttente, int ParticipantsSuivis, int FileActive)
{
    public static async Task<ChiffresDirection> LireAsync(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        var structureId = db.Contexte.StructureId;
        var aujourdhui = Affichage.Aujourdhui(horloge);
        var lots = db.Lots.Where(l => l.StructureId == structureId);
        var total = await requetes.TotalLotsAsync(lots, annulation);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        var retards = await RetardsLots.EvaluerAsync(requetes, lots, aujourdhui, reglages.SeuilRetardLotPdb, annulation);
        var participants = db.Participants.Where(p => p.StructureId == structureId && p.AnonymiseLe == null);
        return new ChiffresDirection(total.Total, total.Lots, retards.Count(r => r.Value.EnRetard),
            await AValiderModel.EnAttente(db).CountAsync(annulation),
            await participants.CountAsync(annulation),
            await participants.CountAsync(p => db.Contrats.Any(c => c.ParticipantId == p.Id && c.StructureId == structureId
                && c.Statut == StatutContrat.Valide && c.DateDebut <= aujourdhui && c.FinReelle == null
                && (c.FinPrevue == null || c.FinPrevue >= aujourdhui)), annulation));
    }
}

/// <summary>
/// The référent's home (issue 15 item 8): the contrats of his or her participants (<see cref="AccesParticipants.Visibles"/>)
/// that end within <see cref="ReglesAlertes.JoursFinContrat"/> days, and their hours of the current and previous months
/// (counted and pending, <see cref="RequetesHeures.ParMoisAsync"/>: one grouped query).
/// </summary>
public sealed record AccueilReferent(DateOnly Aujourdhui, IReadOnlyList<ContratFinissant> ContratsFinissant, IReadOnlyList<HeuresDuMois> Mois)
{
    /// <summary>
    /// Issue 13: the référent's open parcours (his or her caseload), each with its current composed étape, its days in
    /// parcours and its 6-month follow-ups; the ones whose follow-up is due first (by échéance), then by days in parcours.
    /// </summary>
    public IReadOnlyList<ParcoursDeLaFile> FileActive { get; init; } = [];

    public const int ContratsMax = 20;

    public static async Task<AccueilReferent> LireAsync(ClauseDbContext db, RequetesHeures requetes, ClaimsPrincipal utilisateur, TimeProvider horloge,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        var aujourdhui = Affichage.Aujourdhui(horloge);
        var limite = aujourdhui.AddDays(ReglesAlertes.JoursFinContrat);
        var participants = AccesParticipants.Visibles(db, utilisateur);
        var contrats = await (from c in db.Contrats.AsNoTracking()
                              join p in participants on c.ParticipantId equals p.Id
                              join l in db.Lots on c.LotId equals l.Id
                              join e in db.Entreprises on c.EmployeurId equals e.Id
                              where c.Statut == StatutContrat.Valide && c.FinReelle == null && c.FinPrevue >= aujourdhui && c.FinPrevue <= limite
                              orderby c.FinPrevue, p.Nom, p.Prenom
                              select new ContratFinissant(c.Id, p.Prenom, p.Nom, l.Id, l.Numero, l.Libelle, e.RaisonSociale, c.FinPrevue))
            .Take(ContratsMax)
            .ToListAsync(annulation);
        var courant = Domain.Commun.Mois.De(aujourdhui);
        var precedent = Domain.Commun.Mois.De(aujourdhui.AddMonths(-1));
        var ids = participants.Select(p => p.Id);
        var mois = await requetes.ParMoisAsync(db.DeclarationsHeures.Where(d => ids.Contains(d.ParticipantId) && d.Mois >= precedent), annulation);
        var parMois = new[] { courant, precedent }
            .Select(m => mois.FirstOrDefault(h => h.Mois == m) ?? new HeuresDuMois(m, 0, 0, 0))
            .ToList();
        return new AccueilReferent(aujourdhui, contrats, parMois) { FileActive = await ParcoursDeLaFile.LireAsync(db, utilisateur, aujourdhui, annulation) };
    }
}

/// <summary>One open parcours of the référent's caseload (issue 13): current étape, days in parcours, the next follow-up.</summary>
public sealed record ParcoursDeLaFile(Domain.Commun.ParcoursId Id, string Participant, Domain.Parcours.EtapeComposee? EtapeCourante, int Jours,
    Domain.Parcours.SuiviEmploiDurable? Suivi)
{
    /// <summary>Three commands whatever the caseload: the open parcours with their étapes, the names, the validated contrats.</summary>
    public static async Task<IReadOnlyList<ParcoursDeLaFile>> LireAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, DateOnly aujourdhui,
        CancellationToken annulation)
    {
        var parcours = await Parcours.AccesParcours.Visibles(db, utilisateur).Where(p => p.TypeSortie == null && p.ReferentId == db.Contexte.UtilisateurId)
            .Include(p => p.Etapes).ToListAsync(annulation);
        if (parcours.Count == 0) return [];
        var ids = parcours.Select(p => p.ParticipantId).ToList();
        var noms = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Nom = p.Prenom + " " + p.Nom })
            .ToDictionaryAsync(p => p.Id, p => p.Nom, annulation);
        var contrats = await Parcours.AccesParcours.ContratsAsync(db, ids, annulation);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        return [.. parcours.Select(p =>
            {
                var etapes = p.Composer(contrats[p.ParticipantId], reglages);
                var suivi = Domain.Parcours.Parcours.Suivis(etapes, reglages, aujourdhui).Where(s => s.Etat != Domain.Parcours.EtatSuivi.Annule)
                    .MinBy(s => s.Echeance);
                return new ParcoursDeLaFile(p.Id, noms[p.ParticipantId], Domain.Parcours.Parcours.EtapeCourante(etapes, aujourdhui), p.JoursEnParcours(aujourdhui), suivi);
            })
            .OrderBy(f => f.Suivi?.Echeance ?? DateOnly.MaxValue).ThenByDescending(f => f.Jours)];
    }
}
