using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clause.Web.Api;

/// <summary>
/// <c>GET /api/v1/bilans?perimetre=…&amp;id=…&amp;du=aaaa-mm&amp;au=aaaa-mm</c> (issue 10 item 8, a public contract): the
/// bilan of a lot, marché, opération, donneur d'ordre or the structure, computed by <see cref="RequetesBilans"/> like every
/// other output. A staff token (Direction, Facilitateur) reads any scope of its structure; a buyer's token its own scope
/// only (its lots, marchés, opérations, itself — anything else, the structure included, is a 404) with the small cells
/// hidden (<see cref="Masquage.PourDonneurOrdre"/>). <c>ref</c> (the workbook key of the import) is refused until the
/// import exists; with <c>id</c> it is a 400 naming both.
/// </summary>
public sealed class PointsBilans : IModuleApi
{
    public void Mapper(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGroup("/bilans").WithTags("Bilans").RequireAuthorization(Politiques.LectureBilans)
            .MapGet("/", LireAsync)
            .WithName("LireBilan")
            .WithSummary("Lire le bilan d'un périmètre sur une période")
            .WithDescription("Le bilan (DOMAIN.md §9) d'un lot, d'un marché, d'une opération, d'un donneur d'ordre ou de la structure, pour les mois "
                + "`du` à `au` inclus (`aaaa-mm`, au plus 120 mois) : heures dues, réalisées dans la période, cumulées depuis le début de l'exécution, "
                + "en attente (heures, deux décimales) ; taux non plafonné et plafonné (ratios calculés sur les minutes, arrondis une fois au plus "
                + "proche à quatre décimales : 11 000 h / 9 500 h → 1.1579) ; heures par modalité et par type de contrat ; participants, contrats, "
                + "entreprises ; profils (`sexe`, `trancheAge`, `qpv`, `niveau`, `categorie` : code → nombre) ; série mensuelle ; prévision d'un lot. "
                + "Jeton du personnel : tout périmètre de la structure. Jeton de donneur d'ordre : son périmètre seulement (sinon 404), et une case de "
                + "profil de moins de 5 personnes — ou masquée avec elle pour qu'on ne la retrouve pas par soustraction — vaut la chaîne `\"<5\"`.");
    }

    public static async Task<Results<Ok<BilanApi>, ProblemHttpResult>> LireAsync(ClauseDbContext db, RequetesBilans requetes,
        string? perimetre = null, string? id = null, string? @ref = null, string? du = null, string? au = null, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        if (!ParametresBilanApi.Lire(perimetre, id, @ref, du, au, out var portee, out var periode, out var erreurs))
            return TypedResults.Problem(ProblemesApi.Champs(erreurs));

        var donneurOrdreId = db.Contexte.DonneurOrdreId;
        // A buyer's scope is within itself: the whole structure never is (BilanAsync checks the other scopes).
        var bilan = donneurOrdreId is not null && portee.Perimetre == Perimetre.Structure
            ? null
            : await requetes.BilanAsync(portee, periode, donneurOrdreId, annulation);
        if (bilan is null)
            return ProblemesApi.Statut(StatusCodes.Status404NotFound, "Ce périmètre n'existe pas, ou il n'est pas dans votre périmètre.");
        var seuil = (await ReglagesStructure.LireAsync(db, annulation)).SeuilConfidentialite;
        return TypedResults.Ok(BilanApi.De(donneurOrdreId is null ? bilan : Masquage.PourDonneurOrdre(bilan, seuil), seuil));
    }
}
