using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Clause.Web.Api;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// The second step of sign-in (issue 16 item 4): after a correct password, an account with a second factor lands here
/// holding only Identity's short-lived « two-factor user » cookie — no session exists yet (<see cref="MagasinSessions"/>
/// opens one only when this step succeeds). It types the 6-digit code of its authenticator app, or one of its recovery
/// codes. A code serves once (<see cref="FournisseurAuthentificateur"/>); every wrong code or recovery code counts in
/// Identity's access-failed count, the same as a wrong password: five failures lock the account for 15 minutes, whatever
/// mix of passwords and codes (so 20 wrong codes never go through). The password being proved already, the lockout and
/// a deactivation are said plainly here.
/// </summary>
[EnableRateLimiting(LimitesDebit.Formulaires)]
public sealed class DoubleFacteurModel(SignInManager<Utilisateur> connexion, UserManager<Utilisateur> utilisateurs) : PageModel
{
    public const string MessageEchec = "Code incorrect, ou déjà utilisé : saisissez le code affiché maintenant par votre application.";
    public const string MessageEchecRecuperation = "Code de récupération incorrect, ou déjà utilisé.";
    public const string MessageExpire = "Votre connexion a expiré : saisissez de nouveau votre adresse e-mail et votre mot de passe.";

    [BindProperty]
    public SaisieDoubleFacteur Saisie { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True: the form asks a recovery code instead of the app's code.</summary>
    [BindProperty(SupportsGet = true, Name = "recuperation")]
    public bool Recuperation { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await connexion.GetTwoFactorAuthenticationUserAsync() is null) return Expire();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var utilisateur = await connexion.GetTwoFactorAuthenticationUserAsync();
        if (utilisateur is null) return Expire();
        if (!ModelState.IsValid) return Page();
        if (!utilisateur.Actif) return Echec(ConnexionModel.MessageDesactive);
        if (await utilisateurs.IsLockedOutAsync(utilisateur)) return Echec(ConnexionModel.MessageVerrouille);

        Microsoft.AspNetCore.Identity.SignInResult resultat;
        if (Recuperation)
        {
            var code = new string(Saisie.Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
            resultat = await connexion.TwoFactorRecoveryCodeSignInAsync(code);
            // Identity does not count a wrong recovery code: counted here, like a wrong password or app code.
            if (!resultat.Succeeded) await utilisateurs.AccessFailedAsync(utilisateur);
        }
        else
        {
            if (Totp.Nettoyer(Saisie.Code) is not { } code)
            {
                ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Code)}", "Le champ « Code » doit comporter 6 chiffres.");
                return Page();
            }
            resultat = await connexion.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        }
        if (resultat.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (resultat.IsLockedOut || await utilisateurs.IsLockedOutAsync(utilisateur)) return Echec(ConnexionModel.MessageVerrouille);
        return Echec(Recuperation ? MessageEchecRecuperation : MessageEchec);
    }

    /// <summary>No « two-factor user » cookie (expired after 5 minutes, or never signed in): the page says so and links to sign-in.</summary>
    public bool Expiree { get; private set; }

    private PageResult Expire()
    {
        Expiree = true;
        return Page();
    }

    private PageResult Echec(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}

public sealed record SaisieDoubleFacteur
{
    [Required(ErrorMessage = "Saisissez le code.")]
    [Display(Name = "Code")]
    [StringLength(40, ErrorMessage = "Le champ « Code » ne doit pas dépasser 40 caractères.")]
    [SaisieSecrete]
    public string? Code { get; set; }
}
