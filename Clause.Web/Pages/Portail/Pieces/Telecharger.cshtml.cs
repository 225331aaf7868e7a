using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Web.Pages.Pieces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Portail.Pieces;

/// <summary>A company contact downloads one of its company's proofs (recorded); another company's is a 404.</summary>
public sealed class TelechargerModel(ClauseDbContext db, ServicePieces service) : PageModel
{
    public async Task<IActionResult> OnGetAsync(PieceJustificativeId id, CancellationToken annulation) =>
        await service.TelechargerAsync(AccesPieces.Visibles(db, User), id, annulation) is { } fichier
            ? AccesPieces.Fichier(Response, fichier)
            : NotFound();
}
