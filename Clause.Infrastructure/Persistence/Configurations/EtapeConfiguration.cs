using Clause.Domain.Parcours;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class EtapeConfiguration : IEntityTypeConfiguration<Etape>
{
    public void Configure(EntityTypeBuilder<Etape> builder)
    {
        builder.ToTable("EtapesParcours", t =>
            t.HasCheckConstraint("CK_EtapesParcours_Dates", "[DateFin] IS NULL OR [DateFin] >= [DateDebut]"));
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.RacineId);
        builder.Property(e => e.StructureBeneficiaire).HasMaxLength(Etape.StructureBeneficiaireLongueurMax);
        builder.Property(e => e.Bilan).HasMaxLength(Etape.BilanLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.StructureId, e.ParcoursId, e.DateDebut });
    }
}
