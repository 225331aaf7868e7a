using Clause.Domain.Parcours;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>PLIE parcours (issue 13); their étapes are tenant-scoped too (they carry StructureId).</summary>
    public DbSet<Domain.Parcours.Parcours> Parcours => Set<Domain.Parcours.Parcours>();

    public DbSet<Etape> EtapesParcours => Set<Etape>();
}
