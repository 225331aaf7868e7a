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
public sealed class CreerModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieOperation Saisie { get; set; } = new();

    public async Task OnGetAsync(DonneurOrdreId? donneurOrdreId, CancellationToken annulation)
    {
        Saisie.DonneurOrdreId = donneurOrdreId;
        await RestaurerApresRechercheAsync(Saisie);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        var donneur = Saisie.DonneurOrdreId is { } donneurId ? await Db.DonneursOrdre.DeLaStructureAsync(Db, donneurId, annulation) : null;
        if (donneur is null)
            ModelState.AddModelError("Saisie.DonneurOrdreId", Saisie.DonneurOrdreId is null
                ? "Le champ « Donneur d'ordre » est obligatoire."
                : "Choisissez un donneur d'ordre dans la liste.");
        var objectif = new LectureSaisie(ModelState).Taux(Saisie.ObjectifPartQpv, nameof(Saisie.ObjectifPartQpv), SaisieOperation.LibelleObjectifQpv);
        // No early return on other errors: the domain checks the other fields too. It needs the donneur d'ordre, though.
        if (donneur is null) return Page();
        if (!Appliquer(() => Operation.Creer(donneur, Saisie.Nom, Saisie.Commune, Saisie.DebutPrevisionnel, Saisie.FinPrevisionnelle,
                Saisie.Programme ?? default, Saisie.EnQpv, Saisie.CodeQpv, objectif), out var operation, SaisieOperation.ChampsDuDomaine))
            return Page();
        Db.Operations.Add(operation);
        return await EnregistrerAsync($"L'opération « {operation.Nom} » est enregistrée.", "/Operations/Details", new { id = operation.Id }, annulation);
    }
}
