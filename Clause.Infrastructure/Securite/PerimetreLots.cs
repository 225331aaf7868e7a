using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Securite;

/// <summary>
/// The lots the current user may read (DOMAIN.md §11), the one definition the API and the company portal share:
/// staff, the structure's; a company, the lots it holds in any role — attributaire, co-traitant, sous-traitant, or
/// employer of a contrat that is not refused; a buyer, the lots of its own marchés. The tenant filter already keeps the
/// structure's; the explicit structure test is the query's own lock and lets the structure's index lead.
/// </summary>
public static class PerimetreLots
{
    public static IQueryable<Lot> DuContexte(ClauseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contexte = db.Contexte;
        var structureId = contexte.StructureId;
        var lots = db.Lots.AsNoTracking().Where(l => l.StructureId == structureId);
        if (contexte.EntrepriseId is { } entrepriseId)
            return lots.Where(l => db.Attributions.Any(a => a.LotId == l.Id && a.EntrepriseId == entrepriseId)
                || db.Contrats.Any(c => c.LotId == l.Id && c.EmployeurId == entrepriseId && c.Statut != StatutContrat.Refuse));
        if (contexte.DonneurOrdreId is { } donneurOrdreId)
            return lots.Where(l => l.Marche.DonneurOrdreId == donneurOrdreId);
        return lots;
    }
}
