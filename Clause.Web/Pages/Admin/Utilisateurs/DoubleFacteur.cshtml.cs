using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Utilisateurs;

/// <summary>
/// An administrator resets a user's second factor (lost device and recovery codes): GET confirms, POST resets
/// (<see cref="GestionDoubleFacteur.ReinitialiserDoubleFacteurAsync"/>, audited, sessions closed). Not one's own account
/// (« Mon compte » does that). The Direction has the same page for its structure (/Structure/DoubleFacteur).
/// </summary>
public sealed class DoubleFacteurModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, TimeProvider horloge) : PageModel
{
    public Utilisateur Compte { get; private set; } = null!;

    public string? Structure { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await ChargerAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        var resultat = await ReinitialisationsPages.ReinitialiserAsync(this, db, utilisateurs, horloge, Compte, annulation);
        if (resultat is not null) return resultat;
        return RedirectToPage("/Admin/Utilisateurs/Index");
    }

    private async Task<bool> ChargerAsync(Guid id)
    {
        if (await utilisateurs.FindByIdAsync(id.ToString()) is not { } compte) return false;
        Compte = compte;
        Structure = compte.StructureId is { } s
            ? await db.Structures.AsNoTracking().Where(x => x.Id == s).Select(x => x.Nom).FirstOrDefaultAsync()
            : null;
        return true;
    }
}

/// <summary>The reset's POST, shared by the administrator's page and the Direction's.</summary>
public static class ReinitialisationsPages
{
    public static async Task<IActionResult?> ReinitialiserAsync(PageModel page, ClauseDbContext db, UserManager<Utilisateur> utilisateurs,
        TimeProvider horloge, Utilisateur compte, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(compte);
        if (compte.Id == db.Contexte.UtilisateurId)
        {
            page.ModelState.AddModelError(string.Empty, "Votre propre double authentification se gère depuis « Mon compte ».");
            return page.Page();
        }
        if (!compte.TwoFactorEnabled && await utilisateurs.GetAuthenticatorKeyAsync(compte) is null)
        {
            page.ModelState.AddModelError(string.Empty, "Ce compte n'a pas de double authentification à réinitialiser.");
            return page.Page();
        }
        var resultat = await utilisateurs.ReinitialiserDoubleFacteurAsync(db, compte, db.Contexte.UtilisateurId ?? Guid.Empty, horloge.GetUtcNow(), annulation);
        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors) page.ModelState.AddModelError(string.Empty, erreur.Description);
            return page.Page();
        }
        page.TempData["Succes"] = $"La double authentification de {compte.NomComplet} est réinitialisée : ses sessions sont fermées ; "
            + "à sa prochaine connexion, son mot de passe suffira, ou Clause lui demandera d'enregistrer un nouvel appareil si elle lui est obligatoire.";
        return null;
    }
}
