using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// Every error of a password form in one pass (issue 15 item 5): the account's password rules — Identity's own
/// validators as registered (length, variety, <see cref="ValidateurMotDePasse"/>), nothing written here — judge the typed
/// password beside <paramref name="cle"/> even when another field (the confirmation, a required one) is already wrong.
/// Nothing is changed: the page then sets the password only when no error remains. A field already in error (empty) is
/// not judged again.
/// </summary>
public static class ReglesMotDePasse
{
    public static async Task VerifierAsync(UserManager<Utilisateur> utilisateurs, Utilisateur compte, string? motDePasse, ModelStateDictionary etat,
        string cle)
    {
        ArgumentNullException.ThrowIfNull(utilisateurs);
        ArgumentNullException.ThrowIfNull(etat);
        if (string.IsNullOrEmpty(motDePasse) || etat.TryGetValue(cle, out var entree) && entree.Errors.Count > 0) return;
        foreach (var validateur in utilisateurs.PasswordValidators)
        {
            var resultat = await validateur.ValidateAsync(utilisateurs, compte, motDePasse);
            foreach (var erreur in resultat.Errors) etat.AddModelError(cle, erreur.Description);
        }
    }
}
