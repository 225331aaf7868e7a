using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Sends the invitation mail of an account: a password-reset token of the "Invitation" provider (7 days),
/// the absolute link to /Compte/Invitation, the French mail. Used when inviting, when sending again and for
/// the first administrator of an installation. The link's host is the configured public address
/// (Administration:UrlPublique) when there is one — never a Host header an attacker could forge — else the
/// current request's.
/// </summary>
public sealed class Invitations(UserManager<Utilisateur> utilisateurs, IEnvoiMail mail, TimeProvider horloge,
    IOptions<JetonInvitationOptions> options, IHttpContextAccessor http, IConfiguration configuration)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private const string PageInvitation = "/Compte/Invitation";

    public const string LibelleSansStructure = "administration de Clause";

    public async Task EnvoyerAsync(Utilisateur utilisateur, string? structure, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        var jeton = await utilisateurs.GeneratePasswordResetTokenAsync(utilisateur);
        var lien = Lien(utilisateur.Id, jeton);
        var expireLe = TimeZoneInfo.ConvertTime(horloge.GetUtcNow() + options.Value.TokenLifespan, Paris);
        await mail.EnvoyerAsync(ModelesMail.Invitation(utilisateur.Email!, utilisateur.NomComplet, structure ?? LibelleSansStructure, lien, expireLe), annulation);
    }

    private string Lien(Guid utilisateurId, string jeton)
    {
        var chemin = QueryHelpers.AddQueryString(PageInvitation, new Dictionary<string, string?>
        {
            ["utilisateur"] = utilisateurId.ToString(),
            ["jeton"] = jeton,
        });
        var urlPublique = configuration["Administration:UrlPublique"];
        if (!string.IsNullOrWhiteSpace(urlPublique))
            return new Uri(new Uri(urlPublique), chemin).ToString();
        var requete = (http.HttpContext ?? throw new InvalidOperationException("Invitation hors requête HTTP : configurez Administration:UrlPublique.")).Request;
        return $"{requete.Scheme}://{requete.Host}{requete.PathBase}{chemin}";
    }
}
