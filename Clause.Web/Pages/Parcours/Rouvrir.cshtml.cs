using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Parcours;

/// <summary>The référent reopens a closed parcours with a reason (<see cref="Domain.Parcours.Parcours.Rouvrir"/>), unless another is open.</summary>
public sealed class RouvrirModel(ClauseDbContext db, TimeProvider horloge) : PageActionParcours(db)
{
    [BindProperty]
    public SaisieReouverture Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ParcoursId id, CancellationToken annulation) =>
        await ChargerAsync(id, annulation) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(ParcoursId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } parcours) return NotFound();
        var autre = await AccesParcours.AUnParcoursOuvertAsync(Db, parcours.ParticipantId, id, annulation);
        if (!Appliquer(() => parcours.Rouvrir(Saisie.MotifReouverture, autre, Affichage.Aujourdhui(horloge)))) return Page();
        return await EnregistrerAsync("Le parcours est rouvert.", "/Parcours/Details", new { id }, annulation);
    }
}
