using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Sends the invitation mail of an account: a password-reset token of the "Invitation" provider (7 days),
/// the absolute link to /Compte/Invitation, the French mail. Used when inviting and when sending again.
/// </summary>
public sealed class Invitations(UserManager<Utilisateur> utilisateurs, IEnvoiMail mail, TimeProvider horloge,
    IOptions<JetonInvitationOptions> options, LinkGenerator liens, IHttpContextAccessor http)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public const string LibelleSansStructure = "administration de Clause";

    public async Task EnvoyerAsync(Utilisateur utilisateur, string? structure, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        var jeton = await utilisateurs.GeneratePasswordResetTokenAsync(utilisateur);
        var lien = liens.GetUriByPage(http.HttpContext ?? throw new InvalidOperationException("Invitation hors requête HTTP."),
                "/Compte/Invitation", handler: null, values: new { utilisateur = utilisateur.Id, jeton })
            ?? throw new InvalidOperationException("Lien d'invitation impossible à construire.");
        var expireLe = TimeZoneInfo.ConvertTime(horloge.GetUtcNow() + options.Value.TokenLifespan, Paris);
        await mail.EnvoyerAsync(ModelesMail.Invitation(utilisateur.Email!, utilisateur.NomComplet, structure ?? LibelleSansStructure, lien, expireLe), annulation);
    }
}
