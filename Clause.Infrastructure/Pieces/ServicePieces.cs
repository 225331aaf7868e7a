using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Pieces;

/// <summary>What a company uploads: for which company, attached to what, of which nature, under which name.</summary>
/// <remarks>The nature may be missing (a form without it): the domain names it among the other refusals.</remarks>
public sealed record DepotPiece(EntrepriseId EntrepriseId, ContratId? ContratId, Mois? Mois, NaturePiece? Nature, string? NomOriginal);

/// <summary>A proof to send: its stream (the caller disposes it), its detected type and its display name.</summary>
public sealed record FichierPiece(Stream Contenu, string TypeContenu, string NomOriginal);

/// <summary>
/// Upload, download and deletion of proofs: loads, calls the domain (<see cref="PieceJustificative"/>), saves, and keeps
/// the disk in step with the database — an accepted file is moved to its generated name before the row is saved and
/// removed again if the save fails; a refused one is never kept. A <see cref="RegleMetierException"/> names the field and
/// nothing is written. Which proofs a user may reach is the caller's query (<c>visibles</c>): the web layer's one rule.
/// </summary>
public sealed class ServicePieces(ClauseDbContext db, StockagePieces stockage, TimeProvider horloge)
{
    /// <summary>
    /// Receives <paramref name="contenu"/> (the file's real type is read from its first bytes), checks the upload through
    /// <see cref="PieceJustificative.Deposer"/> and saves it. Every refusal at once (issue 15 item 5): a contrat that is
    /// not one of the company's, a missing nature, a month to come, a file refused.
    /// </summary>
    public async Task<PieceJustificative> DeposerAsync(DepotPiece depot, Stream contenu, Auteur par, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        return (await DeposerOuVerifierAsync(depot, contenu, par, verifierSeulement: false, annulation).ConfigureAwait(false))!;
    }

    /// <summary>
    /// The same checks on what a form could read (its other inputs in error; <paramref name="contenu"/> null: no file
    /// chosen), keeping nothing — the received file is deleted, no row is written: every error in one pass.
    /// </summary>
    public Task VerifierDepotAsync(DepotPiece depot, Stream? contenu, Auteur par, CancellationToken annulation = default) =>
        DeposerOuVerifierAsync(depot, contenu, par, verifierSeulement: true, annulation);

    private async Task<PieceJustificative?> DeposerOuVerifierAsync(DepotPiece depot, Stream? contenu, Auteur par, bool verifierSeulement,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(depot);
        var structureId = db.Contexte.StructureId ?? throw new InvalidOperationException("Dépôt d'une pièce hors d'une structure.");
        var verification = new Verification();
        Contrat? contrat = null;
        if (depot.ContratId is { } contratId)
        {
            contrat = await db.Contrats.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == contratId && c.StructureId == structureId && c.EmployeurId == depot.EntrepriseId, annulation).ConfigureAwait(false);
            if (contrat is null) verification.Refuser(new RegleMetierException(nameof(PieceJustificative.ContratId), PieceJustificative.ContratInconnu));
        }
        using var fichier = contenu is null ? null : await stockage.RecevoirAsync(structureId, contenu, annulation).ConfigureAwait(false);
        var piece = verification.Verifier(() => PieceJustificative.Deposer(structureId, depot.EntrepriseId, contrat, depot.Mois, depot.Nature,
            depot.NomOriginal, fichier?.Recu, par, horloge.GetUtcNow()));
        verification.Lever();
        if (verifierSeulement || piece is null || fichier is null) return null;
        fichier.Conserver(piece.NomStocke);
        db.PiecesJustificatives.Add(piece);
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch
        {
            db.Entry(piece).State = EntityState.Detached;
            stockage.Supprimer(structureId, piece.NomStocke);
            throw;
        }
        return piece;
    }

    /// <summary>Deletes the proof <paramref name="id"/> among <paramref name="visibles"/>; false when it is not there (→ 404).</summary>
    public async Task<bool> SupprimerAsync(IQueryable<PieceJustificative> visibles, PieceJustificativeId id, Auteur par, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(visibles);
        var structureId = db.Contexte.StructureId;
        var cible = visibles.Where(p => p.Id == id && p.StructureId == structureId);
        var piece = await cible.AsTracking().FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (piece is null) return false;
        piece.VerifierSuppression(par, await RequetesPieces.Verrouillees(db, cible).AnyAsync(annulation).ConfigureAwait(false));
        db.PiecesJustificatives.Remove(piece);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        // After the save: a failed save keeps the file its row still names; a failed delete leaves an orphan file, never a row without its file.
        stockage.Supprimer(piece.StructureId, piece.NomStocke);
        return true;
    }

    /// <summary>The proof <paramref name="id"/> among <paramref name="visibles"/>, its download recorded first; null when it is not there (→ 404).</summary>
    public async Task<FichierPiece?> TelechargerAsync(IQueryable<PieceJustificative> visibles, PieceJustificativeId id, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(visibles);
        var structureId = db.Contexte.StructureId;
        var piece = await visibles.AsNoTracking().Where(p => p.Id == id && p.StructureId == structureId)
            .Select(p => new { p.StructureId, p.NomStocke, p.TypeContenu, p.NomOriginal })
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        // A proof deleted at its participant's anonymisation has no content any more: not found (→ 404).
        if (piece is null || piece.NomOriginal == PieceJustificative.NomSupprime) return null;
        var flux = stockage.Ouvrir(piece.StructureId, piece.NomStocke);
        if (flux is null) return null;
        try
        {
            db.TelechargementsPieces.Add(new TelechargementPiece
            {
                StructureId = piece.StructureId,
                PieceId = id,
                Quand = horloge.GetUtcNow(),
                UtilisateurId = db.Contexte.UtilisateurId,
                NomUtilisateur = db.Contexte.NomUtilisateur,
            });
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch
        {
            await flux.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new FichierPiece(flux, piece.TypeContenu, piece.NomOriginal);
    }
}
