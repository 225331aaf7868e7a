using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// The page a reset mail links to (issue 16 item 3): the link (1 hour, « Reinitialisation » provider) is checked, the new
/// password goes through Identity's validators (ValidateurMotDePasse included) and the account gets a new security stamp
/// — the link cannot serve again — and every open session of the account is closed (MagasinSessions). A deactivated
/// account, an unknown id, an expired or used link: <see cref="MessageLienInvalide"/>, nothing changed.
/// </summary>
public sealed class ReinitialisationModel(UserManager<Utilisateur> utilisateurs, Reinitialisations reinitialisations, ClauseDbContext db,
    TimeProvider horloge) : PageModel
{
    public const string MessageLienInvalide = "Ce lien n'est plus valable : il a expiré (1 heure) ou a déjà servi. Demandez un nouveau lien depuis « Mot de passe oublié ? ».";

    public const string Succes = "Votre nouveau mot de passe est enregistré et vos sessions ouvertes sont fermées. Vous pouvez vous connecter.";

    [BindProperty]
    public SaisieReinitialisation Saisie { get; set; } = new();

    public void OnGet(Guid utilisateur, string? jeton)
    {
        Saisie.Utilisateur = utilisateur;
        Saisie.Jeton = jeton;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        var compte = await utilisateurs.FindByIdAsync(Saisie.Utilisateur.ToString());
        if (compte is null || !compte.Actif || string.IsNullOrEmpty(Saisie.Jeton) || !await reinitialisations.EstValableAsync(compte, Saisie.Jeton))
        {
            ModelState.AddModelError(string.Empty, MessageLienInvalide);
            return Page();
        }
        // Every error in one pass: the password's rules are judged with the form's own errors (a missing confirmation…).
        await ReglesMotDePasse.VerifierAsync(utilisateurs, compte, Saisie.MotDePasse, ModelState, "Saisie.MotDePasse");
        if (!ModelState.IsValid) return Page();
        await using var transaction = await db.Database.BeginTransactionAsync(annulation);
        // Identity sets a password through its own reset provider: the 1-hour link was checked above, this token lives a
        // moment. ResetPasswordAsync runs the password validators and gives the account a new security stamp.
        var interne = await utilisateurs.GeneratePasswordResetTokenAsync(compte);
        var resultat = await utilisateurs.ResetPasswordAsync(compte, interne, Saisie.MotDePasse!);
        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors)
                ModelState.AddModelError(erreur.Code.StartsWith("Password", StringComparison.Ordinal) ? "Saisie.MotDePasse" : string.Empty, erreur.Description);
            return Page();
        }
        // The link proves the mailbox: the address is confirmed, a pending invitation is accepted, a lockout is lifted.
        compte.EmailConfirmed = true;
        compte.InvitationAccepteeLe ??= horloge.GetUtcNow();
        compte.AccessFailedCount = 0;
        compte.LockoutEnd = null;
        var miseAJour = await utilisateurs.UpdateAsync(compte);
        if (!miseAJour.Succeeded)
        {
            foreach (var erreur in miseAJour.Errors) ModelState.AddModelError(string.Empty, erreur.Description);
            return Page();
        }
        await db.FermerSessionsAsync(compte.Id, annulation: annulation);
        await transaction.CommitAsync(annulation);
        TempData["Succes"] = Succes;
        return RedirectToPage("/Compte/Connexion");
    }
}

public sealed record SaisieReinitialisation
{
    public Guid Utilisateur { get; set; }

    public string? Jeton { get; set; }

    [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
    [Display(Name = "Nouveau mot de passe")]
    [SaisieSecrete]
    public string? MotDePasse { get; set; }

    [Required(ErrorMessage = "Confirmez le mot de passe.")]
    [Display(Name = "Confirmation")]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [SaisieSecrete]
    public string? Confirmation { get; set; }
}
