using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// Dispatches the domain events of the tracked entities inside <see cref="ClauseDbContext.SaveChangesAsync(bool, CancellationToken)"/>,
/// before anything is written: the dependent lines of hours and contrats are loaded in set queries (a few per pass,
/// never one per line) and handed to the domain's re-evaluation methods (<c>DeclarationHeures.ReevaluerPeriode</c>,
/// <c>Contrat.ReevaluerEligibilite</c>); the changes they make are saved with the input that caused them, in the same
/// transaction. Repeats until no entity raised a new event, so a handler that changes an input is followed too.
/// </summary>
internal static class ReevaluationDerivees
{
    // The re-evaluation methods raise nothing today: a loop beyond a few passes is a defect, not a workload.
    private const int PassesMax = 5;

    public static async Task DiffuserAsync(ClauseDbContext db, CancellationToken annulation)
    {
        for (var passe = 0; ; passe++)
        {
            var evenements = db.ChangeTracker.Entries<Entite>().ToList()
                .SelectMany(e => e.Entity.RetirerEvenements()).Distinct().ToList();
            if (evenements.Count == 0) return;
            if (passe == PassesMax)
                throw new InvalidOperationException($"Les événements du domaine se relancent sans fin ({string.Join(", ", evenements)}).");
            await ReevaluerPeriodesAsync(db, evenements, annulation).ConfigureAwait(false);
            await ReevaluerEligibilitesAsync(db, evenements, annulation).ConfigureAwait(false);
        }
    }

    /// <summary>§7.2: the « hors période » flag of the lines whose contrat's dates, lot's dates or structure's tolerance changed.</summary>
    private static async Task ReevaluerPeriodesAsync(ClauseDbContext db, List<IEvenementDomaine> evenements, CancellationToken annulation)
    {
        var contrats = evenements.OfType<DatesContratModifiees>().Select(e => e.ContratId).ToList();
        var lots = evenements.OfType<DatesLotModifiees>().Select(e => e.LotId).ToList();
        var structures = evenements.OfType<ToleranceApresFinModifiee>().Select(e => e.StructureId).ToList();
        if (contrats.Count + lots.Count + structures.Count == 0) return;

        var lignes = await db.DeclarationsHeures
            .Where(d => contrats.Contains(d.ContratId) || lots.Contains(d.LotId) || structures.Contains(d.StructureId))
            .ToListAsync(annulation).ConfigureAwait(false);
        if (lignes.Count == 0) return;
        var idsContrats = lignes.Select(l => l.ContratId).Distinct().ToList();
        var idsLots = lignes.Select(l => l.LotId).Distinct().ToList();
        var idsStructures = lignes.Select(l => l.StructureId).Distinct().ToList();
        // Tracked instances come back with their unsaved values (identity resolution): the new dates and tolerance apply.
        var parContrat = await db.Contrats.Where(c => idsContrats.Contains(c.Id)).ToDictionaryAsync(c => c.Id, annulation).ConfigureAwait(false);
        var parLot = await db.Lots.Where(l => idsLots.Contains(l.Id)).ToDictionaryAsync(l => l.Id, annulation).ConfigureAwait(false);
        var reglages = await ReglagesDesStructures.PourAsync(db, idsStructures, annulation).ConfigureAwait(false);
        foreach (var ligne in lignes)
            ligne.ReevaluerPeriode(parContrat[ligne.ContratId], parLot[ligne.LotId], reglages(ligne.StructureId));
    }

    /// <summary>
    /// §5, §7.3: the eligibility of the contrats whose participant's decisions or structure's window réglage changed (a
    /// contrat's own start date and derogation are re-checked by the contrat itself, in <c>Modifier</c> and <c>Deroger</c>).
    /// </summary>
    private static async Task ReevaluerEligibilitesAsync(ClauseDbContext db, List<IEvenementDomaine> evenements, CancellationToken annulation)
    {
        var participants = evenements.OfType<DecisionEligibiliteEnregistree>().Select(e => e.ParticipantId).ToList();
        var structures = evenements.OfType<FenetreEligibiliteModifiee>().Select(e => e.StructureId).ToList();
        if (participants.Count + structures.Count == 0) return;

        var concernes = await db.Contrats
            .Where(c => c.Statut != StatutContrat.Refuse && (participants.Contains(c.ParticipantId) || structures.Contains(c.StructureId)))
            .ToListAsync(annulation).ConfigureAwait(false);
        if (concernes.Count == 0) return;
        var idsParticipants = concernes.Select(c => c.ParticipantId).Distinct().ToList();
        var idsStructures = concernes.Select(c => c.StructureId).Distinct().ToList();
        var parParticipant = await db.Participants.Include(p => p.Decisions).Where(p => idsParticipants.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, annulation).ConfigureAwait(false);
        var reglages = await ReglagesDesStructures.PourAsync(db, idsStructures, annulation).ConfigureAwait(false);
        foreach (var contrat in concernes)
            contrat.ReevaluerEligibilite(parParticipant[contrat.ParticipantId], reglages(contrat.StructureId));
    }
}
