using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The Direction sends one of its structure's accounts a new invitation or a reset link (issue 16 item 3): confirmation
/// (GET ?operation=…), then the POST handler of the same name; audited (JournalComptes). An account of another structure,
/// or of none (an administrator), answers 404, in GET as in POST.
/// </summary>
public sealed class AccesUtilisateurModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, Invitations invitations,
    Reinitialisations reinitialisations) : PageModel
{
    public const string Renvoyer = "renvoyer";
    public const string Reinitialiser = "reinitialiser";

    public Utilisateur Compte { get; private set; } = null!;

    public string Operation { get; private set; } = Reinitialiser;

    public async Task<IActionResult> OnGetAsync(Guid id, string? operation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = operation == Renvoyer ? Renvoyer : Reinitialiser;
        return Page();
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = Renvoyer;
        if (AccesComptes.RefusInvitation(Compte) is { } refus) return Refuser(refus);
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == Compte.StructureId).Select(s => s.Nom).FirstOrDefaultAsync(annulation);
        var resultat = await invitations.RenvoyerAsync(Compte, structure, annulation);
        if (!resultat.Succeeded) return Refuser(string.Join(" ", resultat.Errors.Select(e => e.Description)));
        TempData["Succes"] = AccesComptes.SuccesInvitation(Compte);
        return RedirectToPage("/Structure/Utilisateurs");
    }

    public async Task<IActionResult> OnPostReinitialiserAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = Reinitialiser;
        if (AccesComptes.RefusReinitialisation(Compte) is { } refus) return Refuser(refus);
        await reinitialisations.EnvoyerParAsync(Compte, annulation);
        TempData["Succes"] = AccesComptes.SuccesReinitialisation(Compte);
        return RedirectToPage("/Structure/Utilisateurs");
    }

    private PageResult Refuser(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task<bool> ChargerAsync(Guid id)
    {
        var compte = await utilisateurs.FindByIdAsync(id.ToString());
        if (compte is null || compte.StructureId is null || compte.StructureId != db.Contexte.StructureId) return false;
        Compte = compte;
        return true;
    }
}
