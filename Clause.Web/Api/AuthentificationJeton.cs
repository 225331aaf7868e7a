using System.Security.Claims;
using System.Text.Encodings.Web;
using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clause.Web.Api;

/// <summary>
/// The authentication schemes. <see cref="Selection"/> is the default: it forwards a request under <c>/api/v1</c> to
/// the token scheme and every other request to Identity's cookie, so a cookie is never accepted on the API (no CSRF
/// surface) and a token never on a page. The same policies and tenant filter apply to both.
/// </summary>
public static class SchemaJeton
{
    public const string Nom = "Jeton";
    public const string Selection = "Clause";
    public const string PrefixeApi = "/api/v1";

    public static bool EstApi(PathString chemin) => chemin.StartsWithSegments(PrefixeApi, StringComparison.OrdinalIgnoreCase);

    public static AuthenticationBuilder AjouterSchemasClause(this IServiceCollection services) =>
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selection;
                o.DefaultAuthenticateScheme = Selection;
                o.DefaultChallengeScheme = Selection;
                o.DefaultForbidScheme = Selection;
            })
            .AddPolicyScheme(Selection, "Clause", o => o.ForwardDefaultSelector = http =>
                EstApi(http.Request.Path) ? Nom : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AuthentificationJeton>(Nom, "Jeton d'accès personnel", null);
}

/// <summary>
/// <c>Authorization: Bearer clause_pat_…</c>: the token's user, with the very claims a sign-in cookie would carry
/// (same claims factory), plus the token's id and name (audit, rate limit). 401 answers carry
/// <c>WWW-Authenticate: Bearer</c> and a French problem-details body.
/// </summary>
public sealed class AuthentificationJeton(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory journaux,
    UrlEncoder encodeur,
    JetonsAcces jetons,
    IUserClaimsPrincipalFactory<Utilisateur> revendications)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, journaux, encodeur)
{
    private const string CleRefus = "clause:refus-jeton";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var entete = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(entete)) return AuthenticateResult.NoResult();
        if (!entete.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Refuser(RefusJeton.Format);

        var resultat = await jetons.AuthentifierAsync(entete["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (resultat.Refus is { } refus) return Refuser(refus);

        var principal = await revendications.CreateAsync(resultat.Utilisateur!);
        var identite = new ClaimsIdentity(principal.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identite.AddClaim(new Claim(RevendicationsClause.JetonId, resultat.Jeton!.Id.ToString()));
        identite.AddClaim(new Claim(RevendicationsClause.JetonNom, resultat.Jeton.Nom));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identite), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refus = Context.Items[CleRefus] as RefusJeton?;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = refus is null
            ? "Bearer realm=\"Clause\""
            : "Bearer realm=\"Clause\", error=\"invalid_token\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Authentification requise",
            detail: refus is { } r
                ? AuthentificationJetonResultat.Message(r)
                : "Présentez un jeton d'accès personnel dans l'en-tête Authorization: Bearer clause_pat_… (créez-le depuis « Mon compte »).")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Accès refusé",
            detail: "Votre rôle ne permet pas cette opération de l'API.")
        .ExecuteAsync(Context);

    private AuthenticateResult Refuser(RefusJeton refus)
    {
        Context.Items[CleRefus] = refus;
        return AuthenticateResult.Fail(AuthentificationJetonResultat.Message(refus));
    }
}
