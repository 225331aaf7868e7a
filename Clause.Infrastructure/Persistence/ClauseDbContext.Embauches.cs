using Clause.Domain.Embauches;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>Companies' hire proposals (issue 9 item 3), tenant-scoped; read by a company only through its own EntrepriseId.</summary>
    public DbSet<PropositionEmbauche> PropositionsEmbauche => Set<PropositionEmbauche>();
}
