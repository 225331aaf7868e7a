using Clause.Domain.Alertes;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Relances;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// « Never two reminders for the same contact, lot, month and rank »: the unique index is the rule, not a check in code.
// No foreign key to the contact: a contact removed from its company keeps the trace of the reminders it received.
internal sealed class RelanceDeclarationConfiguration : IEntityTypeConfiguration<RelanceDeclaration>
{
    public void Configure(EntityTypeBuilder<RelanceDeclaration> builder)
    {
        builder.ToTable("RelancesDeclaration", t =>
        {
            t.HasCheckConstraint("CK_RelancesDeclaration_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
            t.HasCheckConstraint("CK_RelancesDeclaration_Rang", "[Rang] IN ('Premiere', 'Seconde')");
        });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Rang).HasMaxLength(10);
        builder.Property(r => r.Email).HasMaxLength(RelanceDeclaration.EmailLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(r => r.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(r => r.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StructureId, r.ContactId, r.LotId, r.Mois, r.Rang }).IsUnique();
        // The service reads the reminders of one month of the structure.
        builder.HasIndex(r => new { r.StructureId, r.Mois, r.LotId });
    }
}

internal sealed class TacheRelanceConfiguration : IEntityTypeConfiguration<TacheRelance>
{
    public void Configure(EntityTypeBuilder<TacheRelance> builder)
    {
        builder.ToTable("TachesRelance", t =>
        {
            t.HasCheckConstraint("CK_TachesRelance_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
            t.HasCheckConstraint("CK_TachesRelance_Minutes", "[DuesMinutes] >= 0 AND [RealiseesMinutes] >= 0");
            t.HasCheckConstraint("CK_TachesRelance_Penalite",
                "([MontantParHeureManquanteCentimes] IS NULL AND [PenaliteProposeeCentimes] IS NULL) OR ([MontantParHeureManquanteCentimes] > 0 AND [PenaliteProposeeCentimes] >= 0)");
        });
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TraiteeParNom).HasMaxLength(TacheRelance.NomLongueurMax);
        builder.HasOne<Structure>().WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(t => t.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(t => t.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.StructureId, t.LotId, t.EntrepriseId, t.Mois }).IsUnique();
        // The home page lists the open tasks of the structure, oldest first.
        builder.HasIndex(t => new { t.StructureId, t.TraiteeLe, t.CreeeLe });
    }
}

// « Each alert once »: the unique index on the subject, its date and the recipient. The recipient is a user id without a
// foreign key (Identity's table; a deactivated account keeps its rows).
internal sealed class AlerteConfiguration : IEntityTypeConfiguration<Alerte>
{
    public void Configure(EntityTypeBuilder<Alerte> builder)
    {
        builder.ToTable("Alertes");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Nature).HasMaxLength(30);
        builder.Property(a => a.Texte).HasMaxLength(Alerte.TexteLongueurMax).IsRequired();
        builder.Property(a => a.Lien).HasMaxLength(Alerte.LienLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.StructureId, a.Nature, a.SujetId, a.Echeance, a.DestinataireId }).IsUnique();
        // The home page: the open alerts of one user.
        builder.HasIndex(a => new { a.StructureId, a.DestinataireId, a.TraiteeLe, a.CreeeLe });
    }
}
