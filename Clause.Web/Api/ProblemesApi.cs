using Clause.Domain.Commun;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Api;

/// <summary>
/// Every error of /api/v1 as an RFC 9457 problem details document with a French <c>title</c> and <c>detail</c>, and for
/// input errors an <c>errors</c> object keyed by the field's name as the client writes it (camelCase body or query
/// field, header name). The texts are written once here.
/// </summary>
public static class ProblemesApi
{
    public const string TypeContenu = "application/problem+json";

    /// <summary>The English titles ASP.NET Core puts on the problems it makes itself, replaced by ours.</summary>
    private static readonly HashSet<string> TitresAnglais = new(StringComparer.Ordinal)
    {
        "One or more validation errors occurred.", "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed",
        "Not Acceptable", "Conflict", "Unsupported Media Type", "Unprocessable Entity", "Too Many Requests", "Payload Too Large",
        "Content Too Large", "An error occurred while processing your request.", "Internal Server Error",
    };

    public static string Titre(int statut) => statut switch
    {
        StatusCodes.Status400BadRequest => "Requête invalide",
        StatusCodes.Status401Unauthorized => "Authentification requise",
        StatusCodes.Status403Forbidden => "Accès refusé",
        StatusCodes.Status404NotFound => "Ressource introuvable",
        StatusCodes.Status405MethodNotAllowed => "Méthode non autorisée",
        StatusCodes.Status406NotAcceptable => "Format de réponse non disponible",
        StatusCodes.Status409Conflict => "Conflit",
        StatusCodes.Status413PayloadTooLarge => "Corps de requête trop volumineux",
        StatusCodes.Status415UnsupportedMediaType => "Type de contenu non pris en charge",
        StatusCodes.Status422UnprocessableEntity => "Requête impossible à traiter",
        StatusCodes.Status429TooManyRequests => "Trop de requêtes",
        _ when statut >= 500 => "Erreur interne",
        _ => "Erreur",
    };

    public static string Detail(int statut) => statut switch
    {
        StatusCodes.Status400BadRequest => "La requête n'est pas valide.",
        StatusCodes.Status401Unauthorized => "Un jeton d'accès personnel valide est requis (en-tête « Authorization: Bearer clause_pat_… »).",
        StatusCodes.Status403Forbidden => "Votre rôle ne permet pas d'utiliser ce point d'accès.",
        StatusCodes.Status404NotFound => "La ressource demandée n'existe pas, ou vous n'y avez pas accès.",
        StatusCodes.Status405MethodNotAllowed => "Cette méthode HTTP n'est pas acceptée sur cette adresse.",
        StatusCodes.Status406NotAcceptable => "L'API ne répond qu'en JSON.",
        StatusCodes.Status409Conflict => "La requête entre en conflit avec l'état actuel de la ressource.",
        StatusCodes.Status413PayloadTooLarge => $"Le corps de la requête dépasse {TailleMaxCorps / 1024 / 1024} Mo.",
        StatusCodes.Status415UnsupportedMediaType => "Le corps de la requête doit être du JSON (Content-Type: application/json).",
        StatusCodes.Status422UnprocessableEntity => "La requête ne peut pas être traitée.",
        StatusCodes.Status429TooManyRequests => "Trop de requêtes : réessayez après le délai indiqué par l'en-tête Retry-After.",
        _ when statut >= 500 => "Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, contactez votre administrateur.",
        _ => "La requête n'a pas abouti.",
    };

    /// <summary>Largest body accepted by an /api/v1 endpoint (1 Mo).</summary>
    public const long TailleMaxCorps = 1024 * 1024;

    /// <summary>A problem of the given status, with the French title and detail (or <paramref name="detail"/>).</summary>
    public static ProblemDetails Creer(int statut, string? detail = null) => new()
    {
        Status = statut,
        Title = Titre(statut),
        Detail = detail ?? Detail(statut),
        Type = TypeDe(statut),
    };

    /// <summary>An input error (400 unless told): the detail and an <c>errors</c> entry for each field named.</summary>
    public static HttpValidationProblemDetails Champs(IDictionary<string, string[]> erreurs, int statut = StatusCodes.Status400BadRequest,
        string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(erreurs);
        return new HttpValidationProblemDetails(erreurs)
        {
            Status = statut,
            Title = Titre(statut),
            Detail = detail ?? (erreurs.Count == 1 ? erreurs.First().Value.FirstOrDefault() : null) ?? Detail(statut),
            Type = TypeDe(statut),
        };
    }

    /// <summary>One field in error.</summary>
    public static ProblemHttpResult Champ(string champ, string message, int statut = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(Champs(new Dictionary<string, string[]> { [champ] = [message] }, statut));

    /// <summary>
    /// A broken business rule as a 400 naming its field in camelCase (the domain says « RaisonSociale », the JSON body
    /// « raisonSociale »); a rule without field is reported under « corps ». An endpoint catches it around its one domain call.
    /// </summary>
    public static ProblemHttpResult Regle(RegleMetierException erreur)
    {
        ArgumentNullException.ThrowIfNull(erreur);
        var champ = erreur.Champ.Length == 0 ? "corps" : char.ToLowerInvariant(erreur.Champ[0]) + erreur.Champ[1..];
        return Champ(champ, erreur.Message);
    }

    public static ProblemHttpResult Statut(int statut, string? detail = null) => TypedResults.Problem(Creer(statut, detail));

    /// <summary>What AddProblemDetails applies to the problems the framework makes: French title and detail.</summary>
    public static void Completer(ProblemDetailsContext contexte)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        var probleme = contexte.ProblemDetails;
        var statut = probleme.Status ?? contexte.HttpContext.Response.StatusCode;
        if (probleme.Title is null || TitresAnglais.Contains(probleme.Title))
        {
            probleme.Title = Titre(statut);
            probleme.Detail ??= Detail(statut);
        }
    }

    /// <summary>The problem's "type": the section of RFC 9110 (RFC 6585 for 429) that defines the status.</summary>
    public static string TypeDe(int statut) => statut switch
    {
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5." + statut switch
        {
            401 => "2",
            403 => "4",
            404 => "5",
            405 => "6",
            406 => "7",
            409 => "10",
            413 => "14",
            415 => "16",
            422 => "21",
            _ => "1",
        },
    };
}
