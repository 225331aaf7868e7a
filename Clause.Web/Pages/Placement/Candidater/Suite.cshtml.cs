using System.ComponentModel.DataAnnotations;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement.Candidater;

public sealed record SaisieSuite
{
    [Required(ErrorMessage = "Le champ « Suite prévue » est obligatoire.")]
    [StringLength(Candidature.TexteLongueurMax, ErrorMessage = "Le champ « Suite prévue » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Suite prévue")]
    public string? Suite { get; set; }
}

/// <summary>
/// The référent's task « candidat non retenu — prévoir la suite » (F13): the next step is written and the task closes
/// (<see cref="Candidature.NoterSuite"/>). A référent reaches only his or her participants' candidatures; another's → 404.
/// </summary>
public sealed class SuiteModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieSuite Saisie { get; set; } = new();

    public CandidatureAffichee Candidature { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CandidatureId id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CandidatureId id, CancellationToken annulation)
    {
        if (await AccesPlacement.ChargerCandidatureAsync(Db, User, id, annulation) is not { } candidature) return NotFound();
        if (!Appliquer(() => candidature.NoterSuite(Saisie.Suite, Auteurs.Courant(Db, User), horloge.GetUtcNow())))
        {
            await PreparerAsync(id, annulation);
            return Page();
        }
        return await EnregistrerAsync("La suite prévue est notée.", "/Placement/Candidature", new { id }, annulation);
    }

    private async Task<bool> PreparerAsync(CandidatureId id, CancellationToken annulation)
    {
        var candidature = await AccesPlacement.Afficher(Db, AccesPlacement.CandidaturesVisibles(Db, User).Where(c => c.Id == id)).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (candidature is null) return false;
        Candidature = candidature;
        return true;
    }
}
