using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Totaux;

/// <summary>
/// Marks dirty, in the save that changes them, the months whose compiled totals (DOMAIN.md §8) may no longer equal the
/// live sums: called by <see cref="ClauseDbContext.SaveChangesAsync(bool, CancellationToken)"/> after the derived state was
/// re-evaluated (<see cref="ReevaluationDerivees"/>), so a line whose « hors période » flag flipped because a contrat's or a
/// lot's dates (or the tolerance) changed is itself a changed line. What a compiled row reads, and so what marks:
/// <list type="bullet">
/// <item>a line of hours created, corrected (a new version mirrors its minutes and status on the line), validated,
/// rejected, re-flagged or deleted → its month;</item>
/// <item>a contrat whose status, eligibility, modality or contract type changed → every month of its lines (its dates
/// act through its lines' period flag, above);</item>
/// <item>a lot whose obligation or training rule changed (hours due, fondements, training counted, cap) → every month of its
/// lines (its dates act through its lines, above).</item>
/// </list>
/// One query at most (the months of the contrats' and lots' lines), none when only lines changed.
/// </summary>
internal static class MarquageMoisSales
{
    private static readonly string[] ProprietesContrat =
        [nameof(Contrat.Statut), nameof(Contrat.EligibiliteValide), nameof(Contrat.Modalite), nameof(Contrat.TypeContrat)];

    private static readonly string[] ProprietesLot =
        [nameof(Lot.HeuresDuesMinutes), nameof(Lot.Fondements), nameof(Lot.FormationComptabilisee), nameof(Lot.PlafondFormationPdb)];

    public static async Task MarquerAsync(ClauseDbContext db, CancellationToken annulation)
    {
        var mois = db.ChangeTracker.Entries<DeclarationHeures>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                        || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))))
            .Select(e => (e.Entity.StructureId, e.Entity.Mois))
            .ToHashSet();

        var contrats = db.ChangeTracker.Entries<Contrat>()
            .Where(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified && Change(e, ProprietesContrat)))
            .Select(e => e.Entity.Id).ToList();
        var lots = db.ChangeTracker.Entries<Lot>()
            .Where(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified && Change(e, ProprietesLot)))
            .Select(e => e.Entity.Id).ToList();
        if (contrats.Count + lots.Count > 0)
        {
            var structures = db.ChangeTracker.Entries<Contrat>().Select(e => e.Entity.StructureId)
                .Concat(db.ChangeTracker.Entries<Lot>().Select(e => e.Entity.StructureId)).Distinct().ToList();
            // Whatever the tenant filter of the context (a system save too): the structures are those of the changed rows.
            var existants = await db.DeclarationsHeures.IgnoreQueryFilters().AsNoTracking()
                .Where(d => structures.Contains(d.StructureId) && (contrats.Contains(d.ContratId) || lots.Contains(d.LotId)))
                .Select(d => new { d.StructureId, d.Mois }).Distinct()
                .ToListAsync(annulation).ConfigureAwait(false);
            mois.UnionWith(existants.Select(m => (m.StructureId, m.Mois)));
        }

        db.MoisSales.AddRange(mois.Select(m => new MoisSale { StructureId = m.StructureId, Mois = m.Mois }));
    }

    private static bool Change<T>(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<T> entree, string[] proprietes) where T : class =>
        proprietes.Any(nom => entree.Property(nom) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue));
}
