using Clause.Domain.Commun;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Lots;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Placement;

/// <summary>
/// A facilitateur records a company's poste à pourvoir (issue 14 item 2): the lot (an open lot with a clause, from the
/// lots' combobox), the company holding it, the poste. Rules: <see cref="PosteAPourvoir.Creer"/> (every error at once).
/// </summary>
public sealed class CreerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db), IFormulairePoste
{
    [BindProperty]
    public SaisiePoste Saisie { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(LotId? lotId, CancellationToken annulation)
    {
        if (lotId is { } l && await ChargementLot.ChargerAsync(Db, l, annulation) is null) return NotFound();
        Saisie.LotId = lotId;
        Saisie.Nombre = "1";
        await RestaurerApresRechercheAsync(Saisie);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (Saisie.LotId is { } lid && !await Recherches.Lots.OffreAsync(Db, User, lid, null, annulation))
            ModelState.AddModelError("Saisie.LotId", "Choisissez un lot de votre structure dans la liste.");
        if (Saisie.EntrepriseId is { } eid && !await Recherches.Entreprises.OffreAsync(Db, User, eid, null, annulation))
            ModelState.AddModelError("Saisie.EntrepriseId", "Choisissez une entreprise de votre structure dans la liste.");
        var donnees = Saisie.VersDonnees(ModelState);
        if (Saisie.LotId is not { } lotId || Invalide("Saisie.LotId") || Invalide("Saisie.EntrepriseId")) return Page();
        var lot = await ChargementLot.ChargerAsync(Db, lotId, annulation);
        if (!Appliquer(() => PosteAPourvoir.Creer(lot!, Saisie.EntrepriseId ?? default, donnees, Auteurs.Courant(Db, User), horloge.GetUtcNow()),
                out var poste))
            return Page();
        Db.PostesAPourvoir.Add(poste);
        return await EnregistrerAsync("Le poste à pourvoir est enregistré.", "/Placement/Poste", new { id = poste.Id }, annulation);
    }
}
