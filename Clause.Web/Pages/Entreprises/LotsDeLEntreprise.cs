using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>One lot a company holds, in which role, with its marché, opération, donneur d'ordre and hours due.</summary>
public sealed record LotDeLEntreprise(
    LotId LotId,
    int NumeroLot,
    string LibelleLot,
    RoleAttribution Role,
    DateOnly? DateNotification,
    StatutLot StatutLot,
    MarcheId MarcheId,
    string NumeroMarche,
    OperationId OperationId,
    string Operation,
    DonneurOrdreId DonneurOrdreId,
    string DonneurOrdre,
    Duree HeuresDues);

/// <summary>
/// Every lot a company holds (attributaire, co-traitant, sous-traitant) — DOMAIN.md §4, issue 3 item 6 — in one
/// query on the indexed attributions, scoped to the current structure. For the company's page
/// (<c>_LotsDeLEntreprise.cshtml</c>).
/// </summary>
public static class LotsDeLEntreprise
{
    public static async Task<IReadOnlyList<LotDeLEntreprise>> LireAsync(ClauseDbContext db, EntrepriseId entrepriseId, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var lignes = await (from a in db.Attributions.AsNoTracking()
                            join l in db.Lots on a.LotId equals l.Id
                            join m in db.Marches on l.MarcheId equals m.Id
                            join o in db.Operations on m.OperationId equals o.Id
                            join d in db.DonneursOrdre on m.DonneurOrdreId equals d.Id
                            where a.EntrepriseId == entrepriseId && a.StructureId == structureId
                            orderby d.RaisonSociale, o.Nom, m.Numero, l.Numero
                            select new
                            {
                                l.Id,
                                l.Numero,
                                l.Libelle,
                                a.Role,
                                a.DateNotification,
                                l.Statut,
                                MarcheId = m.Id,
                                NumeroMarche = m.Numero,
                                OperationId = o.Id,
                                Operation = o.Nom,
                                DonneurId = d.Id,
                                Donneur = d.RaisonSociale,
                                l.HeuresDuesMinutes,
                            })
            .ToListAsync(annulation);
        return lignes.Select(x => new LotDeLEntreprise(x.Id, x.Numero, x.Libelle, x.Role, x.DateNotification, x.Statut, x.MarcheId, x.NumeroMarche,
            x.OperationId, x.Operation, x.DonneurId, x.Donneur, new Duree(x.HeuresDuesMinutes))).ToList();
    }
}
