using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class DecisionEligibiliteConfiguration : IEntityTypeConfiguration<DecisionEligibilite>
{
    public void Configure(EntityTypeBuilder<DecisionEligibilite> builder)
    {
        builder.ToTable("DecisionsEligibilite", t =>
            t.HasCheckConstraint("CK_DecisionsEligibilite_AvisMotive",
                "([PrescripteurAvis] IS NULL AND [MotifAvis] IS NULL) OR ([PrescripteurAvis] IS NOT NULL AND [MotifAvis] IS NOT NULL)"));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.RacineId);
        builder.Ignore(d => d.ContientSensible);
        builder.Property(d => d.ValideParNom).HasMaxLength(DecisionEligibilite.ValidateurNomLongueurMax).IsRequired();
        builder.Property(d => d.MotifAvis).HasMaxLength(DecisionEligibilite.MotifAvisLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        // One decision per participant and date; the windows closing soon are found by validation date.
        builder.HasIndex(d => new { d.ParticipantId, d.DateValidation }).IsUnique();
        builder.HasIndex(d => new { d.StructureId, d.DateValidation });
        builder.HasMany(d => d.Categories).WithOne().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Categories).HasField("_categories");
    }
}
