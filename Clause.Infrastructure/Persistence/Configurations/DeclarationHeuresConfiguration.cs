using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §6, §7) so the database refuses what the domain refuses,
// on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the % operator.
// Every foreign key is NO ACTION (Restrict): contrats and hours are never deleted with what they refer to, and
// SQL Server refuses multiple cascade paths.

internal sealed class DeclarationHeuresConfiguration : IEntityTypeConfiguration<DeclarationHeures>
{
    public void Configure(EntityTypeBuilder<DeclarationHeures> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.ToTable("DeclarationsHeures", t =>
        {
            t.HasCheckConstraint("CK_DeclarationsHeures_Minutes", "[Minutes] > 0");
            t.HasCheckConstraint("CK_DeclarationsHeures_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
            t.HasCheckConstraint("CK_DeclarationsHeures_Version", "[VersionCourante] >= 1");
        });
        builder.Ignore(d => d.RacineId);
        builder.Ignore(d => d.Heures);
        builder.Ignore(d => d.Courante);
        builder.HasOne<Structure>().WithMany().HasForeignKey(d => d.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contrat>().WithMany().HasForeignKey(d => d.ContratId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(d => d.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        // One line per contrat and month (DOMAIN.md §7): a correction is a version, never a second line.
        builder.HasIndex(d => new { d.ContratId, d.Mois }).IsUnique();
        // Per-lot totals and the burn-up; the per-participant monthly maximum (§7.1); lines awaiting validation.
        builder.HasIndex(d => new { d.LotId, d.Mois });
        builder.HasIndex(d => new { d.ParticipantId, d.Mois });
        builder.HasIndex(d => new { d.StructureId, d.Statut, d.Mois });
        // The compilation of one month of a structure's totals (Totaux/CompilateurTotaux).
        builder.HasIndex(d => new { d.StructureId, d.Mois });
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DeclarationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).HasField("_versions");
    }
}
