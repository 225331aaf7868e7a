using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Conservation;

/// <summary>A participant whose retention period is over: who, their last event, and from when they may be anonymised.</summary>
public sealed record ParticipantEchu(ParticipantId Id, string Nom, string Prenom, DernierEvenement Dernier, DateOnly AnonymisableLe);

/// <summary>What one structure's retention run did.</summary>
public sealed record ResultatConservation(bool Confirmee, int Anonymises, int LignesAuditPurgees, int LecturesSensiblesPurgees)
{
    public string Resume => (Confirmee
            ? $"{Anonymises} participant(s) anonymisé(s), {LignesAuditPurgees} ligne(s) d'audit purgée(s)"
            : "anonymisation en attente de la confirmation de la Direction")
        + $", {LecturesSensiblesPurgees} lecture(s) sensible(s) purgée(s)";
}

/// <summary>
/// The retention of DOMAIN.md §12 for the current structure (docs/domain.md « Conservation et anonymisation »), run each
/// night by the job « conservation-donnees » (<c>ParStructure</c>) and read by the Direction's dry-run page:
/// <list type="bullet">
/// <item>the participants whose last event (<see cref="Domain.Participants.Conservation"/>, the one rule) is more than
/// <c>Reglages.ConservationMois</c> months old — <see cref="EchusAsync"/>, the dry-run list;</item>
/// <item>once the Direction has confirmed that list (<c>Reglages.AnonymisationConfirmeeLe</c>), each is anonymised
/// (<see cref="Participant.Anonymiser"/>, the ages at their contrats' start frozen first), with the company proposals linked
/// to them; their alerts (whose text names them) are deleted; the personal values of their audit rows (their record and its
/// decisions, their proposals, those alerts) are replaced by <see cref="JournalAudit.ValeurPurgee"/> with <c>PurgeLe</c>
/// set — the chain still verifies (<see cref="ChaineAudit"/>); all in one transaction per participant;</item>
/// <item>with them, the proofs attached to their contrats: the file is deleted from the storage, the uploaded name becomes
/// <see cref="Domain.Pieces.PieceJustificative.NomSupprime"/> (the row stays, marked deleted, and is no longer downloadable),
/// and their audit rows are purged; the free-text reasons of their contrats (override, refusal) become the marker
/// (<c>Contrat.PurgerMotifs</c>) and the contrats' audit rows that carry these fields are purged;</item>
/// <item>the journal of sensitive reads older than <c>Reglages.ConservationJournauxMois</c> months is deleted.</item>
/// </list>
/// A second run finds nobody left: an anonymised participant is never read again.
/// </summary>
public sealed class ServiceConservation(ClauseDbContext db, StockagePieces stockage, TimeProvider horloge)
{
    /// <summary>
    /// How long the run journal of the scheduled jobs (<see cref="Taches.ExecutionTache"/>, global: no StructureId, so no
    /// structure's réglage applies) is kept: 12 months, the CNIL's usual ceiling for operation logs.
    /// </summary>
    public const int ConservationExecutionsTachesMois = 12;

    /// <summary>The fields of a contrat's audit rows that are free texts which may name the participant.</summary>
    private static readonly string[] ChampsMotifs = [nameof(Contrat.MotifDerogation), nameof(Contrat.MotifRefus)];

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private StructureId Structure => db.Contexte.StructureId ?? throw new InvalidOperationException("La conservation s'exécute pour une structure.");

    private DateOnly Aujourdhui => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), Paris).DateTime);

    /// <summary>The dry-run list: who would be anonymised today, oldest last event first.</summary>
    public async Task<IReadOnlyList<ParticipantEchu>> EchusAsync(CancellationToken annulation = default)
    {
        var structureId = Structure;
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);
        var aujourdhui = Aujourdhui;
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.StructureId == structureId && p.AnonymiseLe == null)
            .Select(p => new { p.Id, p.Nom, p.Prenom, p.InscritLe })
            .ToListAsync(annulation).ConfigureAwait(false);
        if (participants.Count == 0) return [];

        // One grouped query per kind of event, over the structure's non-anonymised participants.
        var actifs = db.Participants.Where(p => p.StructureId == structureId && p.AnonymiseLe == null).Select(p => p.Id);
        // A structure's contrats are few enough to read one row each; the rule is applied in memory (Conservation).
        var contrats = (await db.Contrats.AsNoTracking()
                .Where(c => actifs.Contains(c.ParticipantId))
                .Select(c => new { c.ParticipantId, c.Statut, c.DateDebut, c.FinPrevue, c.FinReelle })
                .ToListAsync(annulation).ConfigureAwait(false))
            .GroupBy(c => c.ParticipantId)
            .ToDictionary(g => g.Key, g => new
            {
                Fin = g.Max(c => Domain.Participants.Conservation.FinContrat(c.DateDebut, c.FinPrevue, c.FinReelle)),
                Ouvert = g.Any(c => Domain.Participants.Conservation.ContratOuvert(c.Statut, c.FinPrevue, c.FinReelle)),
            });
        var heures = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => actifs.Contains(d.ParticipantId))
            .GroupBy(d => d.ParticipantId)
            .Select(g => new { g.Key, Mois = g.Max(d => d.Mois) })
            .ToDictionaryAsync(x => x.Key, x => x.Mois, annulation).ConfigureAwait(false);
        var decisions = await db.DecisionsEligibilite.AsNoTracking()
            .Where(d => actifs.Contains(d.ParticipantId))
            .GroupBy(d => d.ParticipantId)
            .Select(g => new { g.Key, Date = g.Max(d => d.DateValidation) })
            .ToDictionaryAsync(x => x.Key, x => x.Date, annulation).ConfigureAwait(false);
        // The record's changes: its audit rows (the participant and its decisions share its RacineId).
        var racines = participants.Select(p => p.Id.Valeur).ToList();
        var modifications = await db.JournalAudit.AsNoTracking()
            .Where(j => j.StructureId == structureId && racines.Contains(j.RacineId))
            .GroupBy(j => j.RacineId)
            .Select(g => new { g.Key, Quand = g.Max(j => j.Quand) })
            .ToDictionaryAsync(x => x.Key, x => x.Quand, annulation).ConfigureAwait(false);

        var echus = new List<ParticipantEchu>();
        foreach (var p in participants)
        {
            var modification = modifications.TryGetValue(p.Id.Valeur, out var quand)
                ? Max(p.InscritLe, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, Paris).DateTime))
                : p.InscritLe;
            var evenements = new EvenementsParticipant(
                contrats.TryGetValue(p.Id, out var c) ? c.Fin : null,
                c?.Ouvert ?? false,
                heures.TryGetValue(p.Id, out var mois) ? mois : null,
                decisions.TryGetValue(p.Id, out var decision) ? decision : null,
                modification);
            if (!Domain.Participants.Conservation.EstEchu(evenements, reglages.ConservationMois, aujourdhui)) continue;
            var dernier = Domain.Participants.Conservation.Dernier(evenements)!;
            echus.Add(new ParticipantEchu(p.Id, p.Nom, p.Prenom, dernier, Domain.Participants.Conservation.AnonymisableLe(dernier, reglages.ConservationMois)));
        }
        return echus.OrderBy(e => e.Dernier.Date).ThenBy(e => e.Nom, StringComparer.Ordinal).ThenBy(e => e.Prenom, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Direction confirms the dry-run list: the next runs anonymise (the first confirmation's date is kept).</summary>
    public async Task ConfirmerAsync(CancellationToken annulation = default)
    {
        var structureId = Structure;
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);
        if (db.Entry(reglages).State == EntityState.Detached) db.Reglages.Add(reglages);
        reglages.ConfirmerAnonymisation(db.Contexte.NomUtilisateur, horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>The night's run for the current structure: anonymise the confirmed ones, purge the old journal of sensitive reads.</summary>
    public async Task<ResultatConservation> ExecuterAsync(CancellationToken annulation = default)
    {
        var structureId = Structure;
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);
        var maintenant = horloge.GetUtcNow();
        var lectures = await PurgerLecturesSensiblesAsync(structureId, reglages.ConservationJournauxMois, maintenant, annulation).ConfigureAwait(false);
        if (reglages.AnonymisationConfirmeeLe is null) return new ResultatConservation(false, 0, 0, lectures);

        var echus = await EchusAsync(annulation).ConfigureAwait(false);
        var deja = await db.Participants.CountAsync(p => p.StructureId == structureId && p.AnonymiseLe != null, annulation).ConfigureAwait(false);
        var lignes = 0;
        foreach (var echu in echus)
        {
            annulation.ThrowIfCancellationRequested();
            lignes += await AnonymiserAsync(echu.Id, ++deja, maintenant, annulation).ConfigureAwait(false);
        }
        return new ResultatConservation(true, echus.Count, lignes, lectures);
    }

    private async Task<int> AnonymiserAsync(ParticipantId id, int numero, DateTimeOffset maintenant, CancellationToken annulation)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
        var participant = await db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == id, annulation).ConfigureAwait(false);
        var contrats = await db.Contrats.Where(c => c.ParticipantId == id).ToListAsync(annulation).ConfigureAwait(false);
        var propositions = await db.PropositionsEmbauche.Where(p => p.ParticipantId == id).ToListAsync(annulation).ConfigureAwait(false);
        var candidatures = await db.Candidatures.Where(c => c.ParticipantId == id).ToListAsync(annulation).ConfigureAwait(false);
        var parcours = await db.Parcours.Include(p => p.Etapes).Where(p => p.ParticipantId == id).ToListAsync(annulation).ConfigureAwait(false);
        var sujets = contrats.Select(c => c.Id.Valeur).Append(id.Valeur).ToList();
        var alertes = await db.Alertes.Where(a => sujets.Contains(a.SujetId)).ToListAsync(annulation).ConfigureAwait(false);
        var idsContrats = contrats.Select(c => (ContratId?)c.Id).ToList();
        var pieces = await db.PiecesJustificatives.Where(p => idsContrats.Contains(p.ContratId)).ToListAsync(annulation).ConfigureAwait(false);

        participant.Anonymiser(numero, contrats, maintenant);
        foreach (var proposition in propositions) proposition.Anonymiser(participant);
        foreach (var candidature in candidatures) candidature.Anonymiser(participant);
        foreach (var un in parcours) un.Anonymiser(participant);
        foreach (var piece in pieces) piece.SupprimerContenu();
        db.Alertes.RemoveRange(alertes);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);

        // The audit rows written so far, this save's included: the record and its decisions, the proposals, the candidatures,
        // the parcours and their étapes, the proofs, the alerts.
        var racines = propositions.Select(p => p.Id.Valeur).Concat(pieces.Select(p => p.Id.Valeur)).Concat(candidatures.Select(c => c.Id.Valeur))
            .Concat(parcours.Select(p => p.Id.Valeur)).Append(id.Valeur).ToList();
        var entites = alertes.Select(a => a.Id).ToList();
        var racinesContrats = contrats.Select(c => c.Id.Valeur).ToList();
        var structureId = participant.StructureId;
        var aPurger = await db.JournalAudit
            .Where(j => j.StructureId == structureId && j.PurgeLe == null && (racines.Contains(j.RacineId) || entites.Contains(j.EntiteId)))
            .ToListAsync(annulation).ConfigureAwait(false);
        // The contrats' rows only where they carry a reason (their dates, statuses and hours stay readable).
        aPurger.AddRange((await db.JournalAudit
                .Where(j => j.StructureId == structureId && j.PurgeLe == null && racinesContrats.Contains(j.RacineId))
                .ToListAsync(annulation).ConfigureAwait(false))
            .Where(j => !aPurger.Contains(j) && PorteUnMotif(j)));
        foreach (var ligne in aPurger) Purger(ligne, maintenant);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        await transaction.CommitAsync(annulation).ConfigureAwait(false);
        // After the commit: a failed run keeps the files its rows still name; a failed delete leaves an orphan file only.
        foreach (var piece in pieces) stockage.Supprimer(piece.StructureId, piece.NomStocke);
        return aPurger.Count;
    }

    private static bool PorteUnMotif(JournalAudit ligne) =>
        (JsonSerializer.Deserialize<List<ChangementChamp>>(ligne.Changements, Json) ?? []).Any(c => ChampsMotifs.Contains(c.Champ));

    /// <summary>
    /// The run journal of the scheduled jobs older than <see cref="ConservationExecutionsTachesMois"/> months is deleted
    /// (installation-wide: run once per night by the job, outside the structures' loop). Returns the number of rows deleted.
    /// </summary>
    public static async Task<int> PurgerExecutionsTachesAsync(ClauseDbContext db, DateTimeOffset maintenant, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var avant = maintenant.AddMonths(-ConservationExecutionsTachesMois);
        return await db.ExecutionsTaches.Where(e => e.DebutLe < avant && e.Resultat != Taches.ResultatTache.EnCours)
            .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// Every value of the row becomes the purge marker (the field names stay, so the history still says what changed);
    /// <see cref="JournalAudit.EmpreinteChangements"/> keeps the digest of the values as written, so the row's hash and the
    /// chain still verify, and <see cref="ChaineAudit"/> accepts nothing but the marker on a purged row.
    /// </summary>
    internal static void Purger(JournalAudit ligne, DateTimeOffset le)
    {
        var changements = JsonSerializer.Deserialize<List<ChangementChamp>>(ligne.Changements, Json) ?? [];
        ligne.Changements = JsonSerializer.Serialize(
            changements.Select(c => new ChangementChamp(c.Champ, c.Avant is null ? null : JournalAudit.ValeurPurgee, c.Apres is null ? null : JournalAudit.ValeurPurgee)).ToList(),
            Json);
        ligne.PurgeLe = le;
    }

    private async Task<int> PurgerLecturesSensiblesAsync(StructureId structureId, int mois, DateTimeOffset maintenant, CancellationToken annulation)
    {
        var avant = maintenant.AddMonths(-mois);
        return await db.JournalAccesDonneesSensibles
            .Where(j => j.StructureId == structureId && j.Quand < avant)
            .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
