using Clause.Domain.Heures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The companies' declarations of a month on the portal (issue 9): drafts, then immutable submissions.</summary>
    public DbSet<SoumissionHeures> SoumissionsHeures => Set<SoumissionHeures>();

    /// <summary>Tenant-scoped like their submission (they carry StructureId).</summary>
    public DbSet<LigneBrouillon> LignesBrouillon => Set<LigneBrouillon>();
}
