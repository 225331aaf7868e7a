using Clause.Infrastructure;
using Clause.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClauseInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClauseWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.PreparerBaseAsync();
app.UtiliserClause();
await app.RunAsync();
