using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

internal sealed class ReglagesConfiguration : IEntityTypeConfiguration<Reglages>
{
    public void Configure(EntityTypeBuilder<Reglages> builder)
    {
        builder.ToTable("Reglages", t =>
        {
            t.HasCheckConstraint("CK_Reglages_CoutHoraire", "[CoutHoraireReferenceCentimes] > 0");
            t.HasCheckConstraint("CK_Reglages_PartMainOeuvre", "[PartMainOeuvreDefautPdb] > 0 AND [PartMainOeuvreDefautPdb] <= 10000");
            t.HasCheckConstraint("CK_Reglages_SeuilRetardLot", "[SeuilRetardLotPdb] > 0 AND [SeuilRetardLotPdb] <= 10000");
            // §7.7: days 1..28 (every month has them), the reminders after the deadline, the second after the first.
            t.HasCheckConstraint("CK_Reglages_Calendrier",
                "[JourLimiteDeclaration] >= 1 AND [JourSecondeRelance] <= 28 AND [JourPremiereRelance] > [JourLimiteDeclaration] AND [JourSecondeRelance] > [JourPremiereRelance]");
        });
        // Structures created before issue 12 get the default threshold (80 %) when the column is added.
        builder.Property(r => r.SeuilRetardLotPdb).HasDefaultValue(8_000);
        // Issue 16: structures created before get the 2-hour idle timeout.
        builder.Property(r => r.InactiviteSessionMinutes).HasDefaultValue(120);
        // Issue 16 item 10: structures created before keep the sensitive-read journal 12 months.
        builder.Property(r => r.ConservationJournauxMois).HasDefaultValue(12);
        // Issue 14 item 5: structures created before wait 10 days for a company's answer to a shortlist.
        builder.Property(r => r.DelaiReponseListeJours).HasDefaultValue(10);
        // Issue 13: structures created before get the caseload target 60–100.
        builder.Property(r => r.FileActiveMin).HasDefaultValue(60);
        builder.Property(r => r.FileActiveMax).HasDefaultValue(100);
        builder.Property(r => r.AnonymisationConfirmeeParNom).HasMaxLength(200);
        builder.HasOne<Structure>().WithOne().HasForeignKey<Reglages>(r => r.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.StructureId).IsUnique();
    }
}
