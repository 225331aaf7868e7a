using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Api;

/// <summary>A contrat of the month as the API gives it: ids to declare on, the participant by name only (never a category nor a birth date).</summary>
public sealed record ContratApi(Guid Id, LotContratApi Lot, string Participant, EmployeurApi Employeur, string Modalite, string ModaliteLibelle,
    string TypeContrat, string TypeContratLibelle, bool AccepteMontantFactureHT, LigneMoisApi? Ligne);

public sealed record LotContratApi(Guid Id, int Numero, string Libelle, string Marche);

public sealed record EmployeurApi(Guid Id, string RaisonSociale);

/// <summary>The current line of the month of a contrat: hours (2 decimals), the invoiced amount it was converted from, status and reason of a rejection.</summary>
public sealed record LigneMoisApi(Guid DeclarationId, decimal Heures, decimal? MontantFactureHT, bool Converti, string Statut, string StatutLibelle,
    string? MotifRejet)
{
    public static LigneMoisApi De(LigneDuMois ligne)
    {
        ArgumentNullException.ThrowIfNull(ligne);
        return new(ligne.DeclarationId.Valeur, JsonApi.Heures(ligne.Minutes),
            ligne.MontantFactureCentimes is { } c ? JsonApi.Euros(new Montant(c)) : null, ligne.Converti, ligne.Statut.ToString(),
            ligne.Statut.Libelle(), ligne.MotifRejet);
    }
}

/// <summary>
/// Whose contrats a request of the declarations API reads (docs/api.md « Déclarer des heures »): a company token its own
/// company (a parameter <c>entreprise</c> naming another is a 404); a staff token (Direction, Facilitateur) the company
/// named by <c>entreprise</c>, required, among the structure's (another structure's is a 404 by the tenant filter);
/// and the month <c>mois</c> (aaaa-mm, required, not to come). Both GET endpoints read it the same way.
/// </summary>
public static class PorteeDeclarations
{
    public static async Task<(EntrepriseId Entreprise, Mois Mois)?> LireAsync(ClaimsPrincipal utilisateur, ClauseDbContext db, TimeProvider horloge,
        string? mois, string? entreprise, Dictionary<string, string[]> erreurs, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(erreurs);
        var moisLu = LireMois(mois, horloge, erreurs);
        Guid? demandee = null;
        if (entreprise is not null)
        {
            if (Guid.TryParse(entreprise, out var g)) demandee = g;
            else erreurs["entreprise"] = ["Le champ « entreprise » doit être l'identifiant (GUID) d'une entreprise."];
        }
        var personnel = Droits.Peut(utilisateur, Politiques.LectureClause);
        if (personnel && entreprise is null)
            erreurs["entreprise"] = ["Le champ « entreprise » est obligatoire avec un jeton du personnel : l'identifiant de l'entreprise dont vous lisez les contrats."];
        if (erreurs.Count > 0 || moisLu is not { } m) return null;

        if (!personnel)
        {
            if (db.Contexte.EntrepriseId is not { } propre || (demandee is { } d && d != propre.Valeur)) return (EntrepriseId.De(Guid.Empty), m);
            return (propre, m);
        }
        var id = EntrepriseId.De(demandee!.Value);
        // Tenant filter: a company of another structure is not found, like one that does not exist.
        return await db.Entreprises.AsNoTracking().AnyAsync(e => e.Id == id, annulation) ? (id, m) : (EntrepriseId.De(Guid.Empty), m);
    }

    /// <summary>The required month of a query: aaaa-mm and not a month to come (the calendar of the structure's clock).</summary>
    public static Mois? LireMois(string? mois, TimeProvider horloge, Dictionary<string, string[]> erreurs)
    {
        ArgumentNullException.ThrowIfNull(erreurs);
        if (mois is null)
        {
            erreurs["mois"] = ["Le champ « mois » est obligatoire (aaaa-mm, par exemple 2026-03)."];
            return null;
        }
        if (!JsonApi.TryLireMois(mois, out var lu))
        {
            erreurs["mois"] = ["Le champ « mois » doit s'écrire aaaa-mm, par exemple 2026-03."];
            return null;
        }
        if (lu > Mois.De(Affichage.Aujourdhui(horloge)))
        {
            erreurs["mois"] = [$"Le mois demandé ({DeclarationHeures.Texte(lu)}) n'est pas encore commencé : choisissez le mois en cours ou un mois passé."];
            return null;
        }
        return lu;
    }

    public static ProblemHttpResult Introuvable() =>
        ProblemesApi.Statut(StatusCodes.Status404NotFound, "Cette entreprise n'existe pas, ou elle n'est pas dans votre périmètre.");
}

/// <summary>
/// <c>GET /api/v1/contrats?mois=aaaa-mm</c>: the company's validated contrats as employer active that month (the rows of
/// its portal grid and Excel template, read by <see cref="RequetesPortail.ContratsDuMoisAsync"/>), with the ids a payroll
/// system declares on and the current line of the month. Paged like every list (one company's month: one query).
/// </summary>
public sealed class PointsContrats : IModuleApi
{
    public void Mapper(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/contrats", ListerAsync)
            .WithTags("Heures")
            .RequireAuthorization(Politiques.LectureDeclarations)
            .WithName("ListerContratsDuMois")
            .WithSummary("Lister les contrats d'un mois")
            .WithDescription("Les contrats validés de votre entreprise (comme employeur) actifs pendant le mois `mois` (aaaa-mm, obligatoire, pas un "
                + "mois à venir) : identifiant du contrat à déclarer, lot, participant (prénom et nom seulement), employeur, modalité, "
                + "`accepteMontantFactureHT` (sous-traitance et co-traitance : déclarables par montant facturé HT), et la ligne du mois déjà "
                + "déclarée (heures, statut, motif d'un rejet). Jeton du personnel (direction, facilitateur) : paramètre `entreprise` obligatoire, "
                + "une entreprise de la structure. Paginé : `page`, `taille`.");
    }

    public static async Task<Results<Ok<PageApi<ContratApi>>, ProblemHttpResult>> ListerAsync(ClaimsPrincipal utilisateur, ClauseDbContext db,
        RequetesPortail requetes, TimeProvider horloge, string? mois = null, string? entreprise = null, string? page = null, string? taille = null,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(requetes);
        Pagination.Lire(page, taille, out var pagination, out var erreurs);
        var portee = await PorteeDeclarations.LireAsync(utilisateur, db, horloge, mois, entreprise, erreurs, annulation);
        if (erreurs.Count > 0) return TypedResults.Problem(ProblemesApi.Champs(erreurs));
        var (entrepriseId, moisLu) = portee!.Value;
        if (entrepriseId.Valeur == Guid.Empty) return PorteeDeclarations.Introuvable();
        var contrats = await requetes.ContratsDuMoisAsync(entrepriseId, moisLu, annulation);
        var elements = contrats.Skip(pagination.Sauter).Take(pagination.Taille).Select(c => De(c, entrepriseId)).ToList();
        return TypedResults.Ok(new PageApi<ContratApi>(elements, pagination.Page, pagination.Taille, contrats.Count));
    }

    /// <summary>The employer is the company asked for: the query reads its contrats as employer only.</summary>
    private static ContratApi De(ContratDuMois c, EntrepriseId employeur) =>
        new(c.ContratId.Valeur, new LotContratApi(c.LotId.Valeur, c.LotNumero, c.LotLibelle, c.Marche), c.Participant,
            new EmployeurApi(employeur.Valeur, c.Employeur), c.Modalite.ToString(), c.Modalite.Libelle(), c.TypeContrat.ToString(),
            c.TypeContrat.Libelle(), c.AccepteMontant, c.Ligne is null ? null : LigneMoisApi.De(c.Ligne));
}
