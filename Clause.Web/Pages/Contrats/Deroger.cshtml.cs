using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// Records a written override on a validated contrat flagged outside the eligibility window (its start was moved),
/// so its hours count again. Stored on the contrat with who and when (audited).
/// </summary>
public sealed class DerogerModel(ClauseDbContext db, TimeProvider horloge) : PageActionContrat(db)
{
    [BindProperty]
    public SaisieValidation Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        if (!await PreparerAsync(id, annulation)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var contrat = (await AccesContrats.ChargerAsync(Db, id, annulation))!;
        var participant = await AccesContrats.ParticipantAsync(Db, contrat.ParticipantId, annulation);
        try
        {
            contrat.Deroger(participant, await ReglagesStructure.LireAsync(Db, annulation), Saisie.MotifDerogation, AccesContrats.Auteur(Db, User),
                horloge.GetUtcNow());
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        await Db.SaveChangesAsync(annulation);
        TempData["Succes"] = "La dérogation est enregistrée.";
        return RedirectToPage("/Contrats/Details", new { id });
    }
}
