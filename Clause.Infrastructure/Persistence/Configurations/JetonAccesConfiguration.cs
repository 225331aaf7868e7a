using Clause.Domain.Structures;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class JetonAccesConfiguration : IEntityTypeConfiguration<JetonAcces>
{
    public void Configure(EntityTypeBuilder<JetonAcces> builder)
    {
        builder.ToTable("JetonsAcces");
        builder.Property(j => j.Nom).HasMaxLength(JetonAcces.NomLongueurMax).IsRequired();
        builder.Property(j => j.Prefixe).HasMaxLength(30).IsRequired();
        builder.Property(j => j.Empreinte).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(j => j.Role).HasMaxLength(40).IsRequired();
        builder.Property(j => j.MotifRevocation).HasMaxLength(200);
        builder.HasIndex(j => j.Empreinte).IsUnique();
        builder.HasIndex(j => new { j.StructureId, j.UtilisateurId });
        builder.HasIndex(j => j.UtilisateurId);
        builder.HasOne<Structure>().WithMany().HasForeignKey(j => j.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Utilisateur>().WithMany().HasForeignKey(j => j.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
