using Clause.Infrastructure.Identite;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The server-side sign-in sessions (<see cref="MagasinSessions"/>); an account's own rows, not tenant data.</summary>
    public DbSet<SessionConnexion> SessionsConnexion => Set<SessionConnexion>();
}
