using Clause.Domain.Commun;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Lots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Embauches;

/// <summary>
/// A company proposes a hire for one of its lots (issue 9 item 3): the person, the contrat, the employer. The selects
/// offer only its lots and the employers it may name (<see cref="EmbauchesDuPortail"/>); anything else posted is refused
/// beside its field and nothing is written. The rules are the proposal's and the contrat's (PropositionEmbauche.Proposer).
/// A lot preset in the address (?lotId=) that the company does not hold is a 404.
/// </summary>
public sealed class ProposerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisiePropositionEmbauche Saisie { get; set; } = new();

    public IReadOnlyList<SelectListItem> Lots { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Employeurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(LotId? lotId, CancellationToken annulation)
    {
        Saisie.LotId = lotId;
        Saisie.EmployeurId = Db.Contexte.EntrepriseId;
        await PreparerAsync(annulation);
        if (lotId is not null && Lots.All(l => l.Value != lotId.ToString())) return NotFound();
        // One lot: chosen already (fewer taps on a phone).
        if (Lots.Count == 1) Saisie.LotId = LotId.De(Guid.Parse(Lots[0].Value));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        await PreparerAsync(annulation);
        if (Saisie.LotId is { } lid && Lots.All(x => x.Value != lid.ToString()))
            ModelState.AddModelError("Saisie.LotId", "Choisissez un de vos lots dans la liste.");
        if (Saisie.EmployeurId is { } eid && Employeurs.All(x => x.Value != eid.ToString()))
            ModelState.AddModelError("Saisie.EmployeurId", "Choisissez l'employeur dans la liste.");
        var donnees = Saisie.VersDonnees(ModelState);
        // No early return on the other fields: the domain checks them too (every error at once). It needs the lot and the
        // employer: without one of them (missing or not offered, already in error) it is not called.
        if (Saisie.LotId is not { } lotId || Saisie.EmployeurId is not { } employeurId || Invalide("Saisie.LotId") || Invalide("Saisie.EmployeurId"))
            return Page();

        var structureId = Db.Contexte.StructureId;
        var lot = await ChargementLot.ChargerAsync(Db, lotId, annulation);
        var employeur = await Db.Entreprises.AsNoTracking().FirstAsync(e => e.Id == employeurId && e.StructureId == structureId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => PropositionEmbauche.Proposer(Db.Contexte.EntrepriseId ?? default, lot!, employeur, Saisie.Personne(), donnees, reglages,
                Auteurs.Courant(Db, User), horloge.GetUtcNow(), Affichage.Aujourdhui(horloge)), out var proposition))
            return Page();
        Db.PropositionsEmbauche.Add(proposition);
        // The person's name stays out of the message kept in TempData (a cookie): the list shows it.
        return await EnregistrerAsync("Votre proposition d'embauche est envoyée au facilitateur : elle est « en attente ».", "/Portail/Embauches/Index", null,
            annulation);
    }

    private async Task PreparerAsync(CancellationToken annulation)
    {
        Lots = await EmbauchesDuPortail.LotsAsync(Db, Saisie.LotId, annulation);
        Employeurs = await EmbauchesDuPortail.EmployeursAsync(Db, Saisie.EmployeurId, annulation);
    }
}
