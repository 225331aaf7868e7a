using Clause.Domain.Structures;
using Clause.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The import's memory of the workbook rows (issue 11): one record per (structure, sheet, Ref), the unique index is the rule.
internal sealed class LienImportConfiguration : IEntityTypeConfiguration<LienImport>
{
    public void Configure(EntityTypeBuilder<LienImport> builder)
    {
        builder.ToTable("LiensImport");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedOnAdd();
        builder.Property(l => l.Feuille).HasMaxLength(LienImport.FeuilleLongueurMax).IsRequired();
        builder.Property(l => l.Ref).HasMaxLength(LienImport.RefLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(l => l.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.StructureId, l.Feuille, l.Ref }).IsUnique();
    }
}

// The journal of the import runs, listed newest first on /Import.
internal sealed class JournalImportConfiguration : IEntityTypeConfiguration<JournalImport>
{
    public void Configure(EntityTypeBuilder<JournalImport> builder)
    {
        builder.ToTable("JournauxImport");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.NomUtilisateur).HasMaxLength(Identite.Utilisateur.NomCompletLongueurMax).IsRequired();
        builder.Property(j => j.NomJeton).HasMaxLength(Identite.JetonAcces.NomLongueurMax);
        builder.Property(j => j.NomFichier).HasMaxLength(JournalImport.NomFichierLongueurMax).IsRequired();
        builder.Property(j => j.Resultat).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Compteurs).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(j => j.StructureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.StructureId, j.Quand });
    }
}
