using Clause.Domain.Commun;

namespace Clause.Infrastructure.Pieces;

/// <summary>
/// One download of a proof (issue 9 item 6: every download recorded): who, when, which proof. Uploads and deletions are
/// changes of <see cref="Domain.Pieces.PieceJustificative"/> and go through the audit trail; a download changes nothing,
/// so it has this journal. JournalAccesDonneesSensibles does not fit: it names a participant, a proof names a company.
/// Written by the system for every structure, read by StructureId (tenant-filtered like any structure's data).
/// </summary>
public sealed class TelechargementPiece : IAppartientStructure
{
    public Guid Id { get; set; } = SourceIdentifiants.Nouveau();

    public StructureId StructureId { get; set; }

    public PieceJustificativeId PieceId { get; set; }

    public DateTimeOffset Quand { get; set; }

    public Guid? UtilisateurId { get; set; }

    public string NomUtilisateur { get; set; } = string.Empty;
}
