using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// The filters of the lots' cockpit (docs/domain.md « Cockpit des lots »), as the address carries them. A record so that
/// another reader of the list (an export) takes the same filters.
/// </summary>
public sealed record FiltresLots
{
    /// <summary>The « se terminant dans N jours » bounds (a number typed outside them is a field error, the filter left out).</summary>
    public const int JoursMin = 1;
    public const int JoursMax = 3_650;

    public StatutLot? Statut { get; init; }

    public DonneurOrdreId? DonneurOrdreId { get; init; }

    public OperationId? OperationId { get; init; }

    /// <summary>The lot's attributaire (role Attributaire, not a co- or sous-traitant).</summary>
    public EntrepriseId? AttributaireId { get; init; }

    /// <summary>The end of execution falls from today to today + N days.</summary>
    public int? FinDansJours { get; init; }

    public bool SansAttributaire { get; init; }

    /// <summary>No contrat other than refused ones.</summary>
    public bool SansContrat { get; init; }

    /// <summary>The lot is behind schedule today (<see cref="RetardsLots"/>, the rule of the « lot en retard » alert).</summary>
    public bool EnRetard { get; init; }
}

/// <summary>
/// The lots' cockpit query, written once for the page and for whatever else lists the same lots (an export): the
/// structure's lots filtered (<see cref="FiltresLots"/>), each projected with its realised hours computed by the database
/// (<see cref="RequetesHeures.Realisees"/>: the domain's expression, every lot in one command, no query per lot), ready to
/// sort through <see cref="Colonnes"/> and to page. « Today » is the clock's date in Europe/Paris; the lateness is read at
/// the end of the month checked (<see cref="ReglesAlertes.MoisVerifie"/>), as the alert does.
/// </summary>
public static class CockpitLots
{
    public const string TriLot = "lot";
    public const string TriFin = "fin";
    public const string TriTaux = "taux";
    public const string TriRetard = "retard";
    public const string TriDues = "dues";

    /// <summary>The day the target line is read at for the lateness: the last day of the month checked.</summary>
    public static DateOnly JourVerifie(DateOnly aujourdhui) => ReglesAlertes.MoisVerifie(aujourdhui).Dernier;

    /// <summary>
    /// The sortable columns (whitelist). The rate sorts on réalisées × 10 000 / dues (lots without hours due last in the
    /// ascending order); the lateness on <see cref="CibleLineaire.RetardDe"/>, the domain's target line evaluated by the
    /// database at <paramref name="jourVerifie"/>.
    /// </summary>
    public static ColonnesTri<LigneLotCockpit> Colonnes(DateOnly jourVerifie) => new ColonnesTri<LigneLotCockpit>(TriLot)
        .Colonne(TriLot, "Lot", (q, desc) => desc ? q.OrderByDescending(l => l.Marche).ThenByDescending(l => l.Numero) : q.OrderBy(l => l.Marche).ThenBy(l => l.Numero))
        .Colonne(TriFin, "Fin d'exécution", l => l.Fin)
        .Colonne(TriTaux, "Taux", l => l.DuesMinutes > 0 ? l.RealiseesMinutes * Taux.Cent / l.DuesMinutes : -1L)
        .Colonne(TriRetard, "Retard sur la cible",
            CibleLineaire.RetardDe<LigneLotCockpit>(l => l.Debut, l => l.Fin, l => l.DuesMinutes, l => l.RealiseesMinutes, jourVerifie))
        .Colonne(TriDues, "Heures dues", l => l.DuesMinutes);

    /// <summary>The tie-break after any column, so that pages are stable.</summary>
    public static IOrderedQueryable<LigneLotCockpit> Departager(IOrderedQueryable<LigneLotCockpit> requete)
    {
        ArgumentNullException.ThrowIfNull(requete);
        return requete.ThenBy(l => l.Marche).ThenBy(l => l.Numero).ThenBy(l => l.Id);
    }

    /// <summary>
    /// The filtered lots of the current structure, projected (not run). The « en retard » filter evaluates the rule first
    /// (<see cref="RetardsLots.EvaluerAsync"/>, four commands over the lots in execution of the other filters).
    /// </summary>
    public static async Task<IQueryable<LigneLotCockpit>> RequeteAsync(ClauseDbContext db, RequetesHeures requetes, FiltresLots filtres,
        DateOnly aujourdhui, int seuilRetardPdb, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        ArgumentNullException.ThrowIfNull(filtres);
        var structureId = db.Contexte.StructureId;
        var lots = db.Lots.Where(l => l.StructureId == structureId);
        if (filtres.Statut is { } statut) lots = lots.Where(l => l.Statut == statut);
        if (filtres.DonneurOrdreId is { } donneurId) lots = lots.Where(l => l.Marche.DonneurOrdreId == donneurId);
        if (filtres.OperationId is { } operationId) lots = lots.Where(l => l.Marche.OperationId == operationId);
        if (filtres.AttributaireId is { } entrepriseId)
            lots = lots.Where(l => db.Attributions.Any(a => a.LotId == l.Id && a.Role == RoleAttribution.Attributaire && a.EntrepriseId == entrepriseId));
        if (filtres.FinDansJours is { } jours and >= FiltresLots.JoursMin and <= FiltresLots.JoursMax)
        {
            var limite = aujourdhui.AddDays(jours);
            lots = lots.Where(l => l.FinExecution >= aujourdhui && l.FinExecution <= limite);
        }
        if (filtres.SansAttributaire) lots = lots.Where(l => !db.Attributions.Any(a => a.LotId == l.Id && a.Role == RoleAttribution.Attributaire));
        if (filtres.SansContrat) lots = lots.Where(l => !db.Contrats.Any(c => c.LotId == l.Id && c.Statut != StatutContrat.Refuse));
        if (filtres.EnRetard)
        {
            var retards = await RetardsLots.EvaluerAsync(requetes, lots, aujourdhui, seuilRetardPdb, annulation);
            var ids = retards.Where(r => r.Value.EnRetard).Select(r => r.Key).ToList();
            lots = lots.Where(l => ids.Contains(l.Id));
        }

        return from r in requetes.Realisees(lots)
               join l in db.Lots on r.LotId equals l.Id
               join m in db.Marches on l.MarcheId equals m.Id
               join o in db.Operations on m.OperationId equals o.Id
               join d in db.DonneursOrdre on m.DonneurOrdreId equals d.Id
               select new LigneLotCockpit
               {
                   Id = l.Id,
                   Numero = l.Numero,
                   Libelle = l.Libelle,
                   MarcheId = m.Id,
                   Marche = m.Numero,
                   OperationId = o.Id,
                   Operation = o.Nom,
                   DonneurOrdre = d.RaisonSociale,
                   Statut = l.Statut,
                   Debut = l.DebutExecution,
                   Fin = l.FinExecution,
                   DuesMinutes = l.HeuresDuesMinutes,
                   RealiseesMinutes = r.Minutes,
                   EnAttenteMinutes = r.EnAttenteMinutes,
                   Attributaire = db.Attributions.Where(a => a.LotId == l.Id && a.Role == RoleAttribution.Attributaire)
                       .Select(a => a.Entreprise.RaisonSociale).FirstOrDefault(),
                   Contrats = db.Contrats.Count(c => c.LotId == l.Id && c.Statut != StatutContrat.Refuse),
               };
    }
}

/// <summary>A row of the cockpit, built by member initialisation so EF can sort on its properties.</summary>
public sealed record LigneLotCockpit
{
    public LotId Id { get; init; }

    public int Numero { get; init; }

    public string Libelle { get; init; } = string.Empty;

    public MarcheId MarcheId { get; init; }

    public string Marche { get; init; } = string.Empty;

    public OperationId OperationId { get; init; }

    public string Operation { get; init; } = string.Empty;

    public string DonneurOrdre { get; init; } = string.Empty;

    public StatutLot Statut { get; init; }

    public DateOnly Debut { get; init; }

    public DateOnly Fin { get; init; }

    public long DuesMinutes { get; init; }

    public long RealiseesMinutes { get; init; }

    public long EnAttenteMinutes { get; init; }

    public string? Attributaire { get; init; }

    /// <summary>Contrats other than refused ones.</summary>
    public int Contrats { get; init; }

    public Taux? Taux => Comptage.TauxRealisation(RealiseesMinutes, DuesMinutes);

    /// <summary>Hours behind the target line at <paramref name="jourVerifie"/> (negative: ahead).</summary>
    public Duree Retard(DateOnly jourVerifie) => CibleLineaire.Retard(Debut, Fin, DuesMinutes, RealiseesMinutes, jourVerifie);
}
