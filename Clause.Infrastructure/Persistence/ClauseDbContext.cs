using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Securite;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// The one DbContext (domain, Identity and audit trail in one database). Each provider has a derived
/// context that owns its migration set: <see cref="SqliteClauseDbContext"/> and <see cref="SqlServerClauseDbContext"/>.
/// Every tenant-owned entity is scoped to the current structure by a global query filter.
/// </summary>
public abstract partial class ClauseDbContext : IdentityDbContext<Utilisateur, IdentityRole<Guid>, Guid>
{
    protected ClauseDbContext(DbContextOptions options, ContexteExecution contexte) : base(options) => Contexte = contexte;

    public ContexteExecution Contexte { get; }

    // Read by the query filters: EF evaluates these per query, so one model serves every tenant.
    internal Guid? StructureCourante => Contexte.StructureId;

    internal bool Systeme => Contexte.Systeme;

    public DbSet<Structure> Structures => Set<Structure>();

    public DbSet<DonneurOrdre> DonneursOrdre => Set<DonneurOrdre>();

    public DbSet<Entreprise> Entreprises => Set<Entreprise>();

    public DbSet<JournalAudit> JournalAudit => Set<JournalAudit>();

    public DbSet<Reglages> Reglages => Set<Reglages>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored as stable string codes (their C# names), never as integers.
        foreach (var type in typeof(Entite).Assembly.GetTypes().Where(t => t.IsEnum))
            configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClauseDbContext).Assembly);

        var filtrer = typeof(ClauseDbContext).GetMethod(nameof(FiltrerParStructure),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Select(e => e.ClrType)
                     .Where(t => typeof(IAppartientStructure).IsAssignableFrom(t)))
            filtrer.MakeGenericMethod(type).Invoke(this, [builder]);
    }

    private void FiltrerParStructure<T>(ModelBuilder builder) where T : class, IAppartientStructure =>
        builder.Entity<T>().HasQueryFilter(e => Systeme || e.StructureId == StructureCourante);
}

/// <summary>SQLite: the embedded default. Owns Migrations/Sqlite.</summary>
public sealed class SqliteClauseDbContext(DbContextOptions<SqliteClauseDbContext> options, ContexteExecution contexte)
    : ClauseDbContext(options, contexte)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset: store it as a sortable 64-bit value.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>SQL Server: production. Owns Migrations/SqlServer and the script in db/.</summary>
public sealed class SqlServerClauseDbContext(DbContextOptions<SqlServerClauseDbContext> options, ContexteExecution contexte)
    : ClauseDbContext(options, contexte);
