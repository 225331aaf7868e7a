using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The resets of a second factor by an administrator or the Direction (audited through this entity).</summary>
    public DbSet<ReinitialisationDoubleFacteur> ReinitialisationsDoubleFacteur => Set<ReinitialisationDoubleFacteur>();
}
