using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §3, §3.1) so the database refuses what the
// domain refuses, on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the
// bitwise & operator (fondements are flags stored as an integer).

internal sealed class ObligationInsertionConfiguration : IEntityTypeConfiguration<ObligationInsertion>
{
    public void Configure(EntityTypeBuilder<ObligationInsertion> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.ToTable("ObligationsInsertion", t =>
        {
            t.HasCheckConstraint("CK_ObligationsInsertion_Version", "[Version] >= 1 AND ([Version] = 1 OR [Motif] IS NOT NULL)");
            t.HasCheckConstraint("CK_ObligationsInsertion_Montants", "[MontantLotCentimes] > 0 AND ([MontantHTCentimes] IS NULL OR [MontantHTCentimes] > 0)"
                + " AND ([CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0)");
            t.HasCheckConstraint("CK_ObligationsInsertion_Taux", "([TauxInsertionPdb] IS NULL OR ([TauxInsertionPdb] >= 0 AND [TauxInsertionPdb] <= 10000))"
                + " AND ([PartMainOeuvrePdb] IS NULL OR ([PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000))");
            t.HasCheckConstraint("CK_ObligationsInsertion_Heures", "[HeuresDuesMinutes] >= 0"
                + " AND ([HeuresTravailleesEstimeesMinutes] IS NULL OR [HeuresTravailleesEstimeesMinutes] > 0)"
                + " AND ([HeuresSaisiesMinutes] IS NULL OR [HeuresSaisiesMinutes] > 0)");
            // The inputs of each method are kept (DOMAIN.md §3.1).
            t.HasCheckConstraint("CK_ObligationsInsertion_Methode",
                "([Methode] = 'F1' AND [MontantHTCentimes] IS NOT NULL AND [PartMainOeuvrePdb] IS NOT NULL AND [TauxInsertionPdb] IS NOT NULL AND [CoutHoraireReferenceCentimes] IS NOT NULL)"
                + " OR ([Methode] = 'F2' AND [TauxInsertionPdb] IS NOT NULL AND [HeuresTravailleesEstimeesMinutes] IS NOT NULL)"
                + " OR ([Methode] = 'F3' AND [HeuresSaisiesMinutes] IS NOT NULL)"
                + " OR ([Methode] = 'Aucune' AND [HeuresDuesMinutes] = 0)");
        });
        builder.Ignore(o => o.RacineId);
        builder.Ignore(o => o.HeuresDues);
        builder.Property(o => o.Motif).HasMaxLength(ObligationInsertion.MotifLongueurMax);
        builder.HasIndex(o => new { o.LotId, o.Version }).IsUnique();
        // Tenant-owned like its lot (filtered, and every query of a structure led by its index).
        builder.HasOne<Structure>().WithMany().HasForeignKey(o => o.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.StructureId, o.LotId });
    }
}
