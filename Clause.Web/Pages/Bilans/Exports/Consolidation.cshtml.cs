using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Bilans.Exports;

/// <summary>
/// The yearly consolidation for the national clause figures (issue 10 item 7), Direction and Facilitateur: the figures of
/// a year and the change on the year before, and the same lines as CSV (<c>?handler=Csv</c>) and Excel
/// (<c>?handler=Excel</c>). Computed by <see cref="RequetesConsolidation"/> (the bilan of the structure for the year).
/// Without <c>annee</c>, the last complete year.
/// </summary>
public sealed class ConsolidationModel(RequetesConsolidation requetes, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")]
    public string? Annee { get; set; }

    public ConsolidationAnnuelle? Consolidation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        var annee = Lire();
        if (annee is null) return Page();
        Consolidation = await requetes.ConsolidationAsync(annee.Value, annulation);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken annulation)
    {
        var annee = Lire();
        if (annee is null) return Page();
        var consolidation = await requetes.ConsolidationAsync(annee.Value, annulation);
        return File(ExportsConsolidation.Csv(consolidation), EcrivainCsv.TypeContenu, ExportsConsolidation.NomFichier(consolidation, "csv"));
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken annulation)
    {
        var annee = Lire();
        if (annee is null) return Page();
        var consolidation = await requetes.ConsolidationAsync(annee.Value, annulation);
        return File(ExportsConsolidation.Classeur(consolidation, Aujourdhui), ClasseurBilan.TypeContenu, ExportsConsolidation.NomFichier(consolidation, "xlsx"));
    }

    private DateOnly Aujourdhui => DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);

    private int? Lire()
    {
        if (string.IsNullOrWhiteSpace(Annee)) Annee = (Aujourdhui.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return ConsolidationAnnuelle.LireAnnee(Annee);
        }
        catch (RegleMetierException ex)
        {
            foreach (var erreur in ex.Toutes) ModelState.AddModelError("annee", erreur.Message);
            return null;
        }
    }
}
