using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages;

// Shown for every status code, signed in or not, whatever the method of the failed request.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    public string Titre { get; private set; } = "Une erreur est survenue";

    public string Message { get; private set; } = "Réessayez dans un instant. Si le problème persiste, contactez votre administrateur.";

    public void OnGet(int? code) => Decrire(code);

    public void OnPost(int? code) => Decrire(code);

    private void Decrire(int? code)
    {
        switch (code)
        {
            case 404:
                Titre = "Page introuvable";
                Message = "La page ou l'enregistrement demandé n'existe pas, ou vous n'y avez pas accès.";
                break;
            case 400:
                Titre = "Requête refusée";
                // A request refused at the edge says what was wrong (HygieneRequetes: a NUL byte, too many fields).
                Message = HttpContext.Items[Infrastructure.HygieneRequetes.CleRaison] is string raison
                    ? raison + " Revenez à la page précédente et renvoyez le formulaire tel que la page le propose."
                    : "Le formulaire a expiré ou n'est pas valide. Rechargez la page et recommencez.";
                break;
            case 403:
                Titre = "Accès refusé";
                Message = "Votre rôle ne permet pas d'accéder à cette page.";
                break;
            case 429:
                Titre = "Trop de tentatives";
                Message = "Vous avez envoyé ce formulaire trop de fois en peu de temps. Attendez une minute, puis réessayez.";
                break;
        }
    }
}
