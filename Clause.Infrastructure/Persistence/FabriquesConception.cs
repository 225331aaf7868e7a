using Clause.Infrastructure.Securite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clause.Infrastructure.Persistence;

/// <summary>Used by `dotnet ef` only: builds each provider's context without a running app or server.</summary>
public sealed class FabriqueSqliteConception : IDesignTimeDbContextFactory<SqliteClauseDbContext>
{
    public SqliteClauseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClauseDbContext>().UseSqlite("Data Source=conception.db").Options, Systeme());

    internal static ContexteExecution Systeme()
    {
        var contexte = new ContexteExecution();
        contexte.DefinirSysteme("dotnet-ef");
        return contexte;
    }
}

public sealed class FabriqueSqlServerConception : IDesignTimeDbContextFactory<SqlServerClauseDbContext>
{
    public SqlServerClauseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerClauseDbContext>()
            .UseSqlServer("Server=(local);Database=Clause;Trusted_Connection=True;TrustServerCertificate=True").Options,
            FabriqueSqliteConception.Systeme());
}
