using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Loads a lot of the current structure as a whole aggregate for a change: its marché (dates), obligation versions,
/// bons de commande and attributions. Null when the lot does not exist or belongs to another structure (→ 404).
/// </summary>
public static class ChargementLot
{
    public static Task<Lot?> ChargerAsync(ClauseDbContext db, Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        return db.Lots
            .Include(l => l.Marche)
            .Include(l => l.Obligations)
            .Include(l => l.BonsCommande)
            .Include(l => l.Attributions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id && l.StructureId == structureId, annulation);
    }

    /// <summary>« Lot 2 — Peinture (marché 2026-015) », the lot's name on its pages.</summary>
    public static string Nom(Lot lot) => $"Lot {lot.Numero} — {lot.Libelle} (marché {lot.Marche.Numero})";
}
