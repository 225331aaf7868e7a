using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class SessionConnexionConfiguration : IEntityTypeConfiguration<SessionConnexion>
{
    public void Configure(EntityTypeBuilder<SessionConnexion> builder)
    {
        builder.ToTable("SessionsConnexion");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Empreinte).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(s => s.Ticket).IsRequired();
        builder.Property(s => s.Tampon).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Navigateur).HasMaxLength(SessionConnexion.NavigateurLongueurMax).IsRequired();
        builder.HasIndex(s => s.Empreinte).IsUnique();
        builder.HasIndex(s => s.UtilisateurId);
        builder.HasOne<Utilisateur>().WithMany().HasForeignKey(s => s.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
    }
}
