using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Api;

/// <summary>The body of <c>POST /api/v1/declarations</c>: the lines of one month of one company.</summary>
public sealed record SaisieDeclarations(IReadOnlyList<LigneDeclarationApi>? Lignes);

/// <summary>One line: the contrat, the month, and hours (2 decimals) or, for sous-/co-traitance, the invoiced amount HT in euros.</summary>
public sealed record LigneDeclarationApi(Guid? ContratId, Mois? Mois, decimal? Heures, decimal? MontantFactureHT);

/// <summary>A batch accepted: the submission written, whose lines now wait for the facilitateur's decision.</summary>
public sealed record DeclarationCreeeApi(Guid SoumissionId, Guid EntrepriseId, Mois Mois, int Lignes);

/// <summary>A line of the month as <c>GET /api/v1/declarations</c> gives it: status and reason of a rejection.</summary>
public sealed record DeclarationApi(Guid DeclarationId, Guid ContratId, string Participant, LotContratApi Lot, Mois Mois, decimal Heures,
    decimal? MontantFactureHT, bool Converti, string Statut, string StatutLibelle, string? MotifRejet);

/// <summary>
/// <c>POST /api/v1/declarations</c> and <c>GET /api/v1/declarations?mois=aaaa-mm</c> (issue 9 item 8): a payroll system
/// declares a month as the portal's « Soumettre » does — through <see cref="ServiceSoumissions.SoumettreAsync"/>, the same
/// rules as the page and the facilitateur's grid, all or nothing, each refused line named <c>lignes[i].champ</c> — and
/// reads back the status of its lines. This endpoint checks only the SHAPE of the batch (fields present, one month, two
/// decimals at most, and for a staff token one employer): every rule of a line is the service's. The idempotency filter
/// of the group makes a retry with the same <c>Idempotency-Key</c> and body answer the same without writing again.
/// </summary>
public sealed class PointsDeclarations : IModuleApi
{
    /// <summary>More lines than a company has contrats in a month: a batch above is refused whole.</summary>
    public const int LignesMax = 1000;

    public void Mapper(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var declarations = api.MapGroup("/declarations").WithTags("Heures");
        declarations.MapPost("/", DeclarerAsync)
            .RequireAuthorization(Politiques.DeclarationHeures)
            .WithName("DeclarerHeures")
            .WithSummary("Déclarer les heures d'un mois")
            .WithDescription("Un envoi `{ \"lignes\": [ { \"contratId\", \"mois\", \"heures\" | \"montantFactureHT\" } ] }` : les heures (nombre à deux "
                + "décimales au plus, 151.67 = 151 h 40) ou, pour la sous-traitance et la co-traitance, le montant facturé HT en euros, d'un seul mois "
                + "et d'une seule entreprise, au plus " + LignesMax + " lignes. Comme « Soumettre » sur le portail : tout ou rien ; chaque ligne refusée est "
                + "nommée dans `errors` par sa position et son champ (`lignes[2].heures`), et rien n'est écrit. Accepté : 201 et la déclaration, dont "
                + "les lignes attendent la validation du facilitateur. Jeton du personnel (facilitateur) : l'entreprise est l'employeur des contrats, "
                + "un envoi mêlant deux employeurs est refusé. La direction lit seulement. Rejouable sans risque avec `Idempotency-Key`.");
        declarations.MapGet("/", ListerAsync)
            .RequireAuthorization(Politiques.LectureDeclarations)
            .WithName("ListerDeclarations")
            .WithSummary("Lire les lignes d'heures d'un mois")
            .WithDescription("Les lignes du mois `mois` (aaaa-mm, obligatoire) des contrats de votre entreprise : heures, montant facturé HT d'une ligne "
                + "convertie, statut (`Declaree`, `Validee`, `Rejetee`) et motif du rejet. Jeton du personnel : paramètre `entreprise` obligatoire. "
                + "Paginé : `page`, `taille`.");
    }

    public static async Task<Results<Created<DeclarationCreeeApi>, ProblemHttpResult>> DeclarerAsync(SaisieDeclarations saisie, ClaimsPrincipal utilisateur,
        ClauseDbContext db, ServiceSoumissions service, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(saisie);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(service);
        var erreurs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lignes = Lire(saisie, erreurs);
        if (erreurs.Count > 0 || lignes is null) return TypedResults.Problem(ProblemesApi.Champs(erreurs));
        var mois = saisie.Lignes![0].Mois!.Value;

        EntrepriseId entreprise;
        string? email = null;
        if (Droits.Peut(utilisateur, Politiques.GestionClause))
        {
            if (await EmployeurAsync(db, lignes, erreurs, annulation) is not { } employeur) return TypedResults.Problem(ProblemesApi.Champs(erreurs));
            entreprise = employeur;
        }
        else
        {
            if (db.Contexte.EntrepriseId is not { } propre)
                return ProblemesApi.Statut(StatusCodes.Status403Forbidden, "Votre compte n'est rattaché à aucune entreprise : il ne peut pas déclarer d'heures.");
            entreprise = propre;
            // The contact who submits is the one told of a rejection (as on the portal).
            email = await db.Users.AsNoTracking().Where(u => u.Id == db.Contexte.UtilisateurId).Select(u => u.Email).FirstOrDefaultAsync(annulation);
        }

        ResultatSoumission resultat;
        try
        {
            resultat = await service.SoumettreAsync(entreprise, mois, lignes, Auteurs.Courant(db, utilisateur), email, annulation);
        }
        catch (RegleMetierException erreur)
        {
            return ProblemesApi.Regle(erreur);
        }
        catch (KeyNotFoundException)
        {
            return PorteeDeclarations.Introuvable();
        }
        if (resultat.Id is not { } id)
        {
            foreach (var refus in resultat.Refus)
            {
                var cle = $"lignes[{refus.Index}].{Champ(refus.Champ)}";
                erreurs[cle] = erreurs.TryGetValue(cle, out var deja) ? [.. deja, refus.Message] : [refus.Message];
            }
            // A line may carry several refusals (its month and its value, issue 15 item 5): the lines are counted, not the messages.
            var lignesRefusees = resultat.Refus.Select(r => r.Index).Distinct().Count();
            return TypedResults.Problem(ProblemesApi.Champs(erreurs, detail: resultat.Refus.Count == 1
                ? $"Ligne {resultat.Refus[0].Index} : {resultat.Refus[0].Message} Rien n'est enregistré."
                : lignesRefusees == 1
                    ? $"La ligne {resultat.Refus[0].Index} est refusée (voir « errors ») : rien n'est enregistré."
                    : $"{lignesRefusees} lignes sont refusées (voir « errors ») : rien n'est enregistré."));
        }
        return TypedResults.Created($"{ComposeApi.Prefixe}/declarations?mois={mois}", new DeclarationCreeeApi(id.Valeur, entreprise.Valeur, mois, lignes.Count));
    }

    public static async Task<Results<Ok<PageApi<DeclarationApi>>, ProblemHttpResult>> ListerAsync(ClaimsPrincipal utilisateur, ClauseDbContext db,
        RequetesPortail requetes, TimeProvider horloge, string? mois = null, string? entreprise = null, string? page = null, string? taille = null,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(requetes);
        Pagination.Lire(page, taille, out var pagination, out var erreurs);
        var portee = await PorteeDeclarations.LireAsync(utilisateur, db, horloge, mois, entreprise, erreurs, annulation);
        if (erreurs.Count > 0) return TypedResults.Problem(ProblemesApi.Champs(erreurs));
        var (entrepriseId, moisLu) = portee!.Value;
        if (entrepriseId.Valeur == Guid.Empty) return PorteeDeclarations.Introuvable();
        var declarees = (await requetes.ContratsDuMoisAsync(entrepriseId, moisLu, annulation)).Where(c => c.Ligne is not null).ToList();
        var elements = declarees.Skip(pagination.Sauter).Take(pagination.Taille)
            .Select(c =>
            {
                var ligne = LigneMoisApi.De(c.Ligne!);
                return new DeclarationApi(ligne.DeclarationId, c.ContratId.Valeur, c.Participant, new LotContratApi(c.LotId.Valeur, c.LotNumero, c.LotLibelle, c.Marche),
                    moisLu, ligne.Heures, ligne.MontantFactureHT, ligne.Converti, ligne.Statut, ligne.StatutLibelle, ligne.MotifRejet);
            })
            .ToList();
        return TypedResults.Ok(new PageApi<DeclarationApi>(elements, pagination.Page, pagination.Taille, declarees.Count));
    }

    /// <summary>The batch's shape, each fault named <c>lignes[i].champ</c>; null when any (then nothing is called).</summary>
    private static List<LigneSoumise>? Lire(SaisieDeclarations saisie, Dictionary<string, string[]> erreurs)
    {
        if (saisie.Lignes is not { Count: > 0 } lignes)
        {
            erreurs["lignes"] = ["Le champ « lignes » doit contenir au moins une ligne."];
            return null;
        }
        if (lignes.Count > LignesMax)
        {
            erreurs["lignes"] = [$"Un envoi contient au plus {LignesMax} lignes."];
            return null;
        }
        var mois = lignes[0].Mois;
        var lues = new List<LigneSoumise>();
        for (var i = 0; i < lignes.Count; i++)
        {
            var ligne = lignes[i];
            if (ligne is null)
            {
                erreurs[$"lignes[{i}]"] = ["Une ligne ne peut pas être vide (null)."];
                continue;
            }
            if (ligne.ContratId is not { } contrat || contrat == Guid.Empty)
                erreurs[$"lignes[{i}].contratId"] = ["Le champ « contratId » est obligatoire : l'identifiant du contrat (GET /api/v1/contrats)."];
            if (ligne.Mois is null)
                erreurs[$"lignes[{i}].mois"] = ["Le champ « mois » est obligatoire (aaaa-mm, par exemple 2026-03)."];
            else if (mois is { } premier && ligne.Mois != premier)
                erreurs[$"lignes[{i}].mois"] = [$"Toutes les lignes d'un envoi portent le même mois (la ligne 0 : {premier}) : envoyez un lot par mois."];
            if (ligne.Heures is null && ligne.MontantFactureHT is null)
                erreurs[$"lignes[{i}].heures"] = ["Donnez « heures » ou, pour la sous-traitance et la co-traitance, « montantFactureHT »."];
            var heures = ligne.Heures is { } h ? Heures(h, $"lignes[{i}].heures", erreurs) : null;
            var montant = ligne.MontantFactureHT is { } m ? Euros(m, $"lignes[{i}].montantFactureHT", erreurs) : null;
            if (ligne.ContratId is { } id) lues.Add(new LigneSoumise(ContratId.De(id), heures, montant));
        }
        return erreurs.Count > 0 ? null : lues;
    }

    /// <summary>Hours with two decimals at most, to minutes half away from zero (151.67 → 9 100 min); the domain judges the value.</summary>
    private static Duree? Heures(decimal heures, string champ, Dictionary<string, string[]> erreurs)
    {
        if (decimal.Round(heures, 2) != heures || Math.Abs(heures) > 1_000_000m)
        {
            erreurs[champ] = [$"Le champ « heures » doit être un nombre d'heures à deux décimales au plus (151.67 = 151 h 40)."];
            return null;
        }
        return new Duree((long)decimal.Round(heures * 60m, MidpointRounding.AwayFromZero));
    }

    /// <summary>Euros with two decimals at most, to cents (exact); the domain judges the value.</summary>
    private static Montant? Euros(decimal euros, string champ, Dictionary<string, string[]> erreurs)
    {
        if (decimal.Round(euros, 2) != euros || Math.Abs(euros) > 1_000_000_000m)
        {
            erreurs[champ] = ["Le champ « montantFactureHT » doit être un montant en euros à deux décimales au plus (12000.50)."];
            return null;
        }
        return new Montant((long)(euros * 100m));
    }

    /// <summary>
    /// A staff batch: the company is the employer of its contrats (docs/api.md). The first line whose contrat the
    /// structure knows decides; a line of another employer is refused naming it (one submission is one company's).
    /// A contrat the structure does not know is left to the service, which refuses it like a company's foreign id.
    /// </summary>
    private static async Task<EntrepriseId?> EmployeurAsync(ClauseDbContext db, List<LigneSoumise> lignes, Dictionary<string, string[]> erreurs,
        CancellationToken annulation)
    {
        var ids = lignes.Select(l => l.ContratId).Distinct().ToList();
        var employeurs = await db.Contrats.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.EmployeurId }).ToDictionaryAsync(c => c.Id, c => c.EmployeurId, annulation);
        var premiere = lignes.FindIndex(l => employeurs.ContainsKey(l.ContratId));
        if (premiere < 0)
        {
            for (var i = 0; i < lignes.Count; i++)
                erreurs[$"lignes[{i}].contratId"] = ["Ce contrat n'existe pas, ou il n'est pas dans votre périmètre."];
            return null;
        }
        var employeur = employeurs[lignes[premiere].ContratId];
        for (var i = 0; i < lignes.Count; i++)
            if (employeurs.TryGetValue(lignes[i].ContratId, out var autre) && autre != employeur)
                erreurs[$"lignes[{i}].contratId"] = [$"Ce contrat a un autre employeur que celui de la ligne {premiere} : un envoi déclare les contrats d'une seule entreprise."];
        return erreurs.Count > 0 ? null : employeur;
    }

    /// <summary>The domain's field as the body names it: « MontantFacture » is <c>montantFactureHT</c>, the others in camelCase.</summary>
    public static string Champ(string champDomaine) => champDomaine switch
    {
        "" => "contratId",
        "MontantFacture" or "PartMainOeuvre" or "CoutHoraire" => "montantFactureHT",
        // A locked (validated) line: the value sent for it is what is refused.
        "Statut" => "heures",
        _ => char.ToLowerInvariant(champDomaine[0]) + champDomaine[1..],
    };
}
