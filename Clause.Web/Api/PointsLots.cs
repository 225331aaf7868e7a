using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Api;

/// <summary>A lot as the API gives it, with the figures of its page (« Heures d'insertion » section).</summary>
public sealed record LotApi(Guid Id, int Numero, string Intitule, MarcheLotApi Marche, string Statut, string StatutLibelle,
    DateOnly DebutExecution, DateOnly FinExecution, decimal MontantHT, HeuresLotApi Heures);

public sealed record MarcheLotApi(Guid Id, string Numero, string Objet, DonneurOrdreApi DonneurOrdre);

public sealed record DonneurOrdreApi(Guid Id, string RaisonSociale);

/// <summary>Hours (2 decimals) and rates (percent, 2 decimals; null without hours due) of a lot, from <see cref="RequetesHeures"/>.</summary>
public sealed record HeuresLotApi(decimal Dues, decimal Realisees, decimal EnAttente, decimal Restantes, decimal? TauxRealisation,
    decimal? TauxRealisationPlafonne)
{
    public static HeuresLotApi De(BilanHeures bilan)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return new(JsonApi.Heures(bilan.Dues), JsonApi.Heures(bilan.Realisees), JsonApi.Heures(bilan.EnAttente), JsonApi.Heures(bilan.Restantes),
            JsonApi.Pourcentage(bilan.Taux), JsonApi.Pourcentage(bilan.TauxPlafonne));
    }
}

/// <summary>
/// <c>GET /api/v1/lots</c> and <c>GET /api/v1/lots/{id}</c>: the lots in the caller's scope (DOMAIN.md §11) — staff
/// (Direction, Facilitateur) the structure's, an Entreprise user the lots its company holds in any role (attributaire,
/// co-traitant, sous-traitant), a DonneurOrdre user its own marchés' lots. A lot outside the scope is a 404. The hours
/// come from <see cref="RequetesHeures.BilansAsync(IReadOnlyCollection{LotId}, CancellationToken)"/>, the code the lot's
/// page runs: one count, one page of lots, and the grouped sums of that page — a constant number of queries.
/// </summary>
public sealed class PointsLots : IModuleApi
{
    public void Mapper(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var lots = api.MapGroup("/lots").WithTags("Lots").RequireAuthorization(Politiques.LectureLots);
        lots.MapGet("/", ListerAsync)
            .WithName("ListerLots")
            .WithSummary("Lister les lots")
            .WithDescription("Les lots de votre périmètre : ceux de la structure (direction, facilitateur), ceux que votre entreprise "
                + "tient comme attributaire, co-traitant ou sous-traitant (entreprise), ceux de vos marchés (donneur d'ordre). Chaque lot porte "
                + "ses heures dues, réalisées, en attente et restantes, et ses taux de réalisation non plafonné et plafonné, les mêmes chiffres "
                + "que sa page. Filtre facultatif `statut` : " + string.Join(", ", Enum.GetNames<StatutLot>()) + ". Paginé : `page` (≥ 1) et "
                + $"`taille` (1 à {Pagination.TailleMax}, {Pagination.TailleParDefaut} par défaut).");
        lots.MapGet("/{id:guid}", LireAsync)
            .WithName("LireLot")
            .WithSummary("Lire un lot")
            .WithDescription("Un lot de votre périmètre, avec ses heures et ses taux. Un lot hors de votre périmètre répond 404.");
    }

    public static async Task<Results<Ok<PageApi<LotApi>>, ProblemHttpResult>> ListerAsync(ClauseDbContext db, RequetesHeures requetes,
        string? statut = null, string? page = null, string? taille = null, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        Pagination.Lire(page, taille, out var pagination, out var erreurs);
        StatutLot? filtre = null;
        if (statut is not null)
        {
            if (Enum.TryParse<StatutLot>(statut, ignoreCase: false, out var lu) && Enum.IsDefined(lu) && !int.TryParse(statut, out _)) filtre = lu;
            else erreurs["statut"] = [$"Le champ « statut » doit valoir l'un de : {string.Join(", ", Enum.GetNames<StatutLot>())}."];
        }
        if (erreurs.Count > 0) return TypedResults.Problem(ProblemesApi.Champs(erreurs));

        var requete = PerimetreLots.DuContexte(db);
        if (filtre is { } s) requete = requete.Where(l => l.Statut == s);
        var total = await requete.CountAsync(annulation);
        var elements = await ProjeterAsync(db, requetes,
            requete.OrderBy(l => l.Marche.Numero).ThenBy(l => l.Numero).ThenBy(l => l.Id).Skip(pagination.Sauter).Take(pagination.Taille), annulation);
        return TypedResults.Ok(new PageApi<LotApi>(elements, pagination.Page, pagination.Taille, total));
    }

    public static async Task<Results<Ok<LotApi>, ProblemHttpResult>> LireAsync(Guid id, ClauseDbContext db, RequetesHeures requetes,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lotId = LotId.De(id);
        var lot = (await ProjeterAsync(db, requetes, PerimetreLots.DuContexte(db).Where(l => l.Id == lotId), annulation)).SingleOrDefault();
        return lot is null
            ? ProblemesApi.Statut(StatusCodes.Status404NotFound, "Ce lot n'existe pas, ou il n'est pas dans votre périmètre.")
            : TypedResults.Ok(lot);
    }

    private static async Task<List<LotApi>> ProjeterAsync(ClauseDbContext db, RequetesHeures requetes, IQueryable<Lot> lots, CancellationToken annulation)
    {
        var lignes = await lots
            .Select(l => new
            {
                l.Id,
                l.Numero,
                l.Libelle,
                l.Statut,
                l.DebutExecution,
                l.FinExecution,
                l.MontantHTCentimes,
                MarcheId = l.MarcheId,
                MarcheNumero = l.Marche.Numero,
                MarcheObjet = l.Marche.Objet,
                DonneurId = l.Marche.DonneurOrdreId,
                Donneur = l.Marche.DonneurOrdre.RaisonSociale,
            })
            .ToListAsync(annulation);
        var bilans = await requetes.BilansAsync(lignes.Select(l => l.Id).ToList(), annulation);
        return lignes.Select(l => new LotApi(l.Id.Valeur, l.Numero, l.Libelle,
                new MarcheLotApi(l.MarcheId.Valeur, l.MarcheNumero, l.MarcheObjet, new DonneurOrdreApi(l.DonneurId.Valeur, l.Donneur)),
                l.Statut.ToString(), l.Statut.Libelle(), l.DebutExecution, l.FinExecution, JsonApi.Euros(new Montant(l.MontantHTCentimes)),
                HeuresLotApi.De(bilans.TryGetValue(l.Id, out var bilan) ? bilan : BilanHeures.Vide)))
            .ToList();
    }
}
