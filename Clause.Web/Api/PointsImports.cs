using System.Security.Claims;
using Clause.Infrastructure.Import;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clause.Web.Api;

/// <summary>One error of the import report, as the API gives it.</summary>
public sealed record ErreurImportApi(string Feuille, int Ligne, string Colonne, string Message);

/// <summary>The counts of one sheet.</summary>
public sealed record CompteursImportApi(int Crees, int Modifies, int Inchanges);

/// <summary>The report of <c>POST /api/v1/imports</c> (../shared/IMPORT.md): exactly <c>{ valide, erreurs, compteurs }</c>.</summary>
public sealed record RapportImportApi(bool Valide, IReadOnlyList<ErreurImportApi> Erreurs, IReadOnlyDictionary<string, CompteursImportApi> Compteurs);

/// <summary>
/// <c>POST /api/v1/imports?dryRun=true|false</c> (issue 11): the import workbook in multipart (field <c>fichier</c>), through
/// <see cref="ServiceImport.ImporterFichierAsync"/> — the same service, rules and report as the page /Import. A workbook with
/// errors is a 200 with <c>valide: false</c> (the report is the answer); a file that is not a readable workbook is a 400
/// problem details naming <c>fichier</c>. Direction and Facilitateur tokens only (<see cref="Politiques.Import"/>).
/// </summary>
public sealed class PointsImports : IModuleApi
{
    public const string Chemin = "/imports";

    /// <summary>The request bound of this endpoint only: the file's bound plus the multipart envelope.</summary>
    public const long TailleRequeteMax = ServiceImport.TailleFichierMax + 1024 * 1024;

    /// <summary>True for a request to this endpoint (the API's 1 Mo body bound does not apply to it).</summary>
    public static bool EstImport(HttpRequest requete)
    {
        ArgumentNullException.ThrowIfNull(requete);
        return requete.Path.StartsWithSegments(ComposeApi.Prefixe + Chemin, StringComparison.OrdinalIgnoreCase);
    }

    public void Mapper(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost(Chemin, ImporterAsync)
            .RequireAuthorization(Politiques.Import)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithTags("Import")
            .WithName("ImporterClasseur")
            .WithSummary("Importer un classeur de reprise de données")
            .WithDescription("Le classeur d'import (format version 1, voir le modèle téléchargeable sur la page « Reprise de données ») en "
                + "`multipart/form-data`, champ `fichier`, " + ServiceImport.TailleFichierMax / 1024 / 1024 + " Mo au plus. `dryRun=true` vérifie sans "
                + "rien écrire ; `dryRun=false` importe : tout ou rien, en une transaction. Réponse 200 `{ \"valide\", \"erreurs\": [ { \"feuille\", "
                + "\"ligne\", \"colonne\", \"message\" } ], \"compteurs\": { \"<Feuille>\": { \"crees\", \"modifies\", \"inchanges\" } } }` — un classeur "
                + "en erreur répond `valide: false` et rien n'est écrit. Un fichier qui n'est pas un classeur lisible : 400. Jetons de la direction et "
                + "des facilitateurs (seul un facilitateur valide les contrats et les heures importés).");
    }

    public static async Task<Results<Ok<RapportImportApi>, ProblemHttpResult>> ImporterAsync(HttpRequest requete, bool? dryRun, ClaimsPrincipal utilisateur,
        ClauseDbContext db, ServiceImport service, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(requete);
        ArgumentNullException.ThrowIfNull(service);
        if (dryRun is not { } aBlanc)
            return ProblemesApi.Champ("dryRun", "Le paramètre « dryRun » est obligatoire : true pour vérifier sans importer, false pour importer.");
        if (!requete.HasFormContentType)
            return ProblemesApi.Champ("fichier", "Envoyez le classeur en multipart/form-data, dans le champ « fichier ».");
        var formulaire = await requete.ReadFormAsync(annulation);
        if (formulaire.Files.GetFile("fichier") is not { Length: > 0 } fichier)
            return ProblemesApi.Champ("fichier", "Le champ « fichier » est obligatoire : le classeur d'import (.xlsx).");
        if (fichier.Length > ServiceImport.TailleFichierMax)
            return ProblemesApi.Champ("fichier", $"Le fichier dépasse {ServiceImport.TailleFichierMax / 1024 / 1024} Mo : découpez-le en plusieurs classeurs.");
        RapportImport rapport;
        try
        {
            await using var flux = fichier.OpenReadStream();
            rapport = await service.ImporterFichierAsync(flux, fichier.FileName, Auteurs.Courant(db, utilisateur), aBlanc, annulation);
        }
        catch (ClasseurIllisibleException erreur)
        {
            return ProblemesApi.Champ("fichier", erreur.Message);
        }
        return TypedResults.Ok(new RapportImportApi(rapport.Valide,
            [.. rapport.Erreurs.Select(e => new ErreurImportApi(e.Feuille, e.Ligne, e.Colonne, e.Message))],
            rapport.Compteurs.ToDictionary(c => c.Key, c => new CompteursImportApi(c.Value.Crees, c.Value.Modifies, c.Value.Inchanges))));
    }
}
