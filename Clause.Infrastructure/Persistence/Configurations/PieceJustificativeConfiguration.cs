using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Pieces;
using Clause.Domain.Structures;
using Clause.Infrastructure.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clause.Infrastructure.Persistence.Configurations;

// The CHECK constraints mirror PieceJustificative.Deposer (attached to something, 1 byte to 5 Mo, a generated name) on
// SQLite and SQL Server alike. Foreign keys are NO ACTION: a contrat or a company is never deleted with its proofs.
internal sealed class PieceJustificativeConfiguration : IEntityTypeConfiguration<PieceJustificative>
{
    public void Configure(EntityTypeBuilder<PieceJustificative> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.ToTable("PiecesJustificatives", t =>
        {
            t.HasCheckConstraint("CK_PiecesJustificatives_Rattachement", "[ContratId] IS NOT NULL OR [Mois] IS NOT NULL");
            t.HasCheckConstraint("CK_PiecesJustificatives_Taille", $"[Taille] > 0 AND [Taille] <= {PieceJustificative.TailleMax}");
            t.HasCheckConstraint("CK_PiecesJustificatives_Mois",
                "[Mois] IS NULL OR ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12)");
        });
        builder.Property(p => p.NomOriginal).HasMaxLength(PieceJustificative.NomOriginalLongueurMax).IsRequired();
        builder.Property(p => p.NomStocke).HasMaxLength(PieceJustificative.NomStockeLongueurMax).IsRequired();
        builder.Property(p => p.TypeContenu).HasMaxLength(PieceJustificative.TypeContenuLongueurMax).IsRequired();
        builder.Property(p => p.Empreinte).HasMaxLength(PieceJustificative.EmpreinteLongueur).IsFixedLength().IsRequired();
        builder.Property(p => p.DeposeeParNom).HasMaxLength(Auteur.NomLongueurMax).IsRequired();
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entreprise>().WithMany().HasForeignKey(p => p.EntrepriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contrat>().WithMany().HasForeignKey(p => p.ContratId).OnDelete(DeleteBehavior.Restrict);
        // The company's proofs of a month (portal, facilitateur's queue); a contrat's proofs; one file per generated name.
        builder.HasIndex(p => new { p.StructureId, p.EntrepriseId, p.Mois });
        builder.HasIndex(p => new { p.StructureId, p.ContratId });
        builder.HasIndex(p => p.NomStocke).IsUnique();
    }
}

internal sealed class TelechargementPieceConfiguration : IEntityTypeConfiguration<TelechargementPiece>
{
    public void Configure(EntityTypeBuilder<TelechargementPiece> builder)
    {
        builder.ToTable("TelechargementsPieces");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.NomUtilisateur).HasMaxLength(Identite.Utilisateur.NomCompletLongueurMax).IsRequired();
        // No foreign key to the proof: the trail outlives a deleted proof (its deletion is in the audit trail).
        builder.HasIndex(t => new { t.StructureId, t.PieceId, t.Quand });
    }
}
