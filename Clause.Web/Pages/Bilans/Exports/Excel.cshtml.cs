using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Bilans.Exports;

/// <summary>
/// The Excel file of a bilan for the staff (issue 10 item 4): <c>/Bilans/Excel?perimetre=lot&amp;id=…&amp;du=…&amp;au=…</c>,
/// the same address as the bilan's page. Unmasked: the staff see every count (the buyer's file is the masked one, sent
/// by <see cref="EnvoisBilans"/> or downloaded from the buyer portal). Bad input: the page lists the refusals, no file.
/// </summary>
public sealed class ExcelModel(ClauseDbContext db, RequetesBilans bilans, TimeProvider horloge) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? perimetre, string? id, string? du, string? au, CancellationToken annulation)
    {
        Domain.Bilans.PerimetreBilan lu;
        Domain.Bilans.PeriodeBilan periode;
        try
        {
            (lu, periode) = LectureBilan.Lire(perimetre, id, du, au);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, LectureBilan.Renommages);
            return Page();
        }
        var bilan = await bilans.BilanAsync(lu, periode, annulation: annulation);
        if (bilan is null) return NotFound();
        var seuil = (await ReglagesDesStructures.PourAsync(db, db.Contexte.StructureId!.Value, annulation)).SeuilConfidentialite;
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        return File(ClasseurBilan.Ecrire(bilan, seuil, aujourdhui), ClasseurBilan.TypeContenu, ClasseurBilan.NomFichier(bilan));
    }
}
