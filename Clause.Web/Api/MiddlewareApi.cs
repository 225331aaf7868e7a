using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Api;

/// <summary>
/// Makes every answer under /api/v1 a problem details document, whoever produced it: a body over 1 Mo is refused (413) before anything reads it, an unreadable body
/// (not JSON, unknown field, wrong type, wrong Content-Type) becomes a 400/415 naming the field, an unexpected exception
/// a 500, and any bare error status (401, 403, 404, 405…) gets its French problem body — so the site's status code
/// pages (UseStatusCodePagesWithReExecute, outside this middleware) find a body and leave the answer alone. POST bodies are buffered so that
/// the idempotency filter can hash them after the endpoint has bound its argument.
/// </summary>
public sealed partial class MiddlewareApi(RequestDelegate suivant, ILogger<MiddlewareApi> journal)
{
    public static bool EstApi(HttpRequest requete)
    {
        ArgumentNullException.ThrowIfNull(requete);
        return requete.Path.StartsWithSegments(ComposeApi.Prefixe, StringComparison.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!EstApi(http.Request))
        {
            await suivant(http);
            return;
        }
        // The import workbook (POST /api/v1/imports) is the one body allowed above 1 Mo: up to its own bound.
        var limite = PointsImports.EstImport(http.Request) ? PointsImports.TailleRequeteMax : ProblemesApi.TailleMaxCorps;
        if (http.Request.ContentLength > limite)
        {
            await EcrireAsync(http, ProblemesApi.Creer(StatusCodes.Status413PayloadTooLarge));
            return;
        }
        // A chunked body without Content-Length is cut at the same size by the server (Kestrel raises a 413).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } taille) taille.MaxRequestBodySize = limite;
        if (HttpMethods.IsPost(http.Request.Method)) http.Request.EnableBuffering(bufferLimit: limite);

        try
        {
            await suivant(http);
        }
        catch (BadHttpRequestException erreur) when (!http.Response.HasStarted)
        {
            // Minimal APIs throw this (RouteHandlerOptions.ThrowOnBadRequest) for a body or a parameter they cannot read.
            http.Response.Clear();
            await EcrireAsync(http, Traduire(erreur));
            return;
        }
#pragma warning disable CA1031 // The API answers every failure as a problem document; the exception is logged, not lost.
        catch (Exception erreur) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogErreur(journal, erreur, http.Request.Method, http.Request.Path);
            http.Response.Clear();
            await EcrireAsync(http, ProblemesApi.Creer(StatusCodes.Status500InternalServerError));
            return;
        }

        var reponse = http.Response;
        if (!reponse.HasStarted && reponse.StatusCode >= 400 && reponse.ContentLength is null && string.IsNullOrEmpty(reponse.ContentType))
            await EcrireAsync(http, ProblemesApi.Creer(reponse.StatusCode));
    }

    public static Task EcrireAsync(HttpContext http, ProblemDetails probleme)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(probleme);
        http.Response.StatusCode = probleme.Status ?? StatusCodes.Status500InternalServerError;
        return TypedResults.Problem(probleme).ExecuteAsync(http);
    }

    /// <summary>An unreadable request as the problem that names its field.</summary>
    public static ProblemDetails Traduire(BadHttpRequestException erreur)
    {
        ArgumentNullException.ThrowIfNull(erreur);
        if (erreur.StatusCode == StatusCodes.Status413PayloadTooLarge) return ProblemesApi.Creer(StatusCodes.Status413PayloadTooLarge);
        if (erreur.StatusCode == StatusCodes.Status415UnsupportedMediaType) return ProblemesApi.Creer(StatusCodes.Status415UnsupportedMediaType);
        if (erreur.InnerException is JsonException json)
        {
            var (champ, message) = ChampJson(json);
            return ProblemesApi.Champs(new Dictionary<string, string[]> { [champ] = [message] });
        }
        var parametre = Parametre().Match(erreur.Message);
        var nom = parametre.Success ? parametre.Groups["nom"].Value : "corps";
        var texte = erreur.Message.Contains("was not provided", StringComparison.Ordinal)
            ? (nom == "corps" || erreur.Message.Contains("from body", StringComparison.Ordinal)
                ? "Le corps de la requête est obligatoire (un document JSON)."
                : $"Le champ « {nom} » est obligatoire.")
            : $"La valeur du champ « {nom} » n'est pas valide.";
        if (erreur.Message.Contains("from body", StringComparison.Ordinal)) nom = "corps";
        return ProblemesApi.Champs(new Dictionary<string, string[]> { [nom] = [texte] });
    }

    /// <summary>The field a JSON error is about ("$.lignes[0].heures" → "lignes[0].heures"; the whole body → "corps").</summary>
    public static (string Champ, string Message) ChampJson(JsonException erreur)
    {
        ArgumentNullException.ThrowIfNull(erreur);
        var chemin = erreur.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : erreur.Path is { Length: > 1 } q ? q[1..] : null;
        var inconnu = ProprieteInconnue().Match(erreur.Message);
        if (inconnu.Success)
        {
            var nom = inconnu.Groups["nom"].Value;
            var champ = chemin is null ? nom : chemin.EndsWith(nom, StringComparison.Ordinal) ? chemin : chemin + "." + nom;
            return (champ, $"Le champ « {nom} » n'existe pas : retirez-le.");
        }
        if (chemin is null) return ("corps", "Le corps de la requête n'est pas un document JSON valide.");
        return erreur.Message.Contains("could not be converted", StringComparison.Ordinal) || erreur.Message.Contains("invalid", StringComparison.OrdinalIgnoreCase)
            || !erreur.Message.Any(c => c > 127)
            ? (chemin, $"La valeur du champ « {chemin} » n'est pas valide.")
            : (chemin, $"La valeur du champ « {chemin} » n'est pas valide : {Premiere(erreur.Message)}");
    }

    private static string Premiere(string message)
    {
        var fin = message.IndexOf(" Path:", StringComparison.Ordinal);
        return fin < 0 ? message : message[..fin];
    }

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<nom>[^\" ]+)\"")]
    private static partial Regex Parametre();

    [GeneratedRegex("The JSON property '(?<nom>[^']+)' could not be mapped")]
    private static partial Regex ProprieteInconnue();

    [LoggerMessage(Level = LogLevel.Error, Message = "Erreur inattendue sur {Methode} {Chemin}")]
    private static partial void LogErreur(ILogger journal, Exception erreur, string methode, PathString chemin);
}
