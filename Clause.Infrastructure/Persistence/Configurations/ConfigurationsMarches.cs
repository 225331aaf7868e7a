using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the domain's rules (DOMAIN.md §3, §3.1) so the database refuses what the
// domain refuses, on SQLite and SQL Server alike: only [column] quoting, comparisons, AND/OR, IS NULL and the
// bitwise & operator (fondements are flags stored as an integer).

internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.ToTable("Operations", t =>
        {
            t.HasCheckConstraint("CK_Operations_Dates", "[DebutPrevisionnel] IS NULL OR [FinPrevisionnelle] IS NULL OR [FinPrevisionnelle] >= [DebutPrevisionnel]");
            t.HasCheckConstraint("CK_Operations_ObjectifQpv", "[ObjectifPartQpvPdb] IS NULL OR ([ObjectifPartQpvPdb] >= 0 AND [ObjectifPartQpvPdb] <= 10000)");
            t.HasCheckConstraint("CK_Operations_CodeQpv", "([EnQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([EnQpv] = 0 AND [CodeQpv] IS NULL)");
        });
        builder.Ignore(o => o.EstRenouvellementUrbain);
        builder.Property(o => o.Nom).HasMaxLength(Operation.NomLongueurMax).IsRequired();
        builder.Property(o => o.Commune).HasMaxLength(Operation.CommuneLongueurMax).IsRequired();
        builder.Property(o => o.CodeQpv).HasMaxLength(Operation.CodeQpvLongueur);
        builder.Property(o => o.MotifRetour).HasMaxLength(Operation.MotifLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(o => o.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DonneurOrdre>().WithMany().HasForeignKey(o => o.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.StructureId, o.Nom });
        builder.HasIndex(o => new { o.StructureId, o.Statut });
    }
}

internal sealed class MarcheConfiguration : IEntityTypeConfiguration<Marche>
{
    public void Configure(EntityTypeBuilder<Marche> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.ToTable("Marches", t =>
        {
            t.HasCheckConstraint("CK_Marches_Montant", "[MontantHTCentimes] > 0");
            t.HasCheckConstraint("CK_Marches_Dates", "[FinExecution] >= [DebutExecution]");
        });
        builder.Ignore(m => m.MontantHT);
        builder.Ignore(m => m.PeriodeExecution);
        builder.Ignore(m => m.EstAccordCadre);
        builder.Property(m => m.Numero).HasMaxLength(Marche.NumeroLongueurMax).IsRequired();
        builder.Property(m => m.Objet).HasMaxLength(Marche.ObjetLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Operation).WithMany().HasForeignKey(m => m.OperationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.DonneurOrdre).WithMany().HasForeignKey(m => m.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
        // A marché number is unique per donneur d'ordre (DOMAIN.md §3).
        builder.HasIndex(m => new { m.DonneurOrdreId, m.Numero }).IsUnique();
        builder.HasIndex(m => new { m.StructureId, m.Numero });
        builder.HasMany(m => m.Lots).WithOne(l => l.Marche).HasForeignKey(l => l.MarcheId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Lots).HasField("_lots");
    }
}

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
        builder.HasMany(l => l.Obligations).WithOne().HasForeignKey(o => o.LotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Obligations).HasField("_obligations");
        builder.HasMany(l => l.BonsCommande).WithOne().HasForeignKey(b => b.LotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.BonsCommande).HasField("_bonsCommande");
        builder.HasMany(l => l.Attributions).WithOne(a => a.Lot).HasForeignKey(a => a.LotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Attributions).HasField("_attributions");
    }
}

internal sealed class ObligationInsertionConfiguration : IEntityTypeConfiguration<ObligationInsertion>
{
    public void Configure(EntityTypeBuilder<ObligationInsertion> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.ToTable("ObligationsInsertion", t =>
        {
            t.HasCheckConstraint("CK_ObligationsInsertion_Version", "[Version] >= 1 AND ([Version] = 1 OR [Motif] IS NOT NULL)");
            t.HasCheckConstraint("CK_ObligationsInsertion_Montants", "[MontantLotCentimes] > 0 AND ([MontantHTCentimes] IS NULL OR [MontantHTCentimes] > 0)"
                + " AND ([CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0)");
            t.HasCheckConstraint("CK_ObligationsInsertion_Taux", "([TauxInsertionPdb] IS NULL OR ([TauxInsertionPdb] >= 0 AND [TauxInsertionPdb] <= 10000))"
                + " AND ([PartMainOeuvrePdb] IS NULL OR ([PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000))");
            t.HasCheckConstraint("CK_ObligationsInsertion_Heures", "[HeuresDuesMinutes] >= 0"
                + " AND ([HeuresTravailleesEstimeesMinutes] IS NULL OR [HeuresTravailleesEstimeesMinutes] > 0)"
                + " AND ([HeuresSaisiesMinutes] IS NULL OR [HeuresSaisiesMinutes] > 0)");
            // The inputs of each method are kept (DOMAIN.md §3.1).
            t.HasCheckConstraint("CK_ObligationsInsertion_Methode",
                "([Methode] = 'F1' AND [MontantHTCentimes] IS NOT NULL AND [PartMainOeuvrePdb] IS NOT NULL AND [TauxInsertionPdb] IS NOT NULL AND [CoutHoraireReferenceCentimes] IS NOT NULL)"
                + " OR ([Methode] = 'F2' AND [TauxInsertionPdb] IS NOT NULL AND [HeuresTravailleesEstimeesMinutes] IS NOT NULL)"
                + " OR ([Methode] = 'F3' AND [HeuresSaisiesMinutes] IS NOT NULL)"
                + " OR ([Methode] = 'Aucune' AND [HeuresDuesMinutes] = 0)");
        });
        builder.Ignore(o => o.RacineId);
        builder.Ignore(o => o.HeuresDues);
        builder.Property(o => o.Motif).HasMaxLength(ObligationInsertion.MotifLongueurMax);
        builder.HasIndex(o => new { o.LotId, o.Version }).IsUnique();
    }
}

internal sealed class BonCommandeConfiguration : IEntityTypeConfiguration<BonCommande>
{
    public void Configure(EntityTypeBuilder<BonCommande> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.ToTable("BonsCommande", t =>
        {
            t.HasCheckConstraint("CK_BonsCommande_Montant", "[MontantHTCentimes] > 0");
            t.HasCheckConstraint("CK_BonsCommande_Heures", "[HeuresMinutes] IS NULL OR [HeuresMinutes] >= 0");
        });
        builder.Ignore(b => b.RacineId);
        builder.Ignore(b => b.MontantHT);
        builder.Ignore(b => b.Heures);
        builder.Property(b => b.Numero).HasMaxLength(BonCommande.NumeroLongueurMax).IsRequired();
        builder.HasIndex(b => new { b.LotId, b.Numero }).IsUnique();
    }
}

internal sealed class AttributionConfiguration : IEntityTypeConfiguration<Attribution>
{
    public void Configure(EntityTypeBuilder<Attribution> builder)
    {
        // Ids are made by the domain (Guid v7): a child added to a loaded aggregate must be inserted, not updated.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.ToTable("Attributions");
        builder.Ignore(a => a.RacineId);
        builder.Ignore(a => a.EstTitulaire);
        builder.HasOne(a => a.Entreprise).WithMany().HasForeignKey(a => a.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        // A company holds a lot in one role only; a lot has at most one attributaire.
        builder.HasIndex(a => new { a.LotId, a.EntrepriseId }).IsUnique();
        builder.HasIndex(a => a.LotId).IsUnique().HasFilter("[Role] = 'Attributaire'").HasDatabaseName("IX_Attributions_LotId_Attributaire");
        // "Every lot a company holds, and in which role": one indexed query.
        builder.HasIndex(a => new { a.StructureId, a.EntrepriseId, a.Role });
    }
}
