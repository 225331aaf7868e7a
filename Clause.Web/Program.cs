using Clause.Infrastructure;
using Clause.Web.Banc;
using Clause.Web.Infrastructure;
using Clause.Web.Taches;

// The DBA's copy of the Quartz tables (db/quartz-sqlserver.sql), written from the Quartz package in use.
if (args is ["--script-quartz", var cheminScript])
{
    await File.WriteAllTextAsync(cheminScript, SchemaQuartz.ScriptSqlServer());
    return;
}

// Benchmark verbs (docs/performance.md): `dotnet run -c Release --project Clause.Web -- banc echelle`.
if (CommandeBanc.EstDemandee(args))
{
    Environment.ExitCode = await CommandeBanc.ExecuterAsync(args);
    return;
}

// Operations verbs (docs/operations.md): `audit verifier`, `sauvegarde <fichier>`, `restauration <fichier>`.
var exploitation = CommandesExploitation.EstDemandee(args);
var builder = WebApplication.CreateBuilder(exploitation ? [] : args);
// In Production, every missing setting in one message, before anything is written (issue 16 item 7).
if (!exploitation) Demarrage.VerifierConfiguration(builder.Configuration, builder.Environment);
builder.Services.AddClauseInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClauseWeb(builder.Configuration, builder.Environment);
builder.Services.AddClauseTaches(builder.Configuration, builder.Environment.ContentRootPath);
CompteurCommandesSql.AjouterSiDemande(builder.Services, builder.Configuration);

var app = builder.Build();
if (exploitation)
{
    Environment.ExitCode = await CommandesExploitation.ExecuterAsync(app, args);
    return;
}
await app.PreparerBaseAsync();
CompteurCommandesSql.UtiliserSiDemande(app);
app.UtiliserClause();
await app.RunAsync();
