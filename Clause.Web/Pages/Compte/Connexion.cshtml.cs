using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// Sign-in that tells an attacker nothing (issue 16 item 2): every failure answers <see cref="MessageEchec"/> with the same
/// status, and every attempt hashes once — against a dummy hash for an unknown address. That an account is locked out or
/// deactivated is said only after its correct password. Five wrong passwords lock the account for 15 minutes (Identity);
/// the POSTs are limited per IP address and per account (Clause.Web/Api/LimitesDebit.cs, 429 page in French).
/// </summary>
public sealed class ConnexionModel(SignInManager<Utilisateur> connexion, UserManager<Utilisateur> utilisateurs, IPasswordHasher<Utilisateur> hacheur) : PageModel
{
    public const string MessageEchec = "Adresse e-mail ou mot de passe incorrect.";
    public const string MessageVerrouille = "Trop de tentatives : ce compte est verrouillé pendant 15 minutes.";
    public const string MessageDesactive = "Ce compte est désactivé. Contactez votre administrateur.";

    // The hash an unknown address is checked against, so that it costs what a known one does (computed once).
    private static readonly Lazy<(Utilisateur Compte, string Empreinte)> Factice = new(() =>
    {
        var compte = new Utilisateur { UserName = "factice" };
        return (compte, new PasswordHasher<Utilisateur>().HashPassword(compte, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
    });

    [BindProperty]
    public SaisieConnexion Saisie { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var utilisateur = await utilisateurs.FindByEmailAsync(Saisie.Email!);
        if (utilisateur is null)
        {
            hacheur.VerifyHashedPassword(Factice.Value.Compte, Factice.Value.Empreinte, Saisie.MotDePasse!);
            return Echec(MessageEchec);
        }
        // Deactivated or locked out: the password is checked all the same (no counting), and the reason told only if it is right.
        if (!utilisateur.Actif || await utilisateurs.IsLockedOutAsync(utilisateur))
        {
            var juste = await utilisateurs.CheckPasswordAsync(utilisateur, Saisie.MotDePasse!);
            return Echec(!juste ? MessageEchec : utilisateur.Actif ? MessageVerrouille : MessageDesactive);
        }
        var resultat = await connexion.PasswordSignInAsync(utilisateur, Saisie.MotDePasse!, isPersistent: false, lockoutOnFailure: true);
        if (resultat.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        // The password is right and the account has a second factor: no session yet, the code is asked (DoubleFacteur).
        if (resultat.RequiresTwoFactor)
            return RedirectToPage("/Compte/DoubleFacteur", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        // A fifth wrong password locks the account, and still answers as a wrong password.
        return Echec(MessageEchec);
    }

    private PageResult Echec(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}

public sealed record SaisieConnexion
{
    [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
    [Display(Name = "Adresse e-mail")]
    [StringLength(254, ErrorMessage = "L'adresse e-mail ne doit pas dépasser 254 caractères.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [Display(Name = "Mot de passe")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    [SaisieSecrete]
    public string? MotDePasse { get; set; }
}
