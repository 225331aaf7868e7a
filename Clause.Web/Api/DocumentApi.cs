using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clause.Web.Api;

/// <summary>
/// The OpenAPI 3.1 document of /api/v1 (Microsoft.AspNetCore.OpenApi), served at <c>/api/v1/openapi.json</c>: French
/// title and descriptions, the bearer security scheme of personal access tokens, the problem-details answers of every
/// operation, the paging parameters and the <c>Idempotency-Key</c> header of every POST.
/// </summary>
public static class DocumentApi
{
    public const string Nom = "v1";

    public const string SchemaSecurite = "jeton";

    public const string Adresse = "/api/{documentName}/openapi.json";

    private static readonly Dictionary<string, string> DescriptionsReponses = new(StringComparer.Ordinal)
    {
        ["200"] = "Succès.",
        ["201"] = "Créé.",
        ["400"] = "Requête invalide : le champ fautif est nommé dans `errors`.",
        ["401"] = "Jeton absent, expiré, révoqué ou invalide (en-tête `WWW-Authenticate`).",
        ["403"] = "Votre rôle ne permet pas d'utiliser ce point d'accès.",
        ["404"] = "Introuvable, ou hors de votre périmètre.",
        ["409"] = "Une requête avec la même clé d'idempotence est encore en cours.",
        ["413"] = "Corps de requête de plus de 1 Mo.",
        ["415"] = "Le corps doit être du JSON.",
        ["422"] = "Clé d'idempotence déjà utilisée pour une autre requête.",
        ["429"] = "Limite de requêtes atteinte : réessayez après `Retry-After` secondes.",
        ["500"] = "Erreur inattendue.",
    };

    public static void Configurer(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = d => d.RelativePath?.StartsWith(ComposeApi.Prefixe.TrimStart('/'), StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "API Clause",
                Version = Nom,
                Description = "L'API de Clause (clause sociale d'insertion). Authentification par jeton d'accès personnel : "
                    + "`Authorization: Bearer clause_pat_…` (créé sur la page « Mon compte »). JSON en camelCase, dates `aaaa-mm-jj`, mois "
                    + "`aaaa-mm`, heures et montants en nombres à deux décimales, erreurs au format « problem details » (RFC 9457) en "
                    + "français. Listes paginées (`page`, `taille` ≤ 500). Écritures idempotentes avec l'en-tête `Idempotency-Key`. "
                    + "Voir docs/api.md.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemaSecurite] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "clause_pat_…",
                Description = "Jeton d'accès personnel, créé et révoqué sur la page « Mon compte » ; il porte les droits de son utilisateur.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemaSecurite, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, contexte, _) =>
        {
            if (operation.Responses is { } reponses)
                foreach (var (code, reponse) in reponses)
                    if (reponse is OpenApiResponse r && DescriptionsReponses.TryGetValue(code, out var texte)) r.Description = texte;
            foreach (var parametre in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                switch (parametre.Name)
                {
                    case "page":
                        parametre.Description = "Numéro de page, à partir de 1 (1 par défaut).";
                        parametre.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" };
                        break;
                    case "taille":
                        parametre.Description = $"Éléments par page, de 1 à {Pagination.TailleMax} ({Pagination.TailleParDefaut} par défaut).";
                        parametre.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Pagination.TailleMax.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                        break;
                    case "statut":
                        parametre.Description = "Ne garder que les lots de ce statut.";
                        break;
                    case "id":
                        parametre.Description = "Identifiant (GUID).";
                        break;
                    case "mois":
                        parametre.Description = "Le mois, aaaa-mm (par exemple 2026-03) : obligatoire, pas un mois à venir.";
                        parametre.Required = true;
                        break;
                    case "perimetre":
                        parametre.Description = "Le périmètre du bilan : lot, marche, operation, donneurOrdre ou structure (obligatoire).";
                        parametre.Required = true;
                        parametre.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Enum.GetValues<Clause.Domain.Bilans.Perimetre>().Select(p => (System.Text.Json.Nodes.JsonNode)Clause.Domain.Bilans.PerimetreBilan.CodeDe(p))] };
                        break;
                    case "ref":
                        parametre.Description = "La référence du classeur d'import, à la place de `id` : pas encore disponible (400) ; avec `id` : 400.";
                        break;
                    case "du":
                        parametre.Description = "Premier mois du bilan, aaaa-mm (obligatoire).";
                        parametre.Required = true;
                        break;
                    case "au":
                        parametre.Description = "Dernier mois du bilan, aaaa-mm, inclus (obligatoire ; au plus 120 mois après `du`).";
                        parametre.Required = true;
                        break;
                    case "entreprise":
                        parametre.Description = "Identifiant (GUID) de l'entreprise : obligatoire avec un jeton du personnel (une entreprise de la structure), "
                            + "facultatif avec un jeton d'entreprise (la sienne ; une autre répond 404).";
                        break;
                }
            }
            if (string.Equals(contexte.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = FiltreIdempotence.EnTete,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Clé choisie par le client (1 à 255 caractères, un UUID par exemple) : une nouvelle tentative avec la même clé "
                        + "et le même corps rend la réponse enregistrée (en-tête `Idempotent-Replayed: true`) sans rien écrire, pendant 24 heures.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = FiltreIdempotence.LongueurMax },
                });
            }
            return Task.CompletedTask;
        });
    }
}
