using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class AttributionConfiguration : IEntityTypeConfiguration<Attribution>
{
    public void Configure(EntityTypeBuilder<Attribution> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.ToTable("Attributions");
        builder.Ignore(a => a.RacineId);
        builder.Ignore(a => a.EstTitulaire);
        builder.HasOne(a => a.Entreprise).WithMany().HasForeignKey(a => a.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        // A company holds a lot in one role only; a lot has at most one attributaire.
        builder.HasIndex(a => new { a.LotId, a.EntrepriseId }).IsUnique();
        builder.HasIndex(a => a.LotId).IsUnique().HasFilter("[Role] = 'Attributaire'").HasDatabaseName("IX_Attributions_LotId_Attributaire");
        // "Every lot a company holds, and in which role": one indexed query.
        builder.HasIndex(a => new { a.StructureId, a.EntrepriseId, a.Role });
    }
}
