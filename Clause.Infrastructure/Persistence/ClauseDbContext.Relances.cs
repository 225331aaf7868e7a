using Clause.Domain.Alertes;
using Clause.Domain.Relances;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>Declaration reminders sent (issue 12 item 3): one row per contact, lot, month and rank (unique).</summary>
    public DbSet<RelanceDeclaration> RelancesDeclaration => Set<RelanceDeclaration>();

    /// <summary>The facilitateurs' « relance infructueuse » tasks, with the proposed penalty.</summary>
    public DbSet<TacheRelance> TachesRelance => Set<TacheRelance>();

    /// <summary>Alerts of the staff users (issue 12 item 4): one row per alert and recipient (unique).</summary>
    public DbSet<Alerte> Alertes => Set<Alerte>();
}
