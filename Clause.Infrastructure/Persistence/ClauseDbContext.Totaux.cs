using Clause.Infrastructure.Totaux;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>Compiled monthly totals per lot, marché, opération, donneur d'ordre and structure (DOMAIN.md §8).</summary>
    public DbSet<TotalMensuel> TotauxMensuels => Set<TotalMensuel>();

    /// <summary>Compiled monthly minutes of each lot by modality and contract type: what the pages read for past months.</summary>
    public DbSet<TotalMensuelLot> TotauxMensuelsLots => Set<TotalMensuelLot>();

    /// <summary>Months whose compiled totals are stale (marked in the save that changed one of their lines).</summary>
    public DbSet<MoisSale> MoisSales => Set<MoisSale>();

    /// <summary>Months whose totals were compiled, and when.</summary>
    public DbSet<MoisCompile> MoisCompiles => Set<MoisCompile>();
}
