using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// The sign-in cookie's ticket store (<see cref="CookieAuthenticationOptions.SessionStore"/>): one
/// <see cref="SessionConnexion"/> row per sign-in, the cookie carrying only its random key. A request is authenticated
/// only while its row exists, is within 12 hours of the sign-in and its idle timeout, and carries the account's current
/// security stamp on an active account — all checked in the one query that reads the ticket. So sign-out, closing a
/// session from « Mon compte », a deactivation or a new password end sessions at once, not at the next stamp check.
/// A singleton (the cookie options hold it): each call opens its own scope and context.
/// </summary>
public sealed class MagasinSessions(IServiceScopeFactory portees, TimeProvider horloge, IOptions<IdentityOptions> identite) : ITicketStore
{
    /// <summary>The key of <see cref="HttpContext.Items"/> holding the current request's session id (« Mon compte » marks it).</summary>
    public const string CleSessionCourante = "clause:session";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var utilisateurId = Guid.Parse(ticket.Principal.FindFirstValue(identite.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("Un ticket de connexion sans identifiant d'utilisateur."));
        var cle = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var maintenant = horloge.GetUtcNow();
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        var inactivite = SessionConnexion.InactiviteParDefautMinutes;
        if (Guid.TryParse(ticket.Principal.FindFirstValue(RevendicationsClause.StructureId), out var structure))
        {
            var structureId = StructureId.De(structure);
            inactivite = await db.Reglages.IgnoreQueryFilters([ClauseDbContext.FiltreStructure]).TagWith(ClauseDbContext.LectureToutesStructures)
                .Where(r => r.StructureId == structureId).Select(r => (int?)r.InactiviteSessionMinutes)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? inactivite;
        }
        // The account's ended sessions go when it opens a new one: the table holds open sessions, not a history.
        await db.SessionsConnexion.Where(s => s.UtilisateurId == utilisateurId && s.ExpireLe <= maintenant)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var session = SessionConnexion.Ouvrir(utilisateurId, Empreinte(cle), TicketSerializer.Default.Serialize(ticket), Tampon(ticket),
            maintenant, inactivite, SessionConnexion.Famille(httpContext?.Request.Headers.UserAgent.ToString()));
        db.SessionsConnexion.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (httpContext is not null) httpContext.Items[CleSessionCourante] = session.Id;
        return cle;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>
    /// A refreshed ticket (the stamp check every minute, or a sign-in over an open session such as RefreshSignInAsync after
    /// a new password): new claims and stamp under the same key; the creation and the absolute end stay.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var empreinte = Empreinte(key);
        var octets = TicketSerializer.Default.Serialize(ticket);
        var tampon = Tampon(ticket);
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        await db.SessionsConnexion.Where(s => s.Empreinte == empreinte)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, octets).SetProperty(x => x.Tampon, tampon), cancellationToken).ConfigureAwait(false);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var empreinte = Empreinte(key);
        var maintenant = horloge.GetUtcNow();
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        var session = await (
                from s in db.SessionsConnexion
                where s.Empreinte == empreinte
                join u in db.Users on s.UtilisateurId equals u.Id
                select new { s.Id, s.Ticket, s.DerniereActiviteLe, s.ExpireLe, s.InactiviteMinutes, Valide = u.Actif && u.SecurityStamp == s.Tampon })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (session is null) return null;
        if (!session.Valide || !SessionConnexion.Ouverte(session.DerniereActiviteLe, session.ExpireLe, session.InactiviteMinutes, maintenant))
        {
            await db.SessionsConnexion.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (maintenant - session.DerniereActiviteLe >= SessionConnexion.PrecisionActivite)
            await db.SessionsConnexion.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DerniereActiviteLe, maintenant), cancellationToken).ConfigureAwait(false);
        if (httpContext is not null) httpContext.Items[CleSessionCourante] = session.Id;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var empreinte = Empreinte(key);
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        await db.SessionsConnexion.Where(s => s.Empreinte == empreinte).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Tampon(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identite.Value.ClaimsIdentity.SecurityStampClaimType) ?? string.Empty;

    private static string Empreinte(string cle) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cle))).ToLower(CultureInfo.InvariantCulture);
}

/// <summary>Closing sessions outside the cookie handler (deactivation, new password, « Mon compte »).</summary>
public static class FermetureSessions
{
    /// <summary>
    /// Deletes every session of the account but <paramref name="sauf"/> (all their cookies stop at their next request).
    /// The session kept is the caller's own, which the cookie handler then renews in place with the new security stamp.
    /// </summary>
    public static Task<int> FermerSessionsAsync(this ClauseDbContext db, Guid utilisateurId, Guid? sauf = null, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SessionsConnexion.Where(s => s.UtilisateurId == utilisateurId && s.Id != sauf).ExecuteDeleteAsync(annulation);
    }
}
