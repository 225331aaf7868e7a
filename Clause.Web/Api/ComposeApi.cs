using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace Clause.Web.Api;

/// <summary>A set of /api/v1 endpoints: registered as a singleton <c>IModuleApi</c>, mapped into the group by <see cref="ComposeApi"/>.</summary>
public interface IModuleApi
{
    void Mapper(RouteGroupBuilder api);
}

/// <summary>
/// Composition of the API (docs/architecture.md « API »): services (<see cref="AddClauseApi"/>), the middleware that
/// keeps every /api/v1 answer a problem document (<see cref="UseClauseApi"/>), and the route group with its conventions
/// (<see cref="MapClauseApi"/>): token authentication (the « Jeton » scheme, set up by ComposeWeb), the logged-in
/// policy at least, the per-token rate limit, the problem-details responses and the idempotency filter on every POST.
/// </summary>
public static class ComposeApi
{
    public const string Prefixe = SchemaJeton.PrefixeApi;

    public const string AdresseReference = "/api/v1/reference";

    public static IServiceCollection AddClauseApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemesApi.Completer);
        services.Configure<JsonOptions>(o => JsonApi.Configurer(o.SerializerOptions));
        // A body or parameter that cannot be read throws, and MiddlewareApi turns it into a problem naming the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(DocumentApi.Nom, DocumentApi.Configurer);
        services.AddLimitesDebit(configuration);
        services.AddSingleton<FiltreIdempotence>();
        services.AddSingleton<IModuleApi, PointsMoi>();
        services.AddSingleton<IModuleApi, PointsLots>();
        services.AddSingleton<IModuleApi, PointsContrats>();
        services.AddSingleton<IModuleApi, PointsDeclarations>();
        services.AddSingleton<IModuleApi, PointsBilans>();
        services.AddSingleton<IModuleApi, PointsImports>();
        return services;
    }

    /// <summary>Before routing: /api/v1 answers are problem documents, never the site's HTML error page.</summary>
    public static IApplicationBuilder UseClauseApi(this IApplicationBuilder app) => app.UseMiddleware<MiddlewareApi>();

    public static WebApplication MapClauseApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefixe)
            .RequireAuthorization(Politiques.Connecte)
            .RequireRateLimiting(LimitesDebit.Api)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Every POST gets the idempotency filter (and its marker, which the meta-test reads). A plain convention, not
        // Finally: filter factories must be known before the endpoint's request delegate is built.
        ((IEndpointConventionBuilder)api).Add(point =>
        {
            if (!MetadonneeIdempotence.EstPost(point.Metadata)) return;
            point.Metadata.Add(MetadonneeIdempotence.Instance);
            point.FilterFactories.Add((contexte, suivant) =>
            {
                var filtre = contexte.ApplicationServices.GetRequiredService<FiltreIdempotence>();
                return invocation => filtre.InvokeAsync(invocation, suivant);
            });
        });
        foreach (var module in app.Services.GetServices<IModuleApi>()) module.Mapper(api);

        app.MapOpenApi(DocumentApi.Adresse).AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference(AdresseReference, o => o
                .WithTitle("Référence de l'API Clause")
                .WithOpenApiRoutePattern(DocumentApi.Adresse.Replace("{documentName}", DocumentApi.Nom, StringComparison.Ordinal))
                .DisableDefaultFonts()
                .DisableTelemetry()
                .AddPreferredSecuritySchemes(DocumentApi.SchemaSecurite))
            .AllowAnonymous();
        return app;
    }
}
