using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Clause.Web.Api;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Api;

/// <summary>
/// The real app with what only tests need: the client's IP address taken from an <c>X-Test-IP</c> header (every
/// TestServer request comes from nowhere), a counter of SQL commands, and a test-only module of POST endpoints that
/// write real rows, to exercise the idempotency filter the production endpoints will get.
/// </summary>
public class FabriqueApi : FabriqueClause
{
    public const string EnTeteIp = "X-Test-IP";

    public Portillon Portillon { get; } = new();

    /// <summary>Counts the SQL commands of every context of the app (a test resets it before the request it measures).</summary>
    public CompteurCommandes Compteur { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, AdresseDeTest>();
            services.AddSingleton(Portillon);
            services.AddSingleton<IModuleApi, ModuleDeTest>();
            services.ConfigureDbContext<SqliteClauseDbContext>(o => o.AddInterceptors(Compteur));
        });
    }

    private sealed class AdresseDeTest : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, suivant) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[EnTeteIp].ToString(), out var ip)) http.Connection.RemoteIpAddress = ip;
                return suivant(http);
            });
            next(app);
        };
    }
}

/// <summary>The same with small rate limits: 3 API requests a minute per token, 2 form POSTs per address and per account.</summary>
public sealed class FabriqueApiLimitee : FabriqueApi
{
    public const int LimiteApi = 3;

    public const int LimiteFormulaires = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:LimiteParMinute", LimiteApi.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Formulaires:LimiteParMinute", LimiteFormulaires.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Holds the test endpoint <c>POST /api/v1/essais/attente</c> until the test opens it (no waiting on a clock).</summary>
public sealed class Portillon
{
    private TaskCompletionSource _atteint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _ouvert = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Atteint => _atteint.Task;

    public async Task PasserAsync()
    {
        _atteint.TrySetResult();
        await _ouvert.Task;
    }

    public void Ouvrir() => _ouvert.TrySetResult();

    public void Refermer()
    {
        _atteint = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _ouvert = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public sealed record SaisieEssai(string RaisonSociale);

public sealed record EssaiCree(Guid Id, string RaisonSociale);

/// <summary>Test-only POST endpoints of the /api/v1 group: each creates a real donneur d'ordre (audited) in the caller's structure.</summary>
public sealed class ModuleDeTest : IModuleApi
{
    public void Mapper(RouteGroupBuilder api)
    {
        api.MapPost("/essais/donneurs-ordre", (SaisieEssai saisie, ClauseDbContext db) => CreerAsync(saisie, db))
            .RequireAuthorization(Politiques.GestionClause);
        api.MapPost("/essais/attente", async (SaisieEssai saisie, ClauseDbContext db, Portillon portillon) =>
            {
                await portillon.PasserAsync();
                return await CreerAsync(saisie, db);
            })
            .RequireAuthorization(Politiques.GestionClause);
        api.MapGet("/essais/exception", string () => throw new InvalidOperationException("panne de test"));
        api.MapPost("/essais/panne", (SaisieEssai saisie) => Results.StatusCode(StatusCodes.Status503ServiceUnavailable))
            .RequireAuthorization(Politiques.GestionClause);
    }

    private static async Task<IResult> CreerAsync(SaisieEssai saisie, ClauseDbContext db)
    {
        DonneurOrdre donneur;
        try
        {
            donneur = DonneurOrdre.Creer(db.Contexte.StructureId!.Value, saisie.RaisonSociale, TypeDonneurOrdre.EntreprisePrivee, null, null, null, null);
        }
        catch (RegleMetierException erreur)
        {
            return ProblemesApi.Regle(erreur);
        }
        db.DonneursOrdre.Add(donneur);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/essais/donneurs-ordre/{donneur.Id}", new EssaiCree(donneur.Id.Valeur, donneur.RaisonSociale));
    }
}
