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
        builder.Property(j => j.EmpreinteChangements).HasMaxLength(ChaineAudit.LongueurEmpreinte).IsFixedLength();
        builder.Property(j => j.EmpreintePrecedente).HasMaxLength(ChaineAudit.LongueurEmpreinte).IsFixedLength();
        builder.Property(j => j.Empreinte).HasMaxLength(ChaineAudit.LongueurEmpreinte).IsFixedLength();
        // One rank per chain: a second writer that would reuse a rank is refused by the database too (the lock of
        // ChaineAudit serialises writers; this index is the backstop).
        builder.HasIndex(j => new { j.StructureId, j.Sequence }).IsUnique();
    }
}
