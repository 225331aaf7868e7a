using System.ComponentModel.DataAnnotations;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// Enrolment of an authenticator app (issue 16 item 4), from « Mon compte » — or forced, for an account that must use a
/// second factor (<see cref="FiltreDoubleFacteur"/> sends it here and nowhere else). The key is Identity's
/// (<c>GetAuthenticatorKeyAsync</c>, made with <c>ResetAuthenticatorKeyAsync</c> on the first visit), shown as a QR code
/// drawn on the server (QRCoder, a PNG in a data: address: the CSP allows <c>img-src 'self' data:</c>, no external
/// service) and as text in groups of 4. A correct code switches the second factor on, and the 10 recovery codes are
/// written in that POST's response only (never stored in clear elsewhere, never in TempData).
/// </summary>
[ConnexionRequise]
public sealed class DoubleFacteurInscriptionModel(UserManager<Utilisateur> utilisateurs, SignInManager<Utilisateur> connexion, ClauseDbContext db) : PageModel
{
    public const string Emetteur = "Clause";

    [BindProperty]
    public SaisieInscription Saisie { get; set; } = new();

    public string CleGroupee { get; private set; } = string.Empty;

    /// <summary>The QR code of the otpauth:// address, as a data: address of a PNG.</summary>
    public string ImageQr { get; private set; } = string.Empty;

    /// <summary>Set by the successful POST only: the recovery codes, shown once.</summary>
    public IReadOnlyList<string>? Codes { get; private set; }

    /// <summary>The account must use a second factor (its role or its structure's réglage): the page says why it is here.</summary>
    public bool Obligatoire { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        if (compte.TwoFactorEnabled) return RedirectToPage("/Compte/DoubleFacteurCodes");
        await PreparerAsync(compte);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await utilisateurs.GetUserAsync(User) is not { } compte) return Challenge();
        if (compte.TwoFactorEnabled) return RedirectToPage("/Compte/DoubleFacteurCodes");
        if (ModelState.IsValid)
        {
            if (Totp.Nettoyer(Saisie.Code) is not { } code)
                ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Code)}", "Le champ « Code » doit comporter 6 chiffres.");
            else if (!await utilisateurs.VerifyTwoFactorTokenAsync(compte, TokenOptions.DefaultAuthenticatorProvider, code))
                ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Code)}",
                    "Le code est incorrect ou a déjà servi : vérifiez que l'application a bien enregistré la clé ci-dessus, puis saisissez le code affiché maintenant.");
        }
        if (!ModelState.IsValid)
        {
            await PreparerAsync(compte);
            return Page();
        }
        // A new security stamp: the account's other sessions close (MagasinSessions); this one is renewed with the new
        // claims (no more « must enrol »).
        await utilisateurs.SetTwoFactorEnabledAsync(compte, true);
        Codes = [.. await utilisateurs.GenerateNewTwoFactorRecoveryCodesAsync(compte, GestionDoubleFacteur.NombreCodesRecuperation) ?? []];
        await db.FermerSessionsAsync(compte.Id, HttpContext.Items[MagasinSessions.CleSessionCourante] as Guid?);
        await connexion.RefreshSignInAsync(compte);
        return Page();
    }

    private async Task PreparerAsync(Utilisateur compte)
    {
        var cle = await utilisateurs.GetAuthenticatorKeyAsync(compte);
        if (string.IsNullOrEmpty(cle))
        {
            // Making the key changes the security stamp: this session is renewed in place, the others close.
            await utilisateurs.ResetAuthenticatorKeyAsync(compte);
            cle = await utilisateurs.GetAuthenticatorKeyAsync(compte);
            await connexion.RefreshSignInAsync(compte);
        }
        CleGroupee = Totp.Grouper(cle!);
        ImageQr = ImageQrCode(Totp.AdresseOtpAuth(Emetteur, compte.Email ?? compte.UserName ?? "compte", cle!));
        Obligatoire = User.HasClaim(c => c.Type == RevendicationsClause.DoubleFacteurAInscrire);
    }

    /// <summary>A PNG QR code (QRCoder, on the server) as a data: address; error correction level M.</summary>
    public static string ImageQrCode(string texte)
    {
        using var generateur = new QRCodeGenerator();
        using var donnees = generateur.CreateQrCode(texte, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(donnees).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}

public sealed record SaisieInscription
{
    [Required(ErrorMessage = "Saisissez le code affiché par l'application.")]
    [Display(Name = "Code")]
    [StringLength(20, ErrorMessage = "Le champ « Code » ne doit pas dépasser 20 caractères.")]
    [SaisieSecrete]
    public string? Code { get; set; }
}
