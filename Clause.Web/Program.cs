using Clause.Infrastructure;
using Clause.Web.Infrastructure;
using Clause.Web.Taches;

// The DBA's copy of the Quartz tables (db/quartz-sqlserver.sql), written from the Quartz package in use.
if (args is ["--script-quartz", var cheminScript])
{
    await File.WriteAllTextAsync(cheminScript, SchemaQuartz.ScriptSqlServer());
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClauseInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClauseWeb(builder.Configuration, builder.Environment);
builder.Services.AddClauseTaches(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
await app.PreparerBaseAsync();
app.UtiliserClause();
await app.RunAsync();
