using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

public sealed class ConnexionModel(SignInManager<Utilisateur> connexion, UserManager<Utilisateur> utilisateurs) : PageModel
{
    public const string MessageEchec = "Adresse e-mail ou mot de passe incorrect.";
    public const string MessageVerrouille = "Trop de tentatives : ce compte est verrouillé pendant 15 minutes.";
    public const string MessageDesactive = "Ce compte est désactivé. Contactez votre administrateur.";

    [BindProperty]
    public SaisieConnexion Saisie { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var utilisateur = await utilisateurs.FindByEmailAsync(Saisie.Email!);
        if (utilisateur is { Actif: false })
        {
            ModelState.AddModelError(string.Empty, MessageDesactive);
            return Page();
        }
        var resultat = await connexion.PasswordSignInAsync(Saisie.Email!, Saisie.MotDePasse!, isPersistent: false, lockoutOnFailure: true);
        if (resultat.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(string.Empty, resultat.IsLockedOut ? MessageVerrouille : MessageEchec);
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
    public string? MotDePasse { get; set; }
}
