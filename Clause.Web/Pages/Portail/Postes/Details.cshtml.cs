using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Placement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Postes;

/// <summary>
/// One of the company's postes (issue 14): its need, and the candidates the facilitateur presented (name, contact
/// details, poste — never a category, never the eligibility); the company marks the poste filled or cancelled.
/// Another company's (or structure's) poste is a 404, in GET and in POST.
/// </summary>
public sealed class DetailsModel(ClauseDbContext db) : PageAction(db)
{
    public PosteAffiche Poste { get; private set; } = null!;

    public IReadOnlyList<StatutPoste> StatutsAccessibles { get; private set; } = [];

    public IReadOnlyList<CandidatPresente> Candidats { get; private set; } = [];

    [BindProperty]
    public StatutPoste? Statut { get; set; }

    public async Task<IActionResult> OnGetAsync(PosteId id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatutAsync(PosteId id, CancellationToken annulation)
    {
        if (await AccesPlacement.ChargerPosteDuPortailAsync(Db, id, annulation) is not { } poste) return NotFound();
        if (!Appliquer(() => poste.ChangerStatut(Statut ?? (StatutPoste)(-1)), new Dictionary<string, string> { ["Statut"] = "" }))
        {
            await PreparerAsync(id, annulation);
            return Page();
        }
        return await EnregistrerAsync($"Le poste est maintenant « {Domain.Commun.Libelles.Libelle(poste.Statut)} ».", "/Portail/Postes/Details", new { id }, annulation);
    }

    private async Task<bool> PreparerAsync(PosteId id, CancellationToken annulation)
    {
        var poste = await AccesPlacement.PostesDuPortail(Db, id).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (poste is null) return false;
        Poste = poste;
        Candidats = await AccesPlacement.CandidatsDuPortail(Db, id).AsNoTracking().Take(Placement.PosteModel.CandidaturesMax).ToListAsync(annulation);
        StatutsAccessibles = (await Db.PostesAPourvoir.AsNoTracking().FirstAsync(p => p.Id == id, annulation)).StatutsAccessibles();
        return true;
    }
}
