using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Loads a lot of the current structure as a whole aggregate for a change: its marché (dates), obligation versions,
/// bons de commande and attributions. Null when the lot does not exist or belongs to another structure (→ 404).
/// </summary>
public static class ChargementLot
{
    public static Task<Lot?> ChargerAsync(ClauseDbContext db, LotId id, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Lots
            .Include(l => l.Marche)
            .Include(l => l.Obligations)
            .Include(l => l.BonsCommande)
            .Include(l => l.Attributions)
            .AsSplitQuery()
            .DeLaStructureAsync(db, id, annulation);
    }

    /// <summary>« Lot 2 — Peinture (marché 2026-015) », the lot's name on its pages.</summary>
    public static string Nom(Lot lot) => $"Lot {lot.Numero} — {lot.Libelle} (marché {lot.Marche.Numero})";
}

/// <summary>
/// Base of the lot's action pages (Modifier, Statut, Obligation, Avenant, Attribution, BonCommande): the loading half of
/// the convention for the /Lots folder. <see cref="ChargerAsync"/> loads the lot of the route (another structure's → null,
/// the handler answers 404), fills what every such page shows, then the page's own fields (<see cref="PreparerAsync"/>).
/// </summary>
public abstract class PageActionLot(ClauseDbContext db) : PageAction(db)
{
    public LotId Id { get; private set; }

    public string NomLot { get; private set; } = string.Empty;

    protected async Task<Lot?> ChargerAsync(LotId id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(Db, id, annulation);
        if (lot is null) return null;
        Id = lot.Id;
        NomLot = ChargementLot.Nom(lot);
        await PreparerAsync(lot, annulation);
        return lot;
    }

    /// <summary>What this page shows of the lot besides its name (read before the change).</summary>
    protected virtual Task PreparerAsync(Lot lot, CancellationToken annulation) => Task.CompletedTask;
}
