using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Web.Pages.Pieces;

namespace Clause.Web.Pages.Portail.Pieces;

/// <summary>A company contact deletes a proof he or she uploaded, while the hours it supports are not validated.</summary>
public sealed class SupprimerModel(ClauseDbContext db, ServicePieces service) : PageSuppressionPiece(db, service)
{
    protected override string RetourParDefaut(PieceAffichee piece) => IndexModel.AdresseDe(piece.Mois, piece.ContratId);
}
