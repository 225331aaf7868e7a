using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Heures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Bilans;

/// <summary>
/// The bilan of a scope over a range of months (DOMAIN.md §9): <c>/Bilans/Details?perimetre=lot&amp;id=…&amp;du=2026-01&amp;au=2026-12</c>,
/// computed by <see cref="RequetesBilans"/> and shown by the partial <c>_Bilan</c>; printable (print stylesheet, A4).
/// Without <c>du</c> and <c>au</c>: the execution to date (lot, marché, opération) or the current year. A malformed input →
/// 400 with the French messages naming the fields; a scope not found in the structure → 404.
/// </summary>
public sealed class DetailsModel(RequetesBilans requetes, TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "perimetre")]
    public string? Perimetre { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "du")]
    public string? Du { get; set; }

    [BindProperty(SupportsGet = true, Name = "au")]
    public string? Au { get; set; }

    public Bilan? Bilan { get; private set; }

    public IReadOnlyList<RegleMetierException> Erreurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        var erreurs = new List<RegleMetierException>();
        PerimetreBilan? perimetre = null;
        PeriodeBilan? periode = null;
        try { perimetre = PerimetreBilan.Lire(Perimetre, Id); }
        catch (RegleMetierException e) { erreurs.AddRange(e.Toutes); }
        if (!string.IsNullOrWhiteSpace(Du) || !string.IsNullOrWhiteSpace(Au))
        {
            try { periode = PeriodeBilan.Lire(Du, Au); }
            catch (RegleMetierException e) { erreurs.AddRange(e.Toutes); }
        }
        if (erreurs.Count > 0)
        {
            Erreurs = erreurs;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        periode ??= await requetes.PeriodeParDefautAsync(perimetre!, RequetesHeures.MoisEnCours(horloge), annulation);
        Bilan = await requetes.BilanAsync(perimetre!, periode, annulation: annulation);
        if (Bilan is null) return NotFound();
        return Page();
    }
}
