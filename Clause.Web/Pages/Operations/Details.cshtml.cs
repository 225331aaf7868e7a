using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>
/// One opération: its fields, its status with the reachable transitions (they post to /Operations/Statut,
/// reserved to the facilitateur), its marchés with lots count and hours due, and its audit history.
/// </summary>
public sealed class DetailsModel(ClauseDbContext db, RequetesHeures requetes) : PageModel
{
    public FicheOperation Fiche { get; private set; } = null!;

    public IReadOnlyList<StatutOperation> Transitions { get; private set; } = [];

    public IReadOnlyList<MarcheDeLOperation> Marches { get; private set; } = [];

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    /// <summary>Its lots added up (realised, rates), one SQL aggregate.</summary>
    public BilanHeures Heures { get; private set; } = BilanHeures.Vide;

    public async Task<IActionResult> OnGetAsync(OperationId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.StructureId == structureId, annulation);
        if (operation is null) return NotFound();
        var donneur = await db.DonneursOrdre.AsNoTracking().Where(d => d.Id == operation.DonneurOrdreId)
            .Select(d => d.RaisonSociale).FirstOrDefaultAsync(annulation) ?? "—";
        Fiche = new FicheOperation(operation.Id, operation.Nom, operation.DonneurOrdreId, donneur, operation.Commune, operation.DebutPrevisionnel,
            operation.FinPrevisionnelle, operation.Programme, operation.EnQpv, operation.CodeQpv, operation.ObjectifPartQpvPdb, operation.Statut,
            operation.MotifRetour);
        Transitions = operation.StatutsAccessibles();
        Marches = await db.Marches.AsNoTracking()
            .Where(m => m.OperationId == id && m.StructureId == structureId)
            .OrderBy(m => m.Numero).ThenBy(m => m.Id)
            .Select(m => new MarcheDeLOperation(m.Id, m.Numero, m.Objet, m.Type, m.MontantHTCentimes, m.DebutExecution, m.FinExecution,
                db.Lots.Count(l => l.MarcheId == m.Id),
                db.Lots.Where(l => l.MarcheId == m.Id).Sum(l => l.HeuresDuesMinutes)))
            .ToListAsync(annulation);
        Heures = await requetes.TotalAsync(db.Lots.Where(l => l.Marche.OperationId == id && l.StructureId == structureId), annulation);
        Historique = await Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        return Page();
    }
}

public sealed record FicheOperation(OperationId Id, string Nom, DonneurOrdreId DonneurOrdreId, string DonneurOrdre, string Commune, DateOnly? DebutPrevisionnel,
    DateOnly? FinPrevisionnelle, ProgrammeRenouvellement Programme, bool EnQpv, string? CodeQpv, int? ObjectifPartQpvPdb, StatutOperation Statut,
    string? MotifRetour);

public sealed record MarcheDeLOperation(MarcheId Id, string Numero, string Objet, TypeMarche Type, long MontantHTCentimes, DateOnly Debut, DateOnly Fin,
    int Lots, long HeuresDuesMinutes);
