using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Pieces;

/// <summary>Staff download of a proof (recorded); anything outside <see cref="AccesPieces.Visibles"/> is a 404.</summary>
public sealed class TelechargerModel(ClauseDbContext db, ServicePieces service) : PageModel
{
    public async Task<IActionResult> OnGetAsync(PieceJustificativeId id, CancellationToken annulation) =>
        await service.TelechargerAsync(AccesPieces.Visibles(db, User), id, annulation) is { } fichier
            ? AccesPieces.Fichier(Response, fichier)
            : NotFound();
}
