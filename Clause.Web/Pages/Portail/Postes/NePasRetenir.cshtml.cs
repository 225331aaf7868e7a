using System.ComponentModel.DataAnnotations;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Placement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Postes;

public sealed record SaisieNonRetenue
{
    [Required(ErrorMessage = "Le champ « Motif » est obligatoire.")]
    [Display(Name = "Motif")]
    public MotifNonRetenu? MotifNonRetenu { get; set; }

    [Required(ErrorMessage = "Le champ « Précisions » est obligatoire.")]
    [StringLength(Candidature.TexteLongueurMax, ErrorMessage = "Le champ « Précisions » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Précisions")]
    public string? PrecisionNonRetenu { get; set; }
}

/// <summary>
/// The company does not retain a presented candidate: a reason from the list and a text (<see cref="Candidature.NePasRetenir"/>);
/// the candidate goes back to the référent as a task. A candidature not presented on one of its own postes is a 404.
/// </summary>
public sealed class NePasRetenirModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieNonRetenue Saisie { get; set; } = new();

    public CandidatPresente Candidat { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CandidatureId id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CandidatureId id, CancellationToken annulation)
    {
        if (await AccesPlacement.ChargerCandidatureDuPortailAsync(Db, id, annulation) is not { } candidature) return NotFound();
        await PreparerAsync(id, annulation);
        if (!Appliquer(() => candidature.NePasRetenir(Saisie.MotifNonRetenu, Saisie.PrecisionNonRetenu, Auteurs.Courant(Db, User), horloge.GetUtcNow()),
                new Dictionary<string, string> { [nameof(Candidature.Statut)] = "" }))
            return Page();
        return await EnregistrerAsync("Votre réponse est enregistrée : le candidat n'est pas retenu, son accompagnement continue.", "/Portail/Postes/Details",
            new { id = candidature.PosteId }, annulation);
    }

    private async Task<bool> PreparerAsync(CandidatureId id, CancellationToken annulation)
    {
        var candidat = await AccesPlacement.CandidatsDuPortail(Db, seule: id).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (candidat is null) return false;
        Candidat = candidat;
        return true;
    }
}
