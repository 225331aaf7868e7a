using Clause.Domain.Pieces;
using Clause.Infrastructure.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The proofs' rows (the files are on disk, StockagePieces); tenant-scoped.</summary>
    public DbSet<PieceJustificative> PiecesJustificatives => Set<PieceJustificative>();

    /// <summary>One row per download of a proof (who, when, which); tenant-scoped.</summary>
    public DbSet<TelechargementPiece> TelechargementsPieces => Set<TelechargementPiece>();
}
