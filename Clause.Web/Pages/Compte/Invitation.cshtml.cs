using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

/// <summary>The page an invitation mail links to: the invited user chooses a password (link valid 7 days).</summary>
public sealed class InvitationModel(UserManager<Utilisateur> utilisateurs, TimeProvider horloge) : PageModel
{
    [BindProperty]
    public SaisieInvitation Saisie { get; set; } = new();

    public void OnGet(Guid utilisateur, string? jeton)
    {
        Saisie.Utilisateur = utilisateur;
        Saisie.Jeton = jeton;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var utilisateur = await utilisateurs.FindByIdAsync(Saisie.Utilisateur.ToString());
        if (utilisateur is null || !utilisateur.Actif || string.IsNullOrEmpty(Saisie.Jeton))
        {
            ModelState.AddModelError(string.Empty, new DescripteurErreursFrancais().InvalidToken().Description);
            return Page();
        }
        // Every error in one pass: the password's rules are judged with the form's own errors (a missing confirmation…).
        await ReglesMotDePasse.VerifierAsync(utilisateurs, utilisateur, Saisie.MotDePasse, ModelState, "Saisie.MotDePasse");
        if (!ModelState.IsValid) return Page();
        var resultat = await utilisateurs.ResetPasswordAsync(utilisateur, Saisie.Jeton, Saisie.MotDePasse!);
        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors)
                ModelState.AddModelError(erreur.Code.StartsWith("Password", StringComparison.Ordinal) ? "Saisie.MotDePasse" : string.Empty, erreur.Description);
            return Page();
        }
        utilisateur.EmailConfirmed = true;
        utilisateur.InvitationAccepteeLe ??= horloge.GetUtcNow();
        await utilisateurs.UpdateAsync(utilisateur);
        TempData["Succes"] = "Votre mot de passe est enregistré. Vous pouvez vous connecter.";
        return RedirectToPage("/Compte/Connexion");
    }
}

public sealed record SaisieInvitation
{
    public Guid Utilisateur { get; set; }

    public string? Jeton { get; set; }

    [Required(ErrorMessage = "Saisissez un mot de passe.")]
    [Display(Name = "Nouveau mot de passe")]
    [SaisieSecrete]
    public string? MotDePasse { get; set; }

    [Required(ErrorMessage = "Confirmez le mot de passe.")]
    [Display(Name = "Confirmation")]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [SaisieSecrete]
    public string? Confirmation { get; set; }
}
