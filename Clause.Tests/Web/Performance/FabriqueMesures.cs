using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Performance;

/// <summary>The Development app (the demo structure seeded) with every query recorded by address (<see cref="CollecteSql"/>).</summary>
public sealed class FabriqueMesures() : FabriqueClause("Development")
{
    public CollecteSql Collecte { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteClauseDbContext>(o => o.AddInterceptors(Collecte)));
    }
}
