using Clause.Domain.Commun;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Support;

/// <summary>
/// Test support only: a context over the same SQLite file or connection whose model has no tenant filter, so that a test
/// sets up and checks the rows of every structure. It is the tests' one explicit <c>IgnoreQueryFilters()</c>: the app
/// itself has no such context (its filter is <c>StructureId = current</c> for everyone, the system included), and the
/// pages under test always go through the app's own filtered context.
/// </summary>
public sealed class BaseToutesStructures(DbContextOptions<BaseToutesStructures> options, ContexteExecution contexte) : ClauseDbContext(options, contexte)
{
    /// <summary>A context acting as the system (it may write any structure's rows) that reads every structure.</summary>
    public static BaseToutesStructures Ouvrir(Action<DbContextOptionsBuilder<BaseToutesStructures>> sqlite, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        var options = new DbContextOptionsBuilder<BaseToutesStructures>();
        sqlite(options);
        options.AddInterceptors(new AuditInterceptor(horloge));
        var contexte = new ContexteExecution();
        contexte.DefinirSysteme("tests");
        return new BaseToutesStructures(options.Options, contexte);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        SqliteClauseDbContext.ConventionsSqlite(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var type in builder.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => typeof(IAppartientStructure).IsAssignableFrom(t)).ToList())
            builder.Entity(type).HasQueryFilter(FiltreStructure, null);
    }
}
