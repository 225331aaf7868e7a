using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class CategorieDecisionConfiguration : IEntityTypeConfiguration<CategorieDecision>
{
    public void Configure(EntityTypeBuilder<CategorieDecision> builder)
    {
        builder.ToTable("CategoriesDecision");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.RacineId);
        builder.Property(c => c.Justificatif).HasMaxLength(CategorieDecision.JustificatifLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => new { c.DecisionId, c.Categorie }).IsUnique();
        // Search by category: an indexed lookup giving participant ids.
        builder.HasIndex(c => new { c.StructureId, c.Categorie, c.ParticipantId });
        builder.HasIndex(c => c.ParticipantId);
    }
}
