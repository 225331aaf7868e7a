using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>A new opération of one of the structure's donneurs d'ordre; it starts « Repérée ».</summary>
public sealed class CreerModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieOperation Saisie { get; set; } = new();

    public IReadOnlyList<SelectListItem> Donneurs { get; private set; } = [];

    public async Task OnGetAsync(Guid? donneurOrdreId, CancellationToken annulation)
    {
        Saisie.DonneurOrdreId = donneurOrdreId;
        Donneurs = await ListesOperations.DonneursAsync(db, donneurOrdreId, annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        Donneurs = await ListesOperations.DonneursAsync(db, Saisie.DonneurOrdreId, annulation);
        var structureId = db.Contexte.StructureId;
        var donneur = Saisie.DonneurOrdreId is { } donneurId
            ? await db.DonneursOrdre.FirstOrDefaultAsync(d => d.Id == donneurId && d.StructureId == structureId, annulation)
            : null;
        if (donneur is null)
            ModelState.AddModelError("Saisie.DonneurOrdreId", Saisie.DonneurOrdreId is null
                ? "Le champ « Donneur d'ordre » est obligatoire."
                : "Choisissez un donneur d'ordre dans la liste.");
        var objectif = new LectureSaisie(ModelState).Taux(Saisie.ObjectifPartQpv, nameof(Saisie.ObjectifPartQpv), SaisieOperation.LibelleObjectifQpv);
        if (!ModelState.IsValid || donneur is null) return Page();

        Operation operation;
        try
        {
            operation = Operation.Creer(donneur, Saisie.Nom, Saisie.Commune, Saisie.DebutPrevisionnel, Saisie.FinPrevisionnelle,
                Saisie.Programme!.Value, Saisie.EnQpv, Saisie.CodeQpv, objectif);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, SaisieOperation.ChampsDuDomaine);
            return Page();
        }
        db.Operations.Add(operation);
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"L'opération « {operation.Nom} » est enregistrée.";
        return RedirectToPage("/Operations/Details", new { id = operation.Id });
    }
}
