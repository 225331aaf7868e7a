using System.Reflection;
using System.Security.Claims;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Support;

/// <summary>
/// A handler of a page endpoint: its page, method and name, the roles (and anonymous) the app lets through, its route
/// (<see cref="RoutePattern"/>) and the compiled page (handler parameters, bound properties).
/// </summary>
public sealed record HandlerPage(string Page, string Methode, string Nom, IReadOnlyList<string> Autorises, RoutePattern Route,
    CompiledPageActionDescriptor Descripteur);

/// <summary>A non-page endpoint (minimal API, OpenAPI…): its route, HTTP methods, allowed roles and handler method.</summary>
public sealed record PointNonPage(RoutePattern Route, IReadOnlyList<string> Methodes, IReadOnlyList<string> Autorises, MethodInfo? Methode,
    string Nom);

/// <summary>
/// The app's endpoints as the router holds them, loaded as the router loads them (<see cref="PageLoader"/>), each with the
/// roles its authorization lets through — evaluated with a user as the sign-in builds one (<see cref="Principal"/>). Read
/// by the role matrix (MatriceDesDroitsTests) and the tenant sweep (BalayageLocatairesTests): a new page or endpoint is
/// covered by both without editing them.
/// </summary>
public static class PointsApplication
{
    public const string Anonyme = "(anonyme)";

    public static IReadOnlyList<string> TousEtAnonyme { get; } = [.. Roles.Tous, Anonyme];

    /// <summary>Every handler of every page endpoint, with the roles (and anonymous) the app lets through.</summary>
    public static async Task<List<HandlerPage>> HandlersAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var chargeur = services.GetRequiredService<PageLoader>();
        var fournisseur = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var autorisation = services.GetRequiredService<IAuthorizationService>();
        var repli = await fournisseur.GetFallbackPolicyAsync();
        var principaux = TousEtAnonyme.ToDictionary(r => r, Principal);

        var resultat = new List<HandlerPage>();
        foreach (var point in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (point.Metadata.GetMetadata<PageActionDescriptor>() is not { } descripteur) continue;
            var page = await chargeur.LoadAsync(descripteur, point.Metadata);
            var metadonnees = page.EndpointMetadata;
            var ouverte = metadonnees.OfType<IAllowAnonymous>().Any();
            var politique = await AuthorizationPolicy.CombineAsync(fournisseur, metadonnees.OfType<IAuthorizeData>(), metadonnees.OfType<AuthorizationPolicy>()) ?? repli;
            var ecriture = page.FilterDescriptors.Select(f => f.Filter).OfType<FiltreEcriture>().Select(f => f.Politique).ToList();

            var methodes = page.HandlerMethods.Count > 0
                ? page.HandlerMethods.Select(m => (Methode: m.HttpMethod.ToUpperInvariant(), Nom: m.Name ?? string.Empty))
                : [(HttpMethods.Get, string.Empty)];
            foreach (var (methode, nom) in methodes.Distinct())
            {
                var autorises = new List<string>();
                foreach (var (role, principal) in principaux)
                {
                    var permis = ouverte || politique is null || (await autorisation.AuthorizeAsync(principal, null, politique)).Succeeded;
                    if (permis && !ouverte && !ConventionAcces.EstSure(methode))
                        foreach (var p in ecriture)
                            permis &= (await autorisation.AuthorizeAsync(principal, p)).Succeeded;
                    if (permis) autorises.Add(role);
                }
                resultat.Add(new HandlerPage(descripteur.ViewEnginePath, methode, nom, autorises, point.RoutePattern, page));
            }
        }
        return resultat;
    }

    /// <summary>Every routed endpoint that is not a page (the API's, OpenAPI's…), with the roles its authorization lets through.</summary>
    public static async Task<List<PointNonPage>> PointsNonPagesAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var fournisseur = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var autorisation = services.GetRequiredService<IAuthorizationService>();
        var repli = await fournisseur.GetFallbackPolicyAsync();
        var principaux = TousEtAnonyme.ToDictionary(r => r, Principal);

        var resultat = new List<PointNonPage>();
        foreach (var point in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (point.Metadata.GetMetadata<PageActionDescriptor>() is not null) continue;
            var metadonnees = point.Metadata;
            var ouverte = metadonnees.OfType<IAllowAnonymous>().Any();
            var politique = await AuthorizationPolicy.CombineAsync(fournisseur, metadonnees.OfType<IAuthorizeData>(), metadonnees.OfType<AuthorizationPolicy>()) ?? repli;
            var autorises = new List<string>();
            foreach (var (role, principal) in principaux)
                if (ouverte || politique is null || (await autorisation.AuthorizeAsync(principal, null, politique)).Succeeded)
                    autorises.Add(role);
            var methodes = metadonnees.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            resultat.Add(new PointNonPage(point.RoutePattern, [.. methodes], autorises, metadonnees.GetMetadata<MethodInfo>(),
                point.DisplayName ?? point.RoutePattern.RawText ?? string.Empty));
        }
        return resultat;
    }

    /// <summary>A user as the sign-in builds one: the role, and the structure, company or buyer of the account.</summary>
    public static ClaimsPrincipal Principal(string role)
    {
        if (role == Anonyme) return new ClaimsPrincipal(new ClaimsIdentity());
        var revendications = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Role, role) };
        if (role != Roles.Administrateur) revendications.Add(new(RevendicationsClause.StructureId, Guid.NewGuid().ToString()));
        if (role == Roles.Entreprise) revendications.Add(new(RevendicationsClause.EntrepriseId, Guid.NewGuid().ToString()));
        if (role == Roles.DonneurOrdre) revendications.Add(new(RevendicationsClause.DonneurOrdreId, Guid.NewGuid().ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(revendications, "Identity.Application"));
    }
}
