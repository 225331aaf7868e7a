using Clause.Domain.Parcours;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The database refuses what the domain refuses (issue 13): one open parcours per participant (filtered unique index),
// a sortie whole (type and date together, not before the entry).
internal sealed class ParcoursConfiguration : IEntityTypeConfiguration<Domain.Parcours.Parcours>
{
    public void Configure(EntityTypeBuilder<Domain.Parcours.Parcours> builder)
    {
        builder.ToTable("Parcours", t =>
        {
            t.HasCheckConstraint("CK_Parcours_Sortie",
                "([TypeSortie] IS NULL AND [DateSortie] IS NULL) OR ([TypeSortie] IS NOT NULL AND [DateSortie] IS NOT NULL AND [DateSortie] >= [DateEntree])");
        });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.EstOuvert);
        builder.Property(p => p.MotifReouverture).HasMaxLength(Domain.Parcours.Parcours.MotifReouvertureLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        // One open parcours per participant; the closed ones stay.
        builder.HasIndex(p => new { p.StructureId, p.ParticipantId }).IsUnique().HasFilter("[TypeSortie] IS NULL")
            .HasDatabaseName("IX_Parcours_StructureId_ParticipantId_Ouvert");
        // A participant's history; a référent's caseload.
        builder.HasIndex(p => new { p.StructureId, p.ParticipantId, p.DateEntree });
        builder.HasIndex(p => new { p.StructureId, p.ReferentId, p.TypeSortie });
        builder.HasMany(p => p.Etapes).WithOne().HasForeignKey(e => e.ParcoursId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Etapes).HasField("_etapes");
    }
}
