using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Acheteur;

/// <summary>
/// A bilan of the buyer's own scope (issue 10 item 3): <c>/Acheteur/Bilan?perimetre=lot&amp;id=…&amp;du=2026-01&amp;au=2026-12</c>
/// — the buyer itself, one of its opérations, marchés or lots — computed by <see cref="RequetesBilans"/> (the staff page's
/// query) within the buyer (<c>pourDonneurOrdre</c>) and hidden by <see cref="Masquage.PourDonneurOrdre"/> before it is
/// shown by the staff's partial <c>_Bilan</c>. Another buyer's or another structure's scope, or the whole structure → 404;
/// a malformed month → 400 with the French messages naming the fields.
/// </summary>
public sealed class BilanModel(ClauseDbContext db, RequetesBilans requetes, TimeProvider horloge) : PageModel
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

    public int Seuil { get; private set; }

    public IReadOnlyList<RegleMetierException> Erreurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation) =>
        await ChargerAsync(annulation) is { } refus ? refus : Page();

    /// <summary>
    /// The same bilan as an Excel file (<c>?handler=Excel</c>, issue 10 item 4): the masked bilan the page shows, written by
    /// <see cref="ClasseurBilan"/> (the file the buyer receives by mail); the same scope checks (404) and the same refusals.
    /// </summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken annulation)
    {
        if (await ChargerAsync(annulation) is { } refus) return refus;
        if (Bilan is null) return Page();
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        return File(ClasseurBilan.Ecrire(Bilan, Seuil, aujourdhui), ClasseurBilan.TypeContenu, ClasseurBilan.NomFichier(Bilan));
    }

    /// <summary>Reads the scope and the period and computes the masked bilan; a 404 when the scope is not the buyer's.</summary>
    private async Task<IActionResult?> ChargerAsync(CancellationToken annulation)
    {
        if (db.Contexte.DonneurOrdreId is not { } donneurOrdreId) return NotFound();
        PerimetreBilan perimetre;
        // A link of the portal always names a scope: a broken one is a page that does not exist, not a form to correct.
        try { perimetre = PerimetreBilan.Lire(Perimetre, Id); }
        catch (RegleMetierException) { return NotFound(); }
        if (perimetre.Perimetre == Domain.Bilans.Perimetre.Structure) return NotFound();
        PeriodeBilan? periode = null;
        if (!string.IsNullOrWhiteSpace(Du) || !string.IsNullOrWhiteSpace(Au))
        {
            try { periode = PeriodeBilan.Lire(Du, Au); }
            catch (RegleMetierException e)
            {
                Erreurs = e.Toutes;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            }
        }
        periode ??= await requetes.PeriodeParDefautAsync(perimetre, RequetesHeures.MoisEnCours(horloge), annulation);
        var bilan = await requetes.BilanAsync(perimetre, periode, donneurOrdreId, annulation);
        if (bilan is null) return NotFound();
        Seuil = (await ReglagesStructure.LireAsync(db, annulation)).SeuilConfidentialite;
        Bilan = Masquage.PourDonneurOrdre(bilan, Seuil);
        return null;
    }
}
