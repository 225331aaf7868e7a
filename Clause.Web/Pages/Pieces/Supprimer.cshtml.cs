using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;

namespace Clause.Web.Pages.Pieces;

/// <summary>A facilitateur deletes a proof of the structure (while the hours it supports are not validated).</summary>
public sealed class SupprimerModel(ClauseDbContext db, ServicePieces service) : PageSuppressionPiece(db, service)
{
    protected override string RetourParDefaut(PieceAffichee piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        return piece.ContratId is { } contratId ? $"/Contrats/Details/{contratId}" : "/Heures/AValider";
    }
}
