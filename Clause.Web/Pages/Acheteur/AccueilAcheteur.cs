using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Acheteur;

/// <summary>One opération of the buyer, as its portal home lists it.</summary>
public sealed record OperationAcheteur(OperationId Id, string Nom, string Commune, StatutOperation Statut, bool Renouvellement, int Marches);

/// <summary>One lot of the buyer, as its portal home lists it (before the figures are added).</summary>
public sealed record LotDuDonneur(LotId Id, int Numero, string Libelle, MarcheId MarcheId, string Marche, string Objet, string Operation, StatutLot Statut,
    DateOnly DebutExecution, DateOnly FinExecution);

/// <summary>A lot on the buyer's home: the lot page's figures (<see cref="RequetesHeures"/>) and its forecast when in execution with a clause.</summary>
public sealed record LotAcheteur(LotDuDonneur Lot, BilanHeures Bilan, PrevisionLot? Prevision)
{
    public string Nom => $"Lot {Lot.Numero} — {Lot.Libelle}";
}

/// <summary>
/// The buyer portal's home (issue 10 item 3): the buyer's opérations and its lots (paged) with status, hours due,
/// realised, rate and forecast, and the links to their bilans. Every query is tenant-filtered and scoped to the buyer
/// of the signed-in user (<c>ContexteExecution.DonneurOrdreId</c>, <see cref="PerimetreLots"/>); aggregates only — no
/// participant appears. A fixed number of queries whatever the rows.
/// </summary>
public static class AccueilAcheteur
{
    /// <summary>The buyer's lots, in execution first, then by end of execution (paged by the caller, in the database).</summary>
    public static IQueryable<LotDuDonneur> LotsDuDonneur(ClauseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // No buyer: nothing (the policy requires one; this is the second lock).
        var donneurOrdreId = db.Contexte.DonneurOrdreId;
        return PerimetreLots.DuContexte(db).Where(_ => donneurOrdreId != null)
            .OrderBy(l => l.Statut != StatutLot.EnExecution).ThenBy(l => l.FinExecution).ThenBy(l => l.Marche.Numero).ThenBy(l => l.Numero).ThenBy(l => l.Id)
            .Select(l => new LotDuDonneur(l.Id, l.Numero, l.Libelle, l.MarcheId, l.Marche.Numero, l.Marche.Objet, l.Marche.Operation.Nom, l.Statut,
                l.DebutExecution, l.FinExecution));
    }

    /// <summary>The buyer's opérations (a buyer has a handful: all of them, by name), with their count of marchés.</summary>
    public static Task<List<OperationAcheteur>> OperationsAsync(ClauseDbContext db, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var donneurOrdreId = db.Contexte.DonneurOrdreId;
        return db.Operations.AsNoTracking()
            .Where(o => o.StructureId == structureId && donneurOrdreId != null && o.DonneurOrdreId == donneurOrdreId)
            .OrderBy(o => o.Nom).ThenBy(o => o.Id)
            .Select(o => new OperationAcheteur(o.Id, o.Nom, o.Commune, o.Statut, o.Programme != ProgrammeRenouvellement.Aucun,
                db.Marches.Count(m => m.OperationId == o.Id)))
            .ToListAsync(annulation);
    }

    /// <summary>The figures of one page of lots: the lot page's query (<see cref="RequetesHeures.BilansAsync(IReadOnlyCollection{LotId}, CancellationToken)"/>).</summary>
    public static async Task<IReadOnlyList<LotAcheteur>> LotsAsync(ClauseDbContext db, RequetesHeures requetes, IReadOnlyList<LotDuDonneur> lots,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        ArgumentNullException.ThrowIfNull(lots);
        var ids = lots.Select(l => l.Id).ToList();
        var bilans = await requetes.BilansAsync(ids, annulation);
        // The forecast of the lot page and of the bilan (RequetesHeures.PrevisionsAsync): lots in execution with a clause only.
        var previsions = await requetes.PrevisionsAsync(db.Lots.Where(l => ids.Contains(l.Id)), annulation);
        return lots.Select(l => new LotAcheteur(l, bilans.TryGetValue(l.Id, out var b) ? b : BilanHeures.Vide,
            previsions.TryGetValue(l.Id, out var p) ? p : null)).ToList();
    }

    /// <summary>The buyer portal's bilan page of a scope, over <paramref name="periode"/> (or the default range of <c>RequetesBilans.PeriodeParDefautAsync</c>).</summary>
    public static string LienBilan(Perimetre perimetre, Guid? id, PeriodeBilan? periode = null)
    {
        var parametres = new List<KeyValuePair<string, string?>> { new("perimetre", PerimetreBilan.CodeDe(perimetre)) };
        if (id is { } valeur) parametres.Add(new("id", valeur.ToString()));
        if (periode is not null)
        {
            parametres.Add(new("du", periode.Du.ToString()));
            parametres.Add(new("au", periode.Au.ToString()));
        }
        return QueryHelpers.AddQueryString("/Acheteur/Bilan", parametres);
    }
}
