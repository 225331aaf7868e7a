using Clause.Domain.Commun;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Lots;
using Clause.Web.Pages.Placement;
using Clause.Web.Pages.Portail.Embauches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Clause.Web.Pages.Portail.Postes;

/// <summary>
/// A company records a poste à pourvoir on one of its lots (issue 14 item 2). The select offers only its open lots
/// (<see cref="EmbauchesDuPortail.LotsAsync"/>, the lots it may propose hires for); anything else posted is refused beside
/// its field and nothing is written. The rules are the poste's (<see cref="PosteAPourvoir.Creer"/>). A lot preset in the
/// address (?lotId=) that the company does not hold is a 404.
/// </summary>
public sealed class CreerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db), IFormulairePoste
{
    [BindProperty]
    public SaisiePoste Saisie { get; set; } = new();

    public IReadOnlyList<SelectListItem> Lots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(LotId? lotId, CancellationToken annulation)
    {
        Saisie.LotId = lotId;
        Saisie.Nombre = "1";
        Lots = await EmbauchesDuPortail.LotsAsync(Db, Saisie.LotId, annulation);
        if (lotId is not null && Lots.All(l => l.Value != lotId.ToString())) return NotFound();
        if (Lots.Count == 1) Saisie.LotId = LotId.De(Guid.Parse(Lots[0].Value));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        Lots = await EmbauchesDuPortail.LotsAsync(Db, Saisie.LotId, annulation);
        if (Saisie.LotId is { } lid && Lots.All(x => x.Value != lid.ToString()))
            ModelState.AddModelError("Saisie.LotId", "Choisissez un de vos lots dans la liste.");
        var donnees = Saisie.VersDonnees(ModelState);
        // No early return on the other fields: the domain checks them too (every error at once); it needs the lot.
        if (Saisie.LotId is not { } lotId || Invalide("Saisie.LotId")) return Page();
        var lot = await ChargementLot.ChargerAsync(Db, lotId, annulation);
        if (!Appliquer(() => PosteAPourvoir.Creer(lot!, Db.Contexte.EntrepriseId ?? default, donnees, Auteurs.Courant(Db, User), horloge.GetUtcNow()),
                out var poste))
            return Page();
        Db.PostesAPourvoir.Add(poste);
        return await EnregistrerAsync("Le poste est enregistré : le facilitateur de la clause en est informé.", "/Portail/Postes/Details", new { id = poste.Id },
            annulation);
    }
}
