using Clause.Domain.Structures;
using Clause.Infrastructure.Totaux;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// Compiled monthly totals (DOMAIN.md §8): derived rows, keyed by what they add up, every key led by StructureId.

internal sealed class TotalMensuelConfiguration : IEntityTypeConfiguration<TotalMensuel>
{
    public void Configure(EntityTypeBuilder<TotalMensuel> builder)
    {
        builder.ToTable("TotauxMensuels");
        builder.Property(t => t.Niveau).HasConversion<string>().HasMaxLength(20);
        builder.HasKey(t => new { t.StructureId, t.Mois, t.Niveau, t.CleId });
        builder.HasOne<Structure>().WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Cascade);
        // A record's months (a marché's series, the consistency check of one level).
        builder.HasIndex(t => new { t.StructureId, t.Niveau, t.CleId, t.Mois });
    }
}

internal sealed class TotalMensuelLotConfiguration : IEntityTypeConfiguration<TotalMensuelLot>
{
    public void Configure(EntityTypeBuilder<TotalMensuelLot> builder)
    {
        builder.ToTable("TotauxMensuelsLots");
        builder.HasKey(t => new { t.StructureId, t.Mois, t.LotId, t.Modalite, t.TypeContrat });
        builder.HasOne<Structure>().WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Cascade);
        // The pages read a few lots' months (RequetesHeures): the lot first.
        builder.HasIndex(t => new { t.StructureId, t.LotId, t.Mois });
    }
}

internal sealed class MoisSaleConfiguration : IEntityTypeConfiguration<MoisSale>
{
    public void Configure(EntityTypeBuilder<MoisSale> builder)
    {
        builder.ToTable("MoisSales");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.HasOne<Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.StructureId, m.Mois, m.Id });
    }
}

internal sealed class MoisCompileConfiguration : IEntityTypeConfiguration<MoisCompile>
{
    public void Configure(EntityTypeBuilder<MoisCompile> builder)
    {
        builder.ToTable("MoisCompiles");
        builder.HasKey(m => new { m.StructureId, m.Mois });
        builder.HasOne<Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.StructureId, m.CompileLe });
    }
}
