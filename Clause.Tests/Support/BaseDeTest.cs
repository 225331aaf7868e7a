using Clause.Domain.Commun;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Support;

/// <summary>
/// A real SQLite database (in memory, one open connection per test class instance) with every migration
/// applied. Contexts act as a given structure or as the system, like the app does.
/// </summary>
public sealed class BaseDeTest : IDisposable
{
    private readonly SqliteConnection _connexion = new("Data Source=:memory:");

    public BaseDeTest()
    {
        _connexion.Open();
        using var db = Demarrage();
        db.Database.Migrate();
    }

    public FakeTimeProvider Horloge { get; } = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A context acting as a user of <paramref name="structureId"/>.</summary>
    public SqliteClauseDbContext Pour(StructureId structureId, string nom = "Test Facilitateur", Guid? utilisateurId = null, IInterceptor? intercepteurs = null)
    {
        var contexte = new ContexteExecution();
        contexte.DefinirUtilisateur(utilisateurId ?? Guid.NewGuid(), nom, structureId, null, null);
        return Creer(contexte, intercepteurs);
    }

    /// <summary>
    /// A context that sets up and checks the rows of every structure (test support: its model has no tenant filter, see
    /// <see cref="BaseToutesStructures"/>); it writes as the system.
    /// </summary>
    public BaseToutesStructures Systeme() => BaseToutesStructures.Ouvrir(o => o.UseSqlite(_connexion), Horloge);

    /// <summary>The app's own context acting as start-up work (it owns the migrations): it reads no tenant row.</summary>
    public SqliteClauseDbContext Demarrage()
    {
        var contexte = new ContexteExecution();
        contexte.DefinirSysteme("tests");
        return Creer(contexte);
    }

    /// <summary>A context acting as given (e.g. an administrator: a user without structure).</summary>
    public SqliteClauseDbContext Avec(ContexteExecution contexte) => Creer(contexte);

    private SqliteClauseDbContext Creer(ContexteExecution contexte, IInterceptor? autre = null) =>
        new(new DbContextOptionsBuilder<SqliteClauseDbContext>()
            .UseSqlite(_connexion)
            .AddInterceptors(autre is null ? [new AuditInterceptor(Horloge)] : [new AuditInterceptor(Horloge), autre])
            .Options, contexte);

    public void Dispose() => _connexion.Dispose();
}
