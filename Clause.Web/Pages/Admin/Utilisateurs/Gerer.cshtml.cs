using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Utilisateurs;

/// <summary>
/// Confirmation step then action on one account: deactivate, reactivate, or send the invitation again.
/// GET ?operation=… shows what will happen; the POST handler of the same name does it.
/// </summary>
public sealed class GererModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, Invitations invitations, Reinitialisations reinitialisations,
    JetonsAcces jetons) : PageModel
{
    public const string Desactiver = "desactiver";
    public const string Reactiver = "reactiver";
    public const string Renvoyer = "renvoyer";
    public const string Reinitialiser = "reinitialiser";

    public Utilisateur Compte { get; private set; } = null!;

    public string? Structure { get; private set; }

    public string Operation { get; private set; } = Desactiver;

    public async Task<IActionResult> OnGetAsync(Guid id, string? operation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = operation switch
        {
            Reactiver => Reactiver,
            Renvoyer => Renvoyer,
            Reinitialiser => Reinitialiser,
            _ => Compte.Actif ? Desactiver : Reactiver,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostDesactiverAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = Desactiver;
        if (Compte.Id == db.Contexte.UtilisateurId)
        {
            ModelState.AddModelError(string.Empty, "Vous ne pouvez pas désactiver votre propre compte.");
            return Page();
        }
        if (!Verifier(await utilisateurs.DesactiverAsync(jetons, Compte, annulation))) return Page();
        TempData["Succes"] = $"Le compte de {Compte.NomComplet} est désactivé : il ne peut plus se connecter.";
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    public async Task<IActionResult> OnPostReactiverAsync(Guid id)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = Reactiver;
        if (!Verifier(await utilisateurs.ReactiverAsync(Compte))) return Page();
        TempData["Succes"] = $"Le compte de {Compte.NomComplet} est réactivé.";
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = Renvoyer;
        if (AccesComptes.RefusInvitation(Compte) is { } refus)
        {
            ModelState.AddModelError(string.Empty, refus);
            return Page();
        }
        if (!Verifier(await invitations.RenvoyerAsync(Compte, Structure, annulation))) return Page();
        TempData["Succes"] = AccesComptes.SuccesInvitation(Compte);
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    public async Task<IActionResult> OnPostReinitialiserAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        Operation = Reinitialiser;
        if (AccesComptes.RefusReinitialisation(Compte) is { } refus)
        {
            ModelState.AddModelError(string.Empty, refus);
            return Page();
        }
        await reinitialisations.EnvoyerParAsync(Compte, annulation);
        TempData["Succes"] = AccesComptes.SuccesReinitialisation(Compte);
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    private async Task<bool> ChargerAsync(Guid id)
    {
        var compte = await utilisateurs.FindByIdAsync(id.ToString());
        if (compte is null) return false;
        Compte = compte;
        Structure = compte.StructureId is { } s
            ? await db.Structures.AsNoTracking().Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync()
            : null;
        return true;
    }

    private bool Verifier(IdentityResult resultat)
    {
        foreach (var erreur in resultat.Errors) ModelState.AddModelError(string.Empty, erreur.Description);
        return resultat.Succeeded;
    }
}
