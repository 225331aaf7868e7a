using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Operations;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §3, §3.1) so the database refuses what the
// domain refuses, on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the
// bitwise & operator (fondements are flags stored as an integer).

internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.ToTable("Operations", t =>
        {
            t.HasCheckConstraint("CK_Operations_Dates", "[DebutPrevisionnel] IS NULL OR [FinPrevisionnelle] IS NULL OR [FinPrevisionnelle] >= [DebutPrevisionnel]");
            t.HasCheckConstraint("CK_Operations_ObjectifQpv", "[ObjectifPartQpvPdb] IS NULL OR ([ObjectifPartQpvPdb] >= 0 AND [ObjectifPartQpvPdb] <= 10000)");
            t.HasCheckConstraint("CK_Operations_CodeQpv", "([EnQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([EnQpv] = 0 AND [CodeQpv] IS NULL)");
        });
        builder.Ignore(o => o.EstRenouvellementUrbain);
        builder.Property(o => o.Nom).HasMaxLength(Operation.NomLongueurMax).IsRequired();
        builder.Property(o => o.Commune).HasMaxLength(Operation.CommuneLongueurMax).IsRequired();
        builder.Property(o => o.CodeQpv).HasMaxLength(Operation.CodeQpvLongueur);
        builder.Property(o => o.MotifRetour).HasMaxLength(Operation.MotifLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(o => o.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DonneurOrdre>().WithMany().HasForeignKey(o => o.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.StructureId, o.Nom });
        // The normalised copy every search compares (TexteRecherche): accents and case ignored on both providers.
        builder.Property(o => o.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(o => new { o.StructureId, o.Recherche });
        builder.HasIndex(o => new { o.StructureId, o.Statut });
    }
}
