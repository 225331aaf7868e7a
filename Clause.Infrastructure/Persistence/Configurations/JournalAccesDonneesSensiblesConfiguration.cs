using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class JournalAccesDonneesSensiblesConfiguration : IEntityTypeConfiguration<JournalAccesDonneesSensibles>
{
    public void Configure(EntityTypeBuilder<JournalAccesDonneesSensibles> builder)
    {
        builder.ToTable("JournalAccesDonneesSensibles");
        builder.Property(j => j.NomUtilisateur).HasMaxLength(Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.Property(j => j.Quoi).HasMaxLength(JournalAccesDonneesSensibles.QuoiLongueurMax).IsRequired();
        builder.HasIndex(j => new { j.StructureId, j.Quand });
        builder.HasIndex(j => new { j.ParticipantId, j.Quand });
    }
}
