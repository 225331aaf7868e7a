using System.Security.Cryptography;
using System.Text;
using Clause.Infrastructure.Api;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Api;

/// <summary>
/// Idempotent writes (docs/api.md « Réessayer sans risque »), applied by <see cref="ComposeApi"/> to every POST of /api/v1.
/// With an <c>Idempotency-Key</c> header (1 to 255 characters), the key, the caller, the route, the SHA-256 of the body and
/// then the response are kept 24 hours in <see cref="RequeteIdempotente"/>. The row is inserted FIRST, in its own
/// context and committed at once: the unique index (UtilisateurId, Cle) decides which of two concurrent requests runs,
/// never a check-then-insert. The loser reads the winner's row: same route and body with a stored response → that
/// response again, with <c>Idempotent-Replayed: true</c>, and the endpoint is not called (nothing written); another body
/// or route → 422; still running → 409. A response of 500 or more, or an exception, deletes the row so the retry runs.
/// Expired rows are ignored and purged on the way. Without the header the POST runs as is.
/// </summary>
public sealed class FiltreIdempotence(IServiceScopeFactory portees, TimeProvider horloge) : IEndpointFilter
{
    public const string EnTete = "Idempotency-Key";

    public const string EnTeteRejoue = "Idempotent-Replayed";

    public const int LongueurMax = 255;

    public static readonly TimeSpan Duree = TimeSpan.FromHours(24);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(EnTete, out var valeurs)) return await next(context);
        var cle = valeurs.Count == 1 ? valeurs[0] : null;
        if (string.IsNullOrEmpty(cle) || cle.Length > LongueurMax)
            return ProblemesApi.Champ(EnTete, $"L'en-tête « {EnTete} » doit contenir de 1 à {LongueurMax} caractères (une seule valeur).");
        var db = http.RequestServices.GetRequiredService<ClauseDbContext>();
        if (db.Contexte.UtilisateurId is not { } utilisateurId) return await next(context);

        var route = $"{http.Request.Method} {http.Request.Path}";
        var empreinte = await EmpreinteAsync(http.Request, http.RequestAborted);
        var maintenant = horloge.GetUtcNow();

        using var portee = portees.CreateScope();
        var registre = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        await registre.RequetesIdempotentes.Where(r => r.ExpireLe <= maintenant).ExecuteDeleteAsync(http.RequestAborted);
        var ligne = new RequeteIdempotente
        {
            UtilisateurId = utilisateurId,
            Cle = cle,
            Route = route.Length > RequeteIdempotente.RouteLongueurMax ? route[..RequeteIdempotente.RouteLongueurMax] : route,
            EmpreinteCorps = empreinte,
            CreeLe = maintenant,
            ExpireLe = maintenant + Duree,
        };
        registre.RequetesIdempotentes.Add(ligne);
        try
        {
            await registre.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // The unique index refused the key: another request holds it. Read what it left.
            registre.ChangeTracker.Clear();
            var existante = await registre.RequetesIdempotentes.AsNoTracking()
                .FirstOrDefaultAsync(r => r.UtilisateurId == utilisateurId && r.Cle == cle, http.RequestAborted);
            return Rejouer(http, existante, ligne.Route, empreinte);
        }

        object? resultat;
        try
        {
            resultat = await next(context);
        }
        catch
        {
            await OublierAsync(registre, ligne);
            throw;
        }

        // Write the response into a buffer to keep a copy, then to the client.
        var corpsOriginal = http.Response.Body;
        await using var tampon = new MemoryStream();
        http.Response.Body = tampon;
        try
        {
            await EnResultat(resultat).ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = corpsOriginal;
        }
        if (http.Response.StatusCode >= 500)
        {
            await OublierAsync(registre, ligne);
        }
        else
        {
            ligne.StatutReponse = http.Response.StatusCode;
            ligne.CorpsReponse = Encoding.UTF8.GetString(tampon.ToArray());
            ligne.TypeContenu = http.Response.ContentType;
            await registre.SaveChangesAsync(CancellationToken.None);
        }
        tampon.Position = 0;
        await tampon.CopyToAsync(corpsOriginal, http.RequestAborted);
        return Results.Empty;
    }

    private static IResult Rejouer(HttpContext http, RequeteIdempotente? existante, string route, string empreinte)
    {
        if (existante is null)
            return ProblemesApi.Statut(StatusCodes.Status409Conflict, "Une requête avec cette clé d'idempotence vient de se terminer sans réponse enregistrée : réessayez.");
        if (existante.Route != route || existante.EmpreinteCorps != empreinte)
            return ProblemesApi.Champ(EnTete, "Cette clé d'idempotence a déjà servi pour une autre requête (autre adresse ou autre corps) : "
                + "utilisez une nouvelle clé pour une nouvelle requête.", StatusCodes.Status422UnprocessableEntity);
        if (existante.StatutReponse is not { } statut)
            return ProblemesApi.Statut(StatusCodes.Status409Conflict, "Une requête avec cette clé d'idempotence est encore en cours : réessayez dans un instant.");
        http.Response.Headers[EnTeteRejoue] = "true";
        return new ReponseRejouee(statut, existante.CorpsReponse, existante.TypeContenu);
    }

    private static async Task OublierAsync(ClauseDbContext registre, RequeteIdempotente ligne)
    {
        registre.RequetesIdempotentes.Remove(ligne);
        await registre.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Hex SHA-256 of the raw body (buffered by <see cref="MiddlewareApi"/>, so readable again after binding).</summary>
    private static async Task<string> EmpreinteAsync(HttpRequest requete, CancellationToken annulation)
    {
        if (!requete.Body.CanSeek) return Convert.ToHexStringLower(SHA256.HashData([]));
        requete.Body.Position = 0;
        var empreinte = await SHA256.HashDataAsync(requete.Body, annulation);
        requete.Body.Position = 0;
        return Convert.ToHexStringLower(empreinte);
    }

    private static IResult EnResultat(object? resultat) => resultat switch
    {
        IResult r => r,
        null => Results.Empty,
        string texte => Results.Text(texte),
        _ => Results.Ok(resultat),
    };

    private sealed class ReponseRejouee(int statut, string? corps, string? typeContenu) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statut;
            if (typeContenu is not null) httpContext.Response.ContentType = typeContenu;
            if (corps is not null) await httpContext.Response.WriteAsync(corps, httpContext.RequestAborted);
        }
    }
}
