using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// The réglages a rule applies for a structure, read in one place: the tracked row first (a row the Réglages page has
/// just added is not returned by a query before it is saved), then the database, else the defaults
/// (<see cref="Reglages.ParDefaut"/>, as everywhere else: an older structure may have no row yet).
/// </summary>
public static class ReglagesDesStructures
{
    public static async Task<Reglages> PourAsync(ClauseDbContext db, StructureId structureId, CancellationToken annulation = default) =>
        (await PourAsync(db, [structureId], annulation).ConfigureAwait(false))(structureId);

    /// <summary>The réglages of several structures in one query, as a lookup that never misses.</summary>
    public static async Task<Func<StructureId, Reglages>> PourAsync(ClauseDbContext db, IReadOnlyCollection<StructureId> structureIds, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parStructure = db.Reglages.Local.Where(r => structureIds.Contains(r.StructureId))
            .GroupBy(r => r.StructureId).ToDictionary(g => g.Key, g => g.First());
        var aLire = structureIds.Where(id => !parStructure.ContainsKey(id)).ToList();
        if (aLire.Count > 0)
            foreach (var r in await db.Reglages.Where(r => aLire.Contains(r.StructureId)).ToListAsync(annulation).ConfigureAwait(false))
                parStructure.TryAdd(r.StructureId, r);
        return id => parStructure.TryGetValue(id, out var r) ? r : Reglages.ParDefaut(id);
    }
}
