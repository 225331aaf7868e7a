using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class JournalAuditConfiguration : IEntityTypeConfiguration<JournalAudit>
{
    public void Configure(EntityTypeBuilder<JournalAudit> builder)
    {
        builder.ToTable("JournalAudit");
        builder.Property(j => j.NomUtilisateur).HasMaxLength(Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.Property(j => j.NomJeton).HasMaxLength(JetonAcces.NomLongueurMax);
        builder.Property(j => j.TypeEntite).HasMaxLength(100).IsRequired();
        builder.Property(j => j.Changements).IsRequired();
        builder.HasIndex(j => new { j.RacineId, j.Quand });
    }
}
