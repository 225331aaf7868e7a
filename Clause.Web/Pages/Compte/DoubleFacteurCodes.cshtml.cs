using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// My second factor, once enrolled: how many recovery codes are left, new recovery codes (the old ones stop working; the
/// new ones are shown in the POST's response only), and switching it off (the key and the codes are removed; an account
/// that must use a second factor is sent straight back to enrolment, to register a new device).
/// </summary>
[ConnexionRequise]
public sealed class DoubleFacteurCodesModel(UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, ClauseDbContext db) : PageModel
{
    public int CodesRestants { get; private set; }

    public IReadOnlyList<string>? Codes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        if (!compte.TwoFactorEnabled) return RedirectToPage("/Compte/DoubleFacteurInscription");
        CodesRestants = await utilisateurs.CountRecoveryCodesAsync(compte);
        return Page();
    }

    public async Task<IActionResult> OnPostRegenererAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        if (!compte.TwoFactorEnabled) return RedirectToPage("/Compte/DoubleFacteurInscription");
        Codes = [.. await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync(compte, GestionDoubleFacteur.NombreCodesRecuperation) ?? []];
        CodesRestants = Codes.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostDesactiverAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        if (!compte.TwoFactorEnabled) return RedirectToPage("/Compte/MonCompte");
        compte.DernierPasAuthentificateur = null;
        await utilisateurs.SetTwoFactorEnabledAsync(compte, false);
        await utilisateurs.ResetAuthenticatorKeyAsync(compte);
        await utilisateurs.RemoveAuthenticationTokenAsync(compte, CodesRecuperation.Fournisseur, CodesRecuperation.Nom);
        await db.FermerSessionsAsync(compte.Id, HttpContext.Items[MagasinSessions.CleSessionCourante] as Guid?);
        await connexion.RefreshSignInAsync(compte);
        var role = Droits.Role(User);
        if (await db.DoubleFacteurRequisAsync(role, compte.StructureId))
        {
            TempData["Succes"] = "L'ancien appareil ne fonctionne plus. La double authentification est obligatoire pour votre compte : enregistrez votre nouvel appareil.";
            return RedirectToPage("/Compte/DoubleFacteurInscription");
        }
        TempData["Succes"] = "La double authentification est désactivée : votre mot de passe suffit désormais pour vous connecter.";
        return RedirectToPage("/Compte/MonCompte");
    }
}
