using Clause.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>Postes à pourvoir on a lot (issue 14 item 2), tenant-scoped; read by a company only through its own EntrepriseId.</summary>
    public DbSet<PosteAPourvoir> PostesAPourvoir => Set<PosteAPourvoir>();

    /// <summary>Candidatures to a poste (issue 14 item 3), tenant-scoped; a company reads only those presented on its own postes, a référent those of his or her participants.</summary>
    public DbSet<Candidature> Candidatures => Set<Candidature>();
}
