using Clause.Infrastructure.Api;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class RequeteIdempotenteConfiguration : IEntityTypeConfiguration<RequeteIdempotente>
{
    public void Configure(EntityTypeBuilder<RequeteIdempotente> builder)
    {
        builder.ToTable("RequetesIdempotentes");
        builder.Property(r => r.Cle).HasMaxLength(RequeteIdempotente.CleLongueurMax).IsRequired();
        builder.Property(r => r.Route).HasMaxLength(RequeteIdempotente.RouteLongueurMax).IsRequired();
        builder.Property(r => r.EmpreinteCorps).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(r => r.TypeContenu).HasMaxLength(100);
        builder.HasIndex(r => new { r.UtilisateurId, r.Cle }).IsUnique();
        builder.HasIndex(r => r.ExpireLe);
        builder.HasOne<Utilisateur>().WithMany().HasForeignKey(r => r.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
