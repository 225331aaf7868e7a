using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Pieces;

/// <summary>A proof in a list (the partial _PiecesJustificatives renders it with its download link).</summary>
public sealed record PieceResume(PieceJustificativeId Id, NaturePiece Nature, string NomOriginal, long Taille, DateTimeOffset DeposeeLe, string DeposeeParNom)
{
    /// <summary>What it is attached to, in words (« février 2026 », « Léa Martin — Lot 1 »), when the list mixes attachments.</summary>
    public string? Rattachement { get; init; }
}

/// <summary>
/// Reads of the proofs for the pages of others (the facilitateur's queue, the portal's month): a company's proofs of a
/// month, a contrat's proofs; and the one definition of a proof « locked » by validated hours. Scoped to the current
/// structure explicitly (not only by the tenant filter), and to the company when a company contact reads.
/// </summary>
public sealed class RequetesPieces(ClauseDbContext db)
{
    /// <summary>The proofs of <paramref name="entreprise"/> attached to <paramref name="mois"/> (with or without a contrat), newest first.</summary>
    public async Task<IReadOnlyList<PieceResume>> DuMoisAsync(EntrepriseId entreprise, Mois mois, CancellationToken annulation = default) =>
        await Resumes(Perimetre().Where(p => p.EntrepriseId == entreprise && p.Mois == mois)).ToListAsync(annulation).ConfigureAwait(false);

    /// <summary>The proofs attached to <paramref name="contrat"/> (any month), newest first.</summary>
    public async Task<IReadOnlyList<PieceResume>> DuContratAsync(ContratId contrat, CancellationToken annulation = default) =>
        await Resumes(Perimetre().Where(p => p.ContratId == contrat)).ToListAsync(annulation).ConfigureAwait(false);

    /// <summary>Which of <paramref name="pieces"/> are locked (<see cref="Verrouillees"/>), in one query.</summary>
    public async Task<IReadOnlySet<PieceJustificativeId>> VerrouilleesAsync(IQueryable<PieceJustificative> pieces, CancellationToken annulation = default) =>
        (await Verrouillees(db, pieces).Select(p => p.Id).ToListAsync(annulation).ConfigureAwait(false)).ToHashSet();

    /// <summary>
    /// The proofs that may no longer be deleted, because hours they support are validated (current version « Validée »):
    /// attached to a contrat and a month, that contrat's line of that month; to a contrat only, any line of that contrat;
    /// to a month only, any line of that month of a contrat the company employs (the hours it declares). Written once,
    /// here: the deletion and the lists (whether to offer « Supprimer ») both read it.
    /// </summary>
    public static IQueryable<PieceJustificative> Verrouillees(ClauseDbContext db, IQueryable<PieceJustificative> pieces)
    {
        ArgumentNullException.ThrowIfNull(db);
        return pieces.Where(p => db.DeclarationsHeures.Any(d => d.Statut == StatutDeclaration.Validee
            && d.StructureId == p.StructureId
            && (p.Mois == null || d.Mois == p.Mois)
            && (p.ContratId != null
                ? d.ContratId == p.ContratId
                : db.Contrats.Any(c => c.Id == d.ContratId && c.EmployeurId == p.EntrepriseId))));
    }

    private IQueryable<PieceJustificative> Perimetre()
    {
        var structureId = db.Contexte.StructureId;
        var pieces = db.PiecesJustificatives.AsNoTracking().Where(p => p.StructureId == structureId);
        return db.Contexte.EntrepriseId is { } entreprise ? pieces.Where(p => p.EntrepriseId == entreprise) : pieces;
    }

    /// <summary>The list projection, newest first (ids are time-ordered: a stable tie-break).</summary>
    public static IQueryable<PieceResume> Resumes(IQueryable<PieceJustificative> pieces) =>
        pieces.OrderByDescending(p => p.DeposeeLe).ThenByDescending(p => p.Id)
            .Select(p => new PieceResume(p.Id, p.Nature, p.NomOriginal, p.Taille, p.DeposeeLe, p.DeposeeParNom));
}
