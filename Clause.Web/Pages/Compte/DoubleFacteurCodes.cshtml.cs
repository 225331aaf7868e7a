using System.ComponentModel.DataAnnotations;
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
/// that must use a second factor is sent straight back to enrolment, to register a new device). Both changes ask a code
/// of the second factor itself (<see cref="CodeConfirmeAsync"/>): the app's current code, or an unused recovery code
/// (which it consumes) — an open session alone does not weaken the account. Without a code, or with a wrong one, nothing
/// changes; a wrong code counts like a wrong password (5 failures lock the account for 15 minutes).
/// </summary>
[ConnexionRequise]
public sealed class DoubleFacteurCodesModel(UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, ClauseDbContext db) : PageModel
{
    public const string NomChamp = "Code de confirmation";
    public const string MessageCodeManquant = "Le champ « " + NomChamp + " » est obligatoire : saisissez le code à 6 chiffres affiché par votre application, ou un code de récupération.";
    public const string MessageCodeFaux = "Le champ « " + NomChamp + " » est incorrect, ou ce code a déjà servi : saisissez le code affiché maintenant par votre application, ou un code de récupération inutilisé.";
    public const string MessageVerrouille = "Trop de codes incorrects : votre compte est verrouillé pendant 15 minutes. Réessayez plus tard.";

    /// <summary>The handler that refused its code (« Regenerer » or « Desactiver »): its form shows the error by its field.</summary>
    public string? FormulaireRefuse { get; private set; }

    [BindProperty]
    public SaisieConfirmation Saisie { get; set; } = new();

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
        if (!await CodeConfirmeAsync(compte)) return await RefusAsync(compte, "Regenerer");
        Codes = [.. await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync(compte, GestionDoubleFacteur.NombreCodesRecuperation) ?? []];
        CodesRestants = Codes.Count;
        ModelState.Clear();
        Saisie = new();
        return Page();
    }

    public async Task<IActionResult> OnPostDesactiverAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        if (!compte.TwoFactorEnabled) return RedirectToPage("/Compte/MonCompte");
        if (!await CodeConfirmeAsync(compte)) return await RefusAsync(compte, "Desactiver");
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

    /// <summary>
    /// The code typed proves the second factor: 6 digits are checked as the app's code (a code serves once,
    /// <see cref="FournisseurAuthentificateur"/>), anything else as a recovery code (redeemed: it serves once too). A
    /// wrong code counts in Identity's access-failed count; a locked account is refused whatever it types.
    /// </summary>
    private async Task<bool> CodeConfirmeAsync(Utilisateur compte)
    {
        const string champ = nameof(Saisie) + "." + nameof(SaisieConfirmation.Code);
        var saisie = new string((Saisie.Code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (saisie.Length == 0)
        {
            ModelState.AddModelError(champ, MessageCodeManquant);
            return false;
        }
        if (await utilisateurs.IsLockedOutAsync(compte))
        {
            ModelState.AddModelError(champ, MessageVerrouille);
            return false;
        }
        var valable = saisie.Length <= SaisieConfirmation.LongueurMax && (Totp.Nettoyer(saisie) is { } code
            ? await utilisateurs.VerifyTwoFactorTokenAsync(compte, TokenOptions.DefaultAuthenticatorProvider, code)
            : (await utilisateurs.RedeemTwoFactorRecoveryCodeAsync(compte, saisie)).Succeeded);
        if (valable)
        {
            await utilisateurs.ResetAccessFailedCountAsync(compte);
            return true;
        }
        await utilisateurs.AccessFailedAsync(compte);
        ModelState.AddModelError(champ, await utilisateurs.IsLockedOutAsync(compte) ? MessageVerrouille : MessageCodeFaux);
        return false;
    }

    private async Task<PageResult> RefusAsync(Utilisateur compte, string formulaire)
    {
        FormulaireRefuse = formulaire; // the page never writes a typed code back
        CodesRestants = await utilisateurs.CountRecoveryCodesAsync(compte);
        return Page();
    }
}

/// <summary>The code that confirms a change of the second factor: the app's current code or a recovery code.</summary>
public sealed record SaisieConfirmation
{
    public const int LongueurMax = 40;

    [Display(Name = DoubleFacteurCodesModel.NomChamp)]
    [SaisieSecrete]
    public string? Code { get; set; }
}
