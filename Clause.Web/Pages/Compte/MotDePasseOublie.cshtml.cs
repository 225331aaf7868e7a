using System.ComponentModel.DataAnnotations;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// « Mot de passe oublié ? » (issue 16 item 3): the address typed is queued (<see cref="FileDemandesReinitialisation"/>)
/// and the answer is always <see cref="MessageEnvoye"/>, after the same redirect — whether an account has that address,
/// is deactivated or does not exist, the request does the same work and says the same thing. The worker deposits the
/// 1-hour link in the outbox for an active account only. POSTs limited per IP address and per address typed
/// (Clause.Web/Api/LimitesDebit.cs, French 429 page).
/// </summary>
public sealed class MotDePasseOublieModel(FileDemandesReinitialisation file) : PageModel
{
    public const string MessageEnvoye = "Si un compte actif correspond à cette adresse, un e-mail avec un lien pour choisir un nouveau mot de passe "
        + "est parti dans la boîte d'envoi : il arrive dans quelques minutes et le lien reste valable 1 heure. Pensez à regarder vos courriers indésirables.";

    [BindProperty]
    public SaisieMotDePasseOublie Saisie { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "demande")]
    public string? Demande { get; set; }

    public bool Envoyee => Demande == "envoyee";

    public void OnGet() { }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid) return Page();
        file.Deposer(new DemandeReinitialisation(Saisie.Email!.Trim(), Invitations.BaseRequete(HttpContext)));
        return RedirectToPage("/Compte/MotDePasseOublie", new { demande = "envoyee" });
    }
}

public sealed record SaisieMotDePasseOublie
{
    [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
    [Display(Name = "Adresse e-mail")]
    [StringLength(254, ErrorMessage = "L'adresse e-mail ne doit pas dépasser 254 caractères.")]
    [AdresseEmail]
    public string? Email { get; set; }
}
