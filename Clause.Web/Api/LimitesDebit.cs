using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clause.Web.Api;

/// <summary>Limits, per minute (configuration <c>Api:LimiteParMinute</c> and <c>Formulaires:LimiteParMinute</c>).</summary>
public sealed class OptionsLimites
{
    /// <summary>Requests per minute and per token on /api/v1 (default 120).</summary>
    public int ApiParMinute { get; set; } = 120;

    /// <summary>POSTs per minute of the sign-in and password forms, per IP address and, separately, per account (default 10).</summary>
    public int FormulairesParMinute { get; set; } = 10;
}

/// <summary>
/// Rate limits with ASP.NET Core's built-in limiter (fixed windows of one minute, no queue). Over the limit: 429 with
/// <c>Retry-After</c> (seconds), a problem document on the API, the French error page on forms.
/// <list type="bullet">
/// <item><see cref="Api"/>, put on the /api/v1 group: one window per token (the token id claim of the « Jeton » scheme;
/// the IP address for a request without a valid token, so a flood of forged tokens is limited too).</item>
/// <item>Forms (<see cref="Formulaires"/>): every POST to a path of <see cref="CheminsFormulaires"/>, or to a page or
/// endpoint marked <c>[EnableRateLimiting(LimitesDebit.Formulaires)]</c>, is counted twice — per IP address and per
/// account (the e-mail typed, the invited user's id, else the signed-in user) — and refused when either is over. Both
/// windows are global limiters, because a named policy has one partition key; the named policy itself only marks.</item>
/// </list>
/// </summary>
public static class LimitesDebit
{
    public const string Api = "Api";

    /// <summary>Mark a password or sign-in form with <c>[EnableRateLimiting(LimitesDebit.Formulaires)]</c> to limit its POSTs.</summary>
    public const string Formulaires = "Formulaires";

    /// <summary>Sign-in, invitation (choose a password), change of password (the « Mon compte » page), « mot de passe oublié » and its reset page.</summary>
    public static readonly IReadOnlyList<string> CheminsFormulaires = ["/Compte/Connexion", "/Compte/Invitation", "/Compte/MotDePasse", "/Compte/MonCompte",
        "/Compte/MotDePasseOublie", "/Compte/Reinitialisation"];

    private static readonly TimeSpan Fenetre = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddLimitesDebit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OptionsLimites>(o =>
        {
            o.ApiParMinute = configuration.GetValue("Api:LimiteParMinute", o.ApiParMinute);
            o.FormulairesParMinute = configuration.GetValue("Formulaires:LimiteParMinute", o.FormulairesParMinute);
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Api, http => FenetreDe("api:" + (JetonDe(http.User) ?? "ip:" + Adresse(http)), Limites(http).ApiParMinute));
            o.AddPolicy(Formulaires, _ => RateLimitPartition.GetNoLimiter(string.Empty));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => EstFormulaire(http)
                    ? FenetreDe("ip:" + Adresse(http), Limites(http).FormulairesParMinute)
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => EstFormulaire(http) && Compte(http) is { } compte
                    ? FenetreDe("compte:" + compte, Limites(http).FormulairesParMinute)
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            o.OnRejected = RefuserAsync;
        });
        return services;
    }

    /// <summary>Reads the form of a limited POST before the limiter runs, so that it can find the account (it cannot await).</summary>
    public static IApplicationBuilder UseLimitesDebit(this IApplicationBuilder app)
    {
        app.Use(async (http, suivant) =>
        {
            if (EstFormulaire(http) && http.Request.HasFormContentType) await http.Request.ReadFormAsync(http.RequestAborted);
            await suivant(http);
        });
        return app.UseRateLimiter();
    }

    private static async ValueTask RefuserAsync(OnRejectedContext contexte, CancellationToken annulation)
    {
        var http = contexte.HttpContext;
        var secondes = contexte.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delai) ? Math.Max(1, (int)Math.Ceiling(delai.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = secondes.ToString(CultureInfo.InvariantCulture);
        if (MiddlewareApi.EstApi(http.Request))
        {
            await MiddlewareApi.EcrireAsync(http, ProblemesApi.Creer(StatusCodes.Status429TooManyRequests,
                $"Limite de requêtes atteinte : réessayez dans {secondes} secondes (en-tête Retry-After)."));
        }
        // A form gets the site's French error page (status code pages, code 429), the Retry-After header kept.
    }

    private static OptionsLimites Limites(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<OptionsLimites>>().Value;

    private static RateLimitPartition<string> FenetreDe(string cle, int limite) =>
        RateLimitPartition.GetFixedWindowLimiter(cle, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limite),
            Window = Fenetre,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool EstFormulaire(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return false;
        if (CheminsFormulaires.Any(c => http.Request.Path.StartsWithSegments(c, StringComparison.OrdinalIgnoreCase))) return true;
        return http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Formulaires;
    }

    private static string? JetonDe(ClaimsPrincipal utilisateur) =>
        utilisateur.Identity?.IsAuthenticated == true ? utilisateur.FindFirstValue(RevendicationsClause.JetonId) : null;

    private static string Adresse(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "inconnue";

    /// <summary>The account a form is about: the e-mail typed (sign-in), the invited user (invitation), else the signed-in user.</summary>
    private static string? Compte(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var formulaire = http.Request.Form;
            if (formulaire["Saisie.Email"].ToString() is { Length: > 0 } email) return "email:" + email.Trim().ToUpperInvariant();
            if (formulaire["Saisie.Utilisateur"].ToString() is { Length: > 0 } invite) return "utilisateur:" + invite.Trim();
        }
        return http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "utilisateur:" + id : null;
    }
}
