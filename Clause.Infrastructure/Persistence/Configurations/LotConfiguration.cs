using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §3, §3.1) so the database refuses what the
// domain refuses, on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the
// bitwise & operator (fondements are flags stored as an integer).

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(l => l.Id).ValueGeneratedNever();
        const int siae = (int)Fondement.MarcheReserveSiae;
        const int eaEsat = (int)Fondement.MarcheReserveEaEsat;
        const int ess = (int)Fondement.MarcheReserveEss;
        builder.ToTable("Lots", t =>
        {
            t.HasCheckConstraint("CK_Lots_Numero", "[Numero] >= 1");
            t.HasCheckConstraint("CK_Lots_Montant", "[MontantHTCentimes] > 0");
            t.HasCheckConstraint("CK_Lots_Dates", "[FinExecution] >= [DebutExecution] AND [DureeExecutionJours] >= 1");
            t.HasCheckConstraint("CK_Lots_PartMainOeuvre", "[PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000");
            t.HasCheckConstraint("CK_Lots_CoutHoraire", "[CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0");
            t.HasCheckConstraint("CK_Lots_PenaliteHeureManquante",
                $"[MontantParHeureManquanteCentimes] IS NULL OR ([MontantParHeureManquanteCentimes] > 0 AND [MontantParHeureManquanteCentimes] <= {Lot.MontantParHeureManquanteMaxCentimes})");
            t.HasCheckConstraint("CK_Lots_PlafondFormation", "[PlafondFormationPdb] IS NULL OR ([PlafondFormationPdb] >= 0 AND [PlafondFormationPdb] <= 10000)");
            t.HasCheckConstraint("CK_Lots_HeuresDues", "[HeuresDuesMinutes] >= 0 AND ([Fondements] <> 0 OR [HeuresDuesMinutes] = 0)");
            t.HasCheckConstraint("CK_Lots_Fondements", $"[Fondements] >= 0 AND [Fondements] <= {(int)ReglesFondement.Tous}");
            // Never reserved both to SIAE and to EA/ESAT.
            t.HasCheckConstraint("CK_Lots_ReserveSiaeOuEaEsat", $"([Fondements] & {siae + eaEsat}) <> {siae + eaEsat}");
            // An ESS-reserved lot lasts at most 3 years.
            t.HasCheckConstraint("CK_Lots_ReserveEssTroisAns", $"([Fondements] & {ess}) = 0 OR [DureeExecutionJours] <= {Lot.DureeMaxReserveEssJours}");
        });
        builder.Ignore(l => l.MontantHT);
        builder.Ignore(l => l.PeriodeExecution);
        builder.Ignore(l => l.AvecClause);
        builder.Ignore(l => l.HeuresDues);
        builder.Ignore(l => l.ObligationCourante);
        builder.Ignore(l => l.Attributaire);
        builder.Property(l => l.Libelle).HasMaxLength(Lot.LibelleLongueurMax).IsRequired();
        builder.Property(l => l.MotifRetour).HasMaxLength(Lot.MotifLongueurMax);
        // Flags: stored as their integer so CHECK constraints can test each bit.
        builder.Property(l => l.Fondements).HasConversion<int>();
        builder.HasOne<Structure>().WithMany().HasForeignKey(l => l.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.MarcheId, l.Numero }).IsUnique();
        builder.HasIndex(l => new { l.StructureId, l.Statut });
        // The normalised copy every search compares (TexteRecherche): accents and case ignored on both providers.
        builder.Property(l => l.Recherche).HasMaxLength(TexteRecherche.LongueurMax).IsRequired();
        builder.HasIndex(l => new { l.StructureId, l.Recherche });
        builder.HasMany(l => l.Obligations).WithOne().HasForeignKey(o => o.LotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Obligations).HasField("_obligations");
        builder.HasMany(l => l.BonsCommande).WithOne().HasForeignKey(b => b.LotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.BonsCommande).HasField("_bonsCommande");
        builder.HasMany(l => l.Attributions).WithOne(a => a.Lot).HasForeignKey(a => a.LotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Attributions).HasField("_attributions");
    }
}
