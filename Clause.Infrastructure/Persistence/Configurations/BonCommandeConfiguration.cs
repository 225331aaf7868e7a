using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §3, §3.1) so the database refuses what the
// domain refuses, on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the
// bitwise & operator (fondements are flags stored as an integer).

internal sealed class BonCommandeConfiguration : IEntityTypeConfiguration<BonCommande>
{
    public void Configure(EntityTypeBuilder<BonCommande> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.ToTable("BonsCommande", t =>
        {
            t.HasCheckConstraint("CK_BonsCommande_Montant", "[MontantHTCentimes] > 0");
            t.HasCheckConstraint("CK_BonsCommande_Heures", "[HeuresMinutes] IS NULL OR [HeuresMinutes] >= 0");
        });
        builder.Ignore(b => b.RacineId);
        builder.Ignore(b => b.MontantHT);
        builder.Ignore(b => b.Heures);
        builder.Property(b => b.Numero).HasMaxLength(BonCommande.NumeroLongueurMax).IsRequired();
        builder.HasIndex(b => new { b.LotId, b.Numero }).IsUnique();
        // Tenant-owned like its lot (filtered, and every query of a structure led by its index).
        builder.HasOne<Structure>().WithMany().HasForeignKey(b => b.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.StructureId, b.LotId });
    }
}
