using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// A signed-in user changes his or her password: the current one is required, the new one follows the Identity policy
/// of ComposeWeb (the sign-in's and the invitation's, French messages from DescripteurErreursFrancais). Identity gives
/// the account a new security stamp and every session of the account is deleted at once (MagasinSessions); this one gets
/// a fresh session with the new stamp (RefreshSignInAsync) and stays open.
/// </summary>
[ConnexionRequise]
public sealed class MotDePasseModel(UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, ClauseDbContext db) : PageModel
{
    public const string Succes = "Votre mot de passe est changé. Vos autres sessions ouvertes sont fermées.";

    public const string MessageActuelIncorrect = "Le mot de passe actuel est incorrect.";

    [BindProperty]
    public SaisieMotDePasse Saisie { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        // Every error in one pass: the current password and the rules of the new one are judged with the form's own
        // errors (a missing confirmation…); the password changes only when none remains.
        if (!string.IsNullOrEmpty(Saisie.MotDePasseActuel) && !await utilisateurs.CheckPasswordAsync(compte, Saisie.MotDePasseActuel))
            ModelState.AddModelError("Saisie.MotDePasseActuel", MessageActuelIncorrect);
        await ReglesMotDePasse.VerifierAsync(utilisateurs, compte, Saisie.NouveauMotDePasse, ModelState, "Saisie.NouveauMotDePasse");
        if (!ModelState.IsValid) return Page();
        var resultat = await utilisateurs.ChangePasswordAsync(compte, Saisie.MotDePasseActuel!, Saisie.NouveauMotDePasse!);
        if (!resultat.Succeeded)
        {
            // PasswordMismatch is the current password; the other Password* codes judge the new one.
            foreach (var erreur in resultat.Errors)
                ModelState.AddModelError(erreur.Code switch
                {
                    nameof(IdentityErrorDescriber.PasswordMismatch) => "Saisie.MotDePasseActuel",
                    _ when erreur.Code.StartsWith("Password", StringComparison.Ordinal) => "Saisie.NouveauMotDePasse",
                    _ => string.Empty,
                }, erreur.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? MessageActuelIncorrect : erreur.Description);
            return Page();
        }
        // Every other session of the account closes now (server-side rows); this one is renewed in place with the new stamp.
        await db.FermerSessionsAsync(compte.Id, HttpContext.Items[MagasinSessions.CleSessionCourante] as Guid?);
        await connexion.RefreshSignInAsync(compte);
        TempData["Succes"] = Succes;
        return RedirectToPage("/Compte/MonCompte");
    }
}

public sealed record SaisieMotDePasse
{
    [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
    [Display(Name = "Mot de passe actuel")]
    [StringLength(200, ErrorMessage = "Le mot de passe actuel ne doit pas dépasser 200 caractères.")]
    [SaisieSecrete]
    public string? MotDePasseActuel { get; set; }

    [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
    [Display(Name = "Nouveau mot de passe")]
    [SaisieSecrete]
    public string? NouveauMotDePasse { get; set; }

    [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
    [Display(Name = "Confirmation")]
    [Compare(nameof(NouveauMotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [SaisieSecrete]
    public string? Confirmation { get; set; }
}
