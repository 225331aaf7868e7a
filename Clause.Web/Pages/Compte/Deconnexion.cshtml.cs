using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

public sealed class DeconnexionModel(SignInManager<Utilisateur> connexion) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await connexion.SignOutAsync();
        return RedirectToPage("/Compte/Connexion");
    }
}
