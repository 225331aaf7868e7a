using Clause.Domain.Commun;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Pieces;

/// <summary>The proof a deletion page shows.</summary>
public sealed record PieceAffichee(PieceJustificativeId Id, NaturePiece Nature, string NomOriginal, ContratId? ContratId, Mois? Mois);

/// <summary>
/// The deletion of a proof, for the portal (its uploader) and the staff (a facilitateur): the page loads it among
/// <see cref="AccesPieces.Visibles"/> (else 404), asks for confirmation, and the POST calls
/// <see cref="ServicePieces.SupprimerAsync"/> — the domain refuses another contact's proof or a locked one, in French,
/// and nothing is deleted. Then back to <c>retour</c> (a local address) or the proof's list.
/// </summary>
public abstract class PageSuppressionPiece(ClauseDbContext db, ServicePieces service) : PageAction(db)
{
    public PieceAffichee Piece { get; private set; } = null!;

    /// <summary>Hours it supports are validated: the page says so instead of offering the button.</summary>
    public bool Verrouillee { get; private set; }

    public string Retour { get; private set; } = "/";

    protected abstract string RetourParDefaut(PieceAffichee piece);

    public async Task<IActionResult> OnGetAsync(PieceJustificativeId id, string? retour, CancellationToken annulation) =>
        await ChargerAsync(id, retour, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(PieceJustificativeId id, string? retour, CancellationToken annulation)
    {
        if (!await ChargerAsync(id, retour, annulation)) return NotFound();
        var trouvee = false;
        if (!await AppliquerAsync(async () => trouvee = await service.SupprimerAsync(AccesPieces.Visibles(Db, User), id, Auteurs.Courant(Db, User), annulation)))
            return Page();
        if (!trouvee) return NotFound();
        TempData["Succes"] = $"La pièce « {Piece.NomOriginal} » est supprimée.";
        return LocalRedirect(Retour);
    }

    private async Task<bool> ChargerAsync(PieceJustificativeId id, string? retour, CancellationToken annulation)
    {
        var cible = AccesPieces.Visibles(Db, User).Where(p => p.Id == id);
        var piece = await cible.Select(p => new PieceAffichee(p.Id, p.Nature, p.NomOriginal, p.ContratId, p.Mois)).FirstOrDefaultAsync(annulation);
        if (piece is null) return false;
        Piece = piece;
        Verrouillee = await RequetesPieces.Verrouillees(Db, cible).AnyAsync(annulation);
        Retour = !string.IsNullOrEmpty(retour) && Url.IsLocalUrl(retour) ? retour : RetourParDefaut(piece);
        return true;
    }
}
