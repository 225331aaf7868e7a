using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §3, §3.1) so the database refuses what the
// domain refuses, on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the
// bitwise & operator (fondements are flags stored as an integer).

internal sealed class MarcheConfiguration : IEntityTypeConfiguration<Marche>
{
    public void Configure(EntityTypeBuilder<Marche> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.ToTable("Marches", t =>
        {
            t.HasCheckConstraint("CK_Marches_Montant", "[MontantHTCentimes] > 0");
            t.HasCheckConstraint("CK_Marches_Dates", "[FinExecution] >= [DebutExecution]");
        });
        builder.Ignore(m => m.MontantHT);
        builder.Ignore(m => m.PeriodeExecution);
        builder.Ignore(m => m.EstAccordCadre);
        builder.Property(m => m.Numero).HasMaxLength(Marche.NumeroLongueurMax).IsRequired();
        builder.Property(m => m.Objet).HasMaxLength(Marche.ObjetLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Operation).WithMany().HasForeignKey(m => m.OperationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.DonneurOrdre).WithMany().HasForeignKey(m => m.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
        // A marché number is unique per donneur d'ordre (DOMAIN.md §3).
        builder.HasIndex(m => new { m.DonneurOrdreId, m.Numero }).IsUnique();
        builder.HasIndex(m => new { m.StructureId, m.Numero });
        // The normalised copy every search compares (TexteRecherche): accents and case ignored on both providers.
        builder.Property(m => m.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(m => new { m.StructureId, m.Recherche });
        builder.HasMany(m => m.Lots).WithOne(l => l.Marche).HasForeignKey(l => l.MarcheId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Lots).HasField("_lots");
    }
}
