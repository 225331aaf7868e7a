using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement;

/// <summary>What a facilitateur ticks: the validated candidatures to present.</summary>
public sealed record SaisiePresentation
{
    public List<CandidatureId> Candidatures { get; set; } = [];
}

/// <summary>
/// The facilitateur presents a shortlist to the company (issue 14 item 3): the validated candidatures ticked, in one
/// save (<see cref="Candidature.PresenterListe"/>). An id that is not a validated candidature of this poste is refused,
/// nothing is written. Another structure's poste is a 404.
/// </summary>
public sealed class PresenterModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisiePresentation Saisie { get; set; } = new();

    public PosteAffiche Poste { get; private set; } = null!;

    public IReadOnlyList<CandidatureAffichee> Validees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(PosteId id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(PosteId id, CancellationToken annulation)
    {
        if (await AccesPlacement.ChargerPosteAsync(Db, id, annulation) is not { } poste) return NotFound();
        var ids = Saisie.Candidatures.Distinct().ToList();
        var choisies = await Db.Candidatures.Where(c => c.StructureId == poste.StructureId && c.PosteId == id && ids.Contains(c.Id)).ToListAsync(annulation);
        if (choisies.Count != ids.Count)
            ModelState.AddModelError("Saisie.Candidatures", "Choisissez des candidats de ce poste dans la liste.");
        if (!Appliquer(() => Candidature.PresenterListe(poste, choisies, Auteurs.Courant(Db, User), horloge.GetUtcNow()),
                new Dictionary<string, string> { [nameof(Candidature.Statut)] = nameof(SaisiePresentation.Candidatures), [nameof(Candidature.PosteId)] = "" }))
        {
            await PreparerAsync(id, annulation);
            return Page();
        }
        return await EnregistrerAsync($"{choisies.Count} candidat(s) présenté(s) à l'entreprise.", "/Placement/Poste", new { id }, annulation);
    }

    private async Task<bool> PreparerAsync(PosteId id, CancellationToken annulation)
    {
        var poste = await AccesPlacement.Postes(Db, id).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (poste is null) return false;
        Poste = poste;
        Validees = await AccesPlacement.Afficher(Db, Db.Candidatures.Where(c => c.StructureId == Db.Contexte.StructureId && c.PosteId == id && c.Statut == StatutCandidature.Validee))
            .AsNoTracking().Take(PosteModel.CandidaturesMax).ToListAsync(annulation);
        return true;
    }
}
