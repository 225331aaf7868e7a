using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Taches;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The run journal of the scheduled jobs (system journal, not tenant data).</summary>
    public DbSet<ExecutionTache> ExecutionsTaches => Set<ExecutionTache>();

    /// <summary>The mail outbox (see <see cref="BoiteEnvoi"/>); not tenant data, filtered by StructureId where shown.</summary>
    public DbSet<MessageSortant> MessagesSortants => Set<MessageSortant>();
}
