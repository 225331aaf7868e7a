using Clause.Domain.Commun;
using Clause.Domain.Parcours;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Parcours;

/// <summary>The référent adds an étape to an open parcours (<see cref="Domain.Parcours.Parcours.AjouterEtape"/>: dates inside the parcours).</summary>
public sealed class EtapeModel(ClauseDbContext db) : PageActionParcours(db)
{
    [BindProperty]
    public SaisieEtape Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ParcoursId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(ParcoursId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } parcours) return NotFound();
        if (!Appliquer(() => parcours.AjouterEtape(new DonneesEtape(Saisie.Type, Saisie.DateDebut, Saisie.DateFin, Saisie.StructureBeneficiaire,
                Saisie.FinanceePlie, Saisie.Bilan)))) return Page();
        return await EnregistrerAsync("L'étape est ajoutée au parcours.", "/Parcours/Details", new { id }, annulation);
    }
}
