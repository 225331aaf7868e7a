using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Heures;

/// <summary>
/// The writes of the hours (DOMAIN.md §7): each method loads what the rule needs (contrat, lot, réglages, the
/// participant's month from <see cref="RequetesHeures.SituationAsync"/>), calls ONE domain method and saves. A broken
/// rule is a <see cref="RegleMetierException"/> naming the field (nothing is written); a line that does not exist in
/// the current structure is a <see cref="KeyNotFoundException"/> (the page answers 404).
/// </summary>
public sealed class ServiceHeures(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge)
{
    /// <summary>Declares a new line; refused when the contrat already has one for the month (it must be corrected).</summary>
    public async Task<DeclarationHeures> DeclarerAsync(ContratId contratId, Mois mois, SaisieHeures saisie, Auteur par, CancellationToken annulation = default)
    {
        var (contrat, lot, reglages) = await ChargerAsync(contratId, annulation).ConfigureAwait(false);
        var situation = await requetes.SituationAsync(contrat.ParticipantId, contrat.Id, mois, annulation).ConfigureAwait(false);
        var declaration = DeclarationHeures.Declarer(contrat, lot, mois, saisie, situation, reglages, par, horloge.GetUtcNow());
        db.DeclarationsHeures.Add(declaration);
        await EnregistrerAsync(mois, annulation).ConfigureAwait(false);
        return declaration;
    }

    /// <summary>Corrects a line: a new version replacing the current one in every total.</summary>
    public async Task<VersionDeclaration> CorrigerAsync(DeclarationId declarationId, SaisieHeures saisie, string? motifCorrection, Auteur par,
        CancellationToken annulation = default)
    {
        var declaration = await ChargerDeclarationAsync(declarationId, annulation).ConfigureAwait(false);
        var (contrat, lot, reglages) = await ChargerAsync(declaration.ContratId, annulation).ConfigureAwait(false);
        var situation = await requetes.SituationAsync(contrat.ParticipantId, contrat.Id, declaration.Mois, annulation).ConfigureAwait(false);
        var version = declaration.Corriger(contrat, lot, saisie, motifCorrection, situation, reglages, par, horloge.GetUtcNow());
        await EnregistrerAsync(declaration.Mois, annulation).ConfigureAwait(false);
        return version;
    }

    /// <summary>
    /// One month of one contrat (the form /Heures/Saisir, the grid of a single cell): declares the month, or corrects its
    /// line when one exists, with the reason typed; an unchanged value without a reason writes nothing. A refusal is thrown.
    /// <paramref name="verifierSeulement"/> checks and writes nothing (the form whose other fields could not be read).
    /// </summary>
    public async Task SaisirAsync(ContratId contratId, Mois mois, SaisieHeures saisie, string? motifCorrection, Auteur par,
        bool verifierSeulement = false, CancellationToken annulation = default)
    {
        var lotId = await db.Contrats.Where(c => c.Id == contratId).Select(c => (LotId?)c.LotId).FirstOrDefaultAsync(annulation).ConfigureAwait(false)
            ?? throw new KeyNotFoundException("Ce contrat n'existe pas.");
        var refus = await SaisirGrilleAsync(lotId, [new CelluleAEcrire(contratId, mois, saisie, motifCorrection)], par, verifierSeulement, annulation)
            .ConfigureAwait(false);
        if (refus.Count > 0) throw refus[0].Erreur;
    }

    /// <summary>
    /// The monthly grid of a lot saved as ONE operation (§7): what the cells need is loaded once — the lot, the réglages,
    /// the contrats, their lines of the months shown (with their versions) and the participants' minutes of those months
    /// on every lot (§7.1) — every cell is applied by <see cref="GrilleHeures"/>, then one <c>SaveChanges</c>. All or
    /// nothing: when a cell is refused, nothing is written and every refusal is returned. The queries do not grow with
    /// the number of cells. <paramref name="verifierSeulement"/> applies every cell and writes nothing: the grid whose other
    /// cells could not be read still gets the refusals of these (every error in one pass, issue 15 item 5).
    /// </summary>
    public async Task<IReadOnlyList<RefusCellule>> SaisirGrilleAsync(LotId lotId, IReadOnlyList<CelluleAEcrire> cellules, Auteur par,
        bool verifierSeulement = false, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(cellules);
        if (cellules.Count == 0) return [];
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Id == lotId, annulation).ConfigureAwait(false)
            ?? throw new KeyNotFoundException("Ce lot n'existe pas.");
        var reglages = await ReglagesDesStructures.PourAsync(db, lot.StructureId, annulation).ConfigureAwait(false);
        var idsContrats = cellules.Select(c => c.ContratId).Distinct().ToList();
        var codes = cellules.Select(c => c.Mois).Distinct().ToList();
        var contrats = await db.Contrats.Where(c => c.LotId == lotId && idsContrats.Contains(c.Id)).ToListAsync(annulation).ConfigureAwait(false);
        var lignes = await db.DeclarationsHeures.Include(d => d.Versions)
            .Where(d => d.LotId == lotId && idsContrats.Contains(d.ContratId) && codes.Contains(d.Mois))
            .ToListAsync(annulation).ConfigureAwait(false);
        var participants = contrats.Select(c => c.ParticipantId).Distinct().ToList();
        var moisDesParticipants = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => participants.Contains(d.ParticipantId) && codes.Contains(d.Mois))
            .Where(Comptage.PeseSurLeMaximumMensuel)
            .Select(d => new MinutesParticipant(d.ParticipantId, d.Mois, d.ContratId, d.Minutes))
            .ToListAsync(annulation).ConfigureAwait(false);

        var grille = new GrilleHeures(lot, reglages, contrats, lignes, moisDesParticipants);
        var le = horloge.GetUtcNow();
        foreach (var cellule in cellules) grille.Appliquer(cellule.ContratId, cellule.Mois, cellule.Saisie, par, le, cellule.MotifCorrection);
        if (grille.Refus.Count > 0 || verifierSeulement)
        {
            db.ChangeTracker.Clear();
            return grille.Refus;
        }
        db.DeclarationsHeures.AddRange(grille.Nouvelles);
        await EnregistrerAsync(cellules[0].Mois, annulation).ConfigureAwait(false);
        return [];
    }

    /// <summary>Validates the current version of a line (a facilitateur).</summary>
    public async Task ValiderAsync(DeclarationId declarationId, Auteur par, CancellationToken annulation = default)
    {
        var declaration = await ChargerDeclarationAsync(declarationId, annulation).ConfigureAwait(false);
        declaration.Valider(par, horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>Rejects the current version of a line with a reason (a facilitateur).</summary>
    public async Task RejeterAsync(DeclarationId declarationId, string? motif, Auteur par, CancellationToken annulation = default)
    {
        var declaration = await ChargerDeclarationAsync(declarationId, annulation).ConfigureAwait(false);
        declaration.Rejeter(motif, par, horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// The bulk decision of /Heures/AValider (issue 15 item 3): validates every line of <paramref name="ids"/> through the
    /// same domain method as one line (<see cref="DeclarationHeures.Valider"/>: each decision is written in its version, as
    /// for one line), in one SaveChanges — all or nothing. <paramref name="verifierSeulement"/> runs every check and writes
    /// nothing (the confirmation step). Refused, with nothing written: an id that is not a line of the current structure,
    /// a line already decided (every such refusal at once).
    /// </summary>
    public Task<ResumeDecision> ValiderEnMasseAsync(IReadOnlyCollection<DeclarationId> ids, Auteur par, bool verifierSeulement = false,
        CancellationToken annulation = default)
    {
        var le = horloge.GetUtcNow();
        return DeciderEnMasseAsync(ids, d => d.Valider(par, le), "validé", verifierSeulement, annulation);
    }

    /// <summary>The same for a rejection with one reason for every line (<see cref="DeclarationHeures.Rejeter"/>).</summary>
    public Task<ResumeDecision> RejeterEnMasseAsync(IReadOnlyCollection<DeclarationId> ids, string? motif, Auteur par, bool verifierSeulement = false,
        CancellationToken annulation = default)
    {
        var le = horloge.GetUtcNow();
        return DeciderEnMasseAsync(ids, d => d.Rejeter(motif, par, le), "rejeté", verifierSeulement, annulation);
    }

    /// <summary>The most lines one bulk decision takes (a filter wider than that is narrowed first).</summary>
    public const int DecisionEnMasseMax = 1_000;

    /// <summary>The field the refusals of a bulk selection name.</summary>
    public const string ChampSelection = "Ids";

    private async Task<ResumeDecision> DeciderEnMasseAsync(IReadOnlyCollection<DeclarationId> ids, Action<DeclarationHeures> decision, string participe,
        bool verifierSeulement, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distincts = ids.Distinct().ToList();
        if (distincts.Count == 0)
            throw new RegleMetierException(ChampSelection, "Cochez au moins une ligne, ou « toutes les lignes du filtre ».");
        if (distincts.Count > DecisionEnMasseMax)
            throw new RegleMetierException(ChampSelection,
                $"La sélection compte {distincts.Count} lignes, au-delà de {DecisionEnMasseMax} par envoi : affinez le filtre. Rien n'a été {participe}.");
        var structureId = db.Contexte.StructureId;
        // One query for the whole selection (not one per line); another structure's line is not found (explicit check and tenant filter).
        var lignes = await db.DeclarationsHeures.Include(d => d.Versions)
            .Where(d => distincts.Contains(d.Id) && d.StructureId == structureId)
            .ToListAsync(annulation).ConfigureAwait(false);
        var erreurs = new List<RegleMetierException>();
        var absentes = distincts.Count - lignes.Count;
        if (absentes > 0)
            erreurs.Add(new RegleMetierException(ChampSelection, (absentes == 1
                ? "1 ligne de la sélection n'existe pas dans votre structure"
                : $"{absentes} lignes de la sélection n'existent pas dans votre structure") + $" : rien n'a été {participe}."));
        var refus = new List<RegleMetierException>();
        foreach (var ligne in lignes)
        {
            try
            {
                decision(ligne);
            }
            catch (RegleMetierException ex)
            {
                refus.AddRange(ex.Toutes);
            }
        }
        // The same refusal on many lines (already decided, no reason) is said once, with its count.
        foreach (var groupe in refus.GroupBy(r => (r.Champ, r.Message)))
        {
            var champ = groupe.Key.Champ == nameof(DeclarationHeures.Statut) ? ChampSelection : groupe.Key.Champ;
            var nombre = groupe.Count();
            erreurs.Add(new RegleMetierException(champ, champ == ChampSelection
                ? $"{(nombre == 1 ? "1 ligne de la sélection" : $"{nombre} lignes de la sélection")} : {groupe.Key.Message} Rien n'a été {participe} : rechargez la liste."
                : groupe.Key.Message));
        }
        if (erreurs.Count > 0 || verifierSeulement) db.ChangeTracker.Clear();
        if (erreurs.Count > 0) throw RegleMetierException.Plusieurs(erreurs);
        var resume = new ResumeDecision(lignes.Count, lignes.Sum(l => l.Minutes));
        if (!verifierSeulement) await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return resume;
    }

    private async Task<(Contrat Contrat, Domain.Marches.Lot Lot, Domain.Structures.Reglages Reglages)> ChargerAsync(ContratId contratId, CancellationToken annulation)
    {
        var contrat = await db.Contrats.FirstOrDefaultAsync(c => c.Id == contratId, annulation).ConfigureAwait(false)
            ?? throw new KeyNotFoundException("Ce contrat n'existe pas.");
        var lot = await db.Lots.FirstAsync(l => l.Id == contrat.LotId, annulation).ConfigureAwait(false);
        var reglages = await ReglagesDesStructures.PourAsync(db, contrat.StructureId, annulation).ConfigureAwait(false);
        return (contrat, lot, reglages);
    }

    private async Task<DeclarationHeures> ChargerDeclarationAsync(DeclarationId declarationId, CancellationToken annulation) =>
        await db.DeclarationsHeures.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == declarationId, annulation).ConfigureAwait(false)
        ?? throw new KeyNotFoundException("Cette ligne d'heures n'existe pas.");

    /// <summary>Saves; two entries racing for the same contrat and month meet the unique index and get the domain's message.</summary>
    private async Task EnregistrerAsync(Mois mois, CancellationToken annulation)
    {
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
                                           || ex.InnerException?.Message.Contains("IX_DeclarationsHeures_ContratId_Mois", StringComparison.Ordinal) == true)
        {
            throw new RegleMetierException(nameof(DeclarationHeures.Mois),
                $"Des heures viennent d'être déclarées pour ce contrat en {DeclarationHeures.Texte(mois)} : rechargez la page et modifiez cette ligne.");
        }
    }
}

/// <summary>What a bulk decision took (or would take): its number of lines and their minutes.</summary>
public sealed record ResumeDecision(int Lignes, long Minutes);

/// <summary>One cell of the monthly grid to write: the contrat, the month, what was typed (and the reason of a correction).</summary>
public sealed record CelluleAEcrire(ContratId ContratId, Mois Mois, SaisieHeures Saisie, string? MotifCorrection = null);
