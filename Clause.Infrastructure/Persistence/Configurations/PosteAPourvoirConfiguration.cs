using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Placement;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror the poste's rules (PosteAPourvoir.Creer) on both providers. Foreign keys are NO ACTION.
internal sealed class PosteAPourvoirConfiguration : IEntityTypeConfiguration<PosteAPourvoir>
{
    public void Configure(EntityTypeBuilder<PosteAPourvoir> builder)
    {
        builder.ToTable("PostesAPourvoir", t =>
        {
            t.HasCheckConstraint("CK_PostesAPourvoir_Nombre", $"[Nombre] > 0 AND [Nombre] <= {PosteAPourvoir.NombreMax}");
            t.HasCheckConstraint("CK_PostesAPourvoir_HeuresHebdo",
                $"[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= {Contrat.HeuresHebdoMaxMinutes})");
        });
        builder.Ignore(p => p.HeuresHebdo);
        builder.Property(p => p.Intitule).HasMaxLength(Contrat.PosteLongueurMax).IsRequired();
        builder.Property(p => p.CodeRome).HasMaxLength(Contrat.CodeRomeLongueur);
        builder.Property(p => p.Lieu).HasMaxLength(PosteAPourvoir.LieuLongueurMax);
        builder.Property(p => p.Exigences).HasMaxLength(PosteAPourvoir.ExigencesLongueurMax);
        builder.Property(p => p.CreeParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(p => p.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(p => p.LotId).OnDelete(DeleteBehavior.Restrict);
        // The staff's list (by status, by start) and a company's own list, both led by StructureId.
        builder.HasIndex(p => new { p.StructureId, p.Statut, p.DateDebut });
        builder.HasIndex(p => new { p.StructureId, p.EntrepriseId, p.CreeLe });
        builder.HasIndex(p => new { p.StructureId, p.LotId });
        builder.HasIndex(p => p.LotId);
        builder.HasIndex(p => p.EntrepriseId);
    }
}
