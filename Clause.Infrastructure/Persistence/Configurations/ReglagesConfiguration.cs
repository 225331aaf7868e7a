using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ReglagesConfiguration : IEntityTypeConfiguration<Reglages>
{
    public void Configure(EntityTypeBuilder<Reglages> builder)
    {
        builder.ToTable("Reglages", t =>
        {
            t.HasCheckConstraint("CK_Reglages_CoutHoraire", "[CoutHoraireReferenceCentimes] > 0");
            t.HasCheckConstraint("CK_Reglages_PartMainOeuvre", "[PartMainOeuvreDefautPdb] > 0 AND [PartMainOeuvreDefautPdb] <= 10000");
        });
        builder.HasOne<Structure>().WithOne().HasForeignKey<Reglages>(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.StructureId).IsUnique();
    }
}
