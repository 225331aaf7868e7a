using Clause.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

public abstract partial class ClauseDbContext
{
    /// <summary>The import's links (structure, sheet, Ref) → record (issue 11): a re-import updates, never duplicates.</summary>
    public DbSet<LienImport> LiensImport => Set<LienImport>();

    /// <summary>The journal of the import runs (issue 11).</summary>
    public DbSet<JournalImport> JournauxImport => Set<JournalImport>();
}
