using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>One marché: its fields, its lots with their hours due and attributaire, its audit history.</summary>
public sealed class DetailsModel(ClauseDbContext db, RequetesHeures requetes) : PageModel
{
    public FicheMarche Fiche { get; private set; } = null!;

    public IReadOnlyList<LotDuMarche> Lots { get; private set; } = [];

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    /// <summary>Its lots added up (realised, rates), one SQL aggregate.</summary>
    public BilanHeures Heures { get; private set; } = BilanHeures.Vide;

    public async Task<IActionResult> OnGetAsync(MarcheId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var fiche = await (from m in db.Marches.AsNoTracking()
                           join o in db.Operations on m.OperationId equals o.Id
                           join d in db.DonneursOrdre on m.DonneurOrdreId equals d.Id
                           where m.Id == id && m.StructureId == structureId
                           select new FicheMarche(m.Id, m.Numero, m.Objet, m.Type, m.DateNotification, m.DebutExecution, m.FinExecution,
                               m.MontantHTCentimes, o.Id, o.Nom, d.Id, d.RaisonSociale))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        Lots = await db.Lots.AsNoTracking()
            .Where(l => l.MarcheId == id && l.StructureId == structureId)
            .OrderBy(l => l.Numero)
            .Select(l => new LotDuMarche(l.Id, l.Numero, l.Libelle, l.MontantHTCentimes, l.DebutExecution, l.FinExecution, l.Fondements, l.Statut,
                l.HeuresDuesMinutes,
                db.Attributions.Where(a => a.LotId == l.Id && a.Role == RoleAttribution.Attributaire).Select(a => a.Entreprise.RaisonSociale).FirstOrDefault()))
            .ToListAsync(annulation);
        Heures = await requetes.TotalAsync(db.Lots.Where(l => l.MarcheId == id && l.StructureId == structureId), annulation);
        Historique = await Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        return Page();
    }
}

public sealed record FicheMarche(MarcheId Id, string Numero, string Objet, TypeMarche Type, DateOnly? DateNotification, DateOnly DebutExecution,
    DateOnly FinExecution, long MontantHTCentimes, OperationId OperationId, string Operation, DonneurOrdreId DonneurOrdreId, string DonneurOrdre);

public sealed record LotDuMarche(LotId Id, int Numero, string Libelle, long MontantHTCentimes, DateOnly Debut, DateOnly Fin, Fondement Fondements,
    StatutLot Statut, long HeuresDuesMinutes, string? Attributaire);
