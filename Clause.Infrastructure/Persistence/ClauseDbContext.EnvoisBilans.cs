using Clause.Domain.Bilans;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The journal of the bilans e-mailed to buyers (issue 10 item 6): one row per send.</summary>
    public DbSet<EnvoiBilan> EnvoisBilans => Set<EnvoiBilan>();
}
