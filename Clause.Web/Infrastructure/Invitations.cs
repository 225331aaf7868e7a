using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Sends the invitation mail of an account: a password-reset token of the "Invitation" provider (7 days),
/// the absolute link to /Compte/Invitation, the French mail. Used when inviting, when sending again and for
/// the first administrator of an installation. The link's host is the configured public address
/// (Administration:UrlPublique) when there is one — never a Host header an attacker could forge — else the
/// current request's. The mail goes to the outbox (<see cref="BoiteEnvoi"/>), saved with the caller's transaction:
/// the account and its invitation are written together or not at all; the job "boite-envoi" sends it.
/// </summary>
public sealed class Invitations(UserManager<Utilisateur> utilisateurs, ClauseDbContext db, BoiteEnvoi boite, TimeProvider horloge,
    IOptions<JetonInvitationOptions> options, IHttpContextAccessor http, IConfiguration configuration)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private const string PageInvitation = "/Compte/Invitation";

    public const string LibelleSansStructure = "administration de Clause";

    /// <summary>The audit row's field when an invitation is sent again.</summary>
    public const string ChampJournal = "Invitation";

    public Task EnvoyerAsync(Utilisateur utilisateur, string? structure, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        // One link per security stamp (a new invitation changes it): the key names the link, so a retried save never
        // deposits it twice.
        return DeposerAsync(utilisateur, structure, Prefixe(utilisateur) + utilisateur.SecurityStamp, annulation);
    }

    /// <summary>
    /// The first administrator's invitation once more, at start-up, while they have never set a password (Demarrage).
    /// The security stamp is kept: the links already sent stay valid until they expire — a restart voids nothing — and
    /// the new mail carries one more valid link (its key is new at each start). Not while an invitation of theirs still waits in
    /// the outbox: a server restarting in a loop while the mail server is down does not pile mails up. False then.
    /// </summary>
    public async Task<bool> RenvoyerAuDemarrageAsync(Utilisateur utilisateur, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        var prefixe = Prefixe(utilisateur);
        if (await db.MessagesSortants.AnyAsync(m => m.CleIdempotence.StartsWith(prefixe) && m.Statut == StatutMessage.EnAttente, annulation))
            return false;
        await DeposerAsync(utilisateur, structure: null,
            $"{prefixe}{utilisateur.SecurityStamp}:demarrage:{Guid.NewGuid():N}", annulation);
        return true;
    }

    private static string Prefixe(Utilisateur utilisateur) => $"invitation:{utilisateur.Id:N}:";

    private async Task DeposerAsync(Utilisateur utilisateur, string? structure, string cle, CancellationToken annulation)
    {
        var jeton = await utilisateurs.GeneratePasswordResetTokenAsync(utilisateur);
        var lien = Lien(utilisateur.Id, jeton);
        var expireLe = TimeZoneInfo.ConvertTime(horloge.GetUtcNow() + options.Value.TokenLifespan, Paris);
        boite.Deposer(ModelesMail.Invitation(utilisateur.Email!, utilisateur.NomComplet, structure ?? LibelleSansStructure, lien, expireLe), cle);
        await db.SaveChangesAsync(annulation);
    }

    /// <summary>
    /// A new invitation: a new security stamp voids the links already sent (only the newest works), and the new mail is
    /// deposited in the same transaction — both or neither — with its audit row (<see cref="JournalComptes"/>).
    /// </summary>
    public async Task<IdentityResult> RenvoyerAsync(Utilisateur utilisateur, string? structure, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        await using var transaction = await db.Database.BeginTransactionAsync(annulation);
        var resultat = await utilisateurs.UpdateSecurityStampAsync(utilisateur);
        if (!resultat.Succeeded) return resultat;
        await EnvoyerAsync(utilisateur, structure, annulation);
        // Staff sent it again (administration, Direction, company page): who, when, in the audit trail (issue 16 item 3).
        await JournalComptes.JournaliserAsync(db, utilisateur, ChampJournal, "nouvelle invitation déposée dans la boîte d'envoi", horloge, annulation);
        await transaction.CommitAsync(annulation);
        return resultat;
    }

    private string Lien(Guid utilisateurId, string jeton)
    {
        var chemin = QueryHelpers.AddQueryString(PageInvitation, new Dictionary<string, string?>
        {
            ["utilisateur"] = utilisateurId.ToString(),
            ["jeton"] = jeton,
        });
        return LienAbsolu(configuration, BaseRequete(http.HttpContext), chemin);
    }

    /// <summary>The scheme, host and base path of the current request ("https://clause.exemple.fr"), null outside a request.</summary>
    public static string? BaseRequete(HttpContext? http) =>
        http is null ? null : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>
    /// An absolute link to a page of Clause: on the configured public address (Administration:UrlPublique) when there is
    /// one — never a Host header an attacker could forge — else on the request's (<paramref name="baseRequete"/>).
    /// </summary>
    public static string LienAbsolu(IConfiguration configuration, string? baseRequete, string chemin)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urlPublique = configuration["Administration:UrlPublique"];
        if (!string.IsNullOrWhiteSpace(urlPublique))
            return new Uri(new Uri(urlPublique), chemin).ToString();
        return (baseRequete ?? throw new InvalidOperationException("Lien hors requête HTTP : configurez Administration:UrlPublique.")) + chemin;
    }
}
