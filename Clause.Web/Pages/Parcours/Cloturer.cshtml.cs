using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Parcours;

/// <summary>
/// The référent closes a parcours with a sortie (<see cref="Domain.Parcours.Parcours.Cloturer"/>): not before the start of
/// the last composed étape, and an « emploi durable » only once its follow-up is due (6 months, réglage).
/// </summary>
public sealed class CloturerModel(ClauseDbContext db, TimeProvider horloge) : PageActionParcours(db)
{
    [BindProperty]
    public SaisieSortie Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(ParcoursId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is null) return NotFound();
        Saisie.DateSortie = Affichage.Aujourdhui(horloge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ParcoursId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } parcours) return NotFound();
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        var contrats = await AccesParcours.ContratsAsync(Db, [parcours.ParticipantId], annulation);
        var etapes = parcours.Composer(contrats[parcours.ParticipantId], reglages);
        if (!Appliquer(() => parcours.Cloturer(Saisie.TypeSortie, Saisie.DateSortie, etapes, reglages, Affichage.Aujourdhui(horloge)))) return Page();
        return await EnregistrerAsync("Le parcours est clôturé.", "/Parcours/Details", new { id }, annulation);
    }
}
