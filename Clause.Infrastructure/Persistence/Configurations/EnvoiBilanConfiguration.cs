using Clause.Domain.Bilans;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The journal of the bilans sent to buyers. No foreign key to the scope's record: the journal keeps the scope's label
// as it was, and a lot or marché removed later leaves its sends readable.
internal sealed class EnvoiBilanConfiguration : IEntityTypeConfiguration<EnvoiBilan>
{
    public void Configure(EntityTypeBuilder<EnvoiBilan> builder)
    {
        builder.ToTable("EnvoisBilans", t =>
        {
            t.HasCheckConstraint("CK_EnvoisBilans_Mois", "[Du] >= 190001 AND [Au] <= 299912 AND [Du] <= [Au]");
            t.HasCheckConstraint("CK_EnvoisBilans_Perimetre", "[Perimetre] IN ('Lot', 'Marche', 'Operation', 'DonneurOrdre')");
            t.HasCheckConstraint("CK_EnvoisBilans_Destinataires", $"[NombreDestinataires] >= 1 AND [NombreDestinataires] <= {EnvoiBilan.DestinatairesMax}");
        });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Perimetre).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LibellePerimetre).HasMaxLength(EnvoiBilan.LibelleLongueurMax).IsRequired();
        builder.Property(e => e.EnvoyeParNom).HasMaxLength(EnvoiBilan.NomLongueurMax).IsRequired();
        builder.Property(e => e.Destinataires).HasMaxLength(EnvoiBilan.DestinatairesLongueurMax).IsRequired();
        builder.Property(e => e.NomFichier).HasMaxLength(EnvoiBilan.FichierLongueurMax).IsRequired();
        builder.Ignore(e => e.PerimetreBilan);
        builder.Ignore(e => e.Periode);
        builder.HasOne<Structure>().WithMany().HasForeignKey(e => e.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DonneurOrdre>().WithMany().HasForeignKey(e => e.DonneurOrdreId).OnDelete(DeleteBehavior.Restrict);
        // The buyer's page: its sends, newest first.
        builder.HasIndex(e => new { e.StructureId, e.DonneurOrdreId, e.EnvoyeLe });
    }
}
