using Clause.Infrastructure;
using Clause.Web.Banc;
using Clause.Web.Infrastructure;

// Benchmark verbs (docs/performance.md): `dotnet run -c Release --project Clause.Web -- banc echelle`.
if (CommandeBanc.EstDemandee(args))
{
    Environment.ExitCode = await CommandeBanc.ExecuterAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClauseInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClauseWeb(builder.Configuration, builder.Environment);
CompteurCommandesSql.AjouterSiDemande(builder.Services, builder.Configuration);

var app = builder.Build();
await app.PreparerBaseAsync();
CompteurCommandesSql.UtiliserSiDemande(app);
app.UtiliserClause();
await app.RunAsync();
