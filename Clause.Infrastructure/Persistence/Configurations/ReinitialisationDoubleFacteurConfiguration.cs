using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ReinitialisationDoubleFacteurConfiguration : IEntityTypeConfiguration<ReinitialisationDoubleFacteur>
{
    public void Configure(EntityTypeBuilder<ReinitialisationDoubleFacteur> builder)
    {
        builder.ToTable("ReinitialisationsDoubleFacteur");
        builder.HasIndex(r => r.UtilisateurId);
        builder.HasOne<Utilisateur>().WithMany().HasForeignKey(r => r.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
