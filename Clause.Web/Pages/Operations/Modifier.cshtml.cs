using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>Changes an opération's descriptive fields (not its donneur d'ordre, not its status).</summary>
public sealed class ModifierModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieOperation Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string NomActuel { get; private set; } = string.Empty;

    public string DonneurOrdre { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var operation = await TrouverAsync(id, annulation);
        if (operation is null) return NotFound();
        Saisie = SaisieOperation.Depuis(operation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var operation = await TrouverAsync(id, annulation);
        if (operation is null) return NotFound();
        var objectif = new LectureSaisie(ModelState).Taux(Saisie.ObjectifPartQpv, nameof(Saisie.ObjectifPartQpv), SaisieOperation.LibelleObjectifQpv);
        if (!ModelState.IsValid) return Page();
        try
        {
            operation.Modifier(Saisie.Nom, Saisie.Commune, Saisie.DebutPrevisionnel, Saisie.FinPrevisionnelle, Saisie.Programme!.Value,
                Saisie.EnQpv, Saisie.CodeQpv, objectif);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, SaisieOperation.ChampsDuDomaine);
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = "Les modifications de l'opération sont enregistrées.";
        return RedirectToPage("/Operations/Details", new { id });
    }

    private async Task<Operation?> TrouverAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var operation = await db.Operations.FirstOrDefaultAsync(o => o.Id == id && o.StructureId == structureId, annulation);
        if (operation is not null)
        {
            Id = operation.Id;
            NomActuel = operation.Nom;
            DonneurOrdre = await db.DonneursOrdre.AsNoTracking().Where(d => d.Id == operation.DonneurOrdreId)
                .Select(d => d.RaisonSociale).FirstOrDefaultAsync(annulation) ?? "—";
        }
        return operation;
    }
}
