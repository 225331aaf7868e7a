using System.Security.Claims;
using System.Text;
using Clause.Domain.Commun;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Securite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Adds the user's structure, company or buyer to the sign-in cookie, and marks an account that must use a second factor
/// and has not enrolled yet (<see cref="RevendicationsClause.DoubleFacteurAInscrire"/>, read by <see cref="FiltreDoubleFacteur"/>).
/// The claims are made again at each security-stamp check (every minute), so a réglage switched on reaches open sessions then.
/// </summary>
public sealed class FabriqueRevendications(UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    Clause.Infrastructure.Persistence.ClauseDbContext db, IHttpContextAccessor requete)
    : UserClaimsPrincipalFactory<Utilisateur, IdentityRole<Guid>>(utilisateurs, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Utilisateur user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identite = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identite.AddClaim(new Claim(RevendicationsClause.NomComplet, user.NomComplet));
        if (user.StructureId is { } s) identite.AddClaim(new Claim(RevendicationsClause.StructureId, s.ToString()));
        if (user.EntrepriseId is { } e) identite.AddClaim(new Claim(RevendicationsClause.EntrepriseId, e.ToString()));
        if (user.DonneurOrdreId is { } d) identite.AddClaim(new Claim(RevendicationsClause.DonneurOrdreId, d.ToString()));
        // The roles are in the identity already; an API request (a personal access token) is never sent to enrolment.
        var role = identite.FindFirst(Options.ClaimsIdentity.RoleClaimType)?.Value;
        if (!user.TwoFactorEnabled && !(requete.HttpContext is { } http && Clause.Web.Api.MiddlewareApi.EstApi(http.Request))
            && await db.DoubleFacteurRequisAsync(role, user.StructureId).ConfigureAwait(false))
            identite.AddClaim(new Claim(RevendicationsClause.DoubleFacteurAInscrire, "true"));
        return identite;
    }
}

/// <summary>Fills the scoped <see cref="ContexteExecution"/> (tenant filter, audit) from the signed-in user.</summary>
public sealed class MiddlewareContexteExecution(RequestDelegate suivant)
{
    public Task InvokeAsync(HttpContext http, ContexteExecution contexte)
    {
        var utilisateur = http.User;
        if (utilisateur.Identity?.IsAuthenticated == true
            && Guid.TryParse(utilisateur.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            contexte.DefinirUtilisateur(id,
                utilisateur.FindFirstValue(RevendicationsClause.NomComplet) ?? utilisateur.Identity.Name ?? "?",
                Lire(utilisateur, RevendicationsClause.StructureId) is { } structureId ? StructureId.De(structureId) : null,
                Lire(utilisateur, RevendicationsClause.EntrepriseId) is { } entrepriseId ? EntrepriseId.De(entrepriseId) : null,
                Lire(utilisateur, RevendicationsClause.DonneurOrdreId) is { } donneurOrdreId ? DonneurOrdreId.De(donneurOrdreId) : null,
                utilisateur.FindFirstValue(RevendicationsClause.JetonNom));
        }
        return suivant(http);
    }

    private static Guid? Lire(ClaimsPrincipal utilisateur, string type) =>
        Guid.TryParse(utilisateur.FindFirstValue(type), out var valeur) ? valeur : null;
}

/// <summary>
/// Invitation links: a password-reset token valid 7 days (its own lifespan, not the default one).
/// </summary>
public sealed class JetonInvitationProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<JetonInvitationOptions> options,
    Microsoft.Extensions.Logging.ILogger<DataProtectorTokenProvider<Utilisateur>> logger,
    TimeProvider horloge)
    : JetonHorodateProvider<JetonInvitationOptions>(dataProtectionProvider, options, logger, horloge);

/// <summary>
/// « Mot de passe oublié » links (issue 16 item 3): valid 1 hour, their own Data Protection purpose (the provider's
/// name), so a reset link is no invitation link and the other way round. The security stamp in the token makes it
/// single-use: setting the password gives the account a new stamp.
/// </summary>
public sealed class JetonReinitialisationProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<JetonReinitialisationOptions> options,
    Microsoft.Extensions.Logging.ILogger<DataProtectorTokenProvider<Utilisateur>> logger,
    TimeProvider horloge)
    : JetonHorodateProvider<JetonReinitialisationOptions>(dataProtectionProvider, options, logger, horloge);

/// <summary>
/// Identity's <see cref="DataProtectorTokenProvider{TUser}"/> reads DateTimeOffset.UtcNow itself; this one
/// reads the <see cref="TimeProvider"/> of DI, so expiry follows the app's clock (and tests' fake clock).
/// Payload: creation time, user id, purpose, security stamp, protected by Data Protection; a new security
/// stamp (password chosen, account deactivated) voids the link, so it serves once.
/// </summary>
public abstract class JetonHorodateProvider<TOptions>(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<TOptions> options,
    Microsoft.Extensions.Logging.ILogger<DataProtectorTokenProvider<Utilisateur>> logger,
    TimeProvider horloge)
    : DataProtectorTokenProvider<Utilisateur>(dataProtectionProvider, options, logger)
    where TOptions : DataProtectionTokenProviderOptions, new()
{
    public override async Task<string> GenerateAsync(string purpose, UserManager<Utilisateur> manager, Utilisateur user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        using var flux = new MemoryStream();
        using (var ecrivain = new BinaryWriter(flux, Encoding.UTF8, leaveOpen: true))
        {
            ecrivain.Write(horloge.GetUtcNow().UtcTicks);
            ecrivain.Write(await manager.GetUserIdAsync(user).ConfigureAwait(false));
            ecrivain.Write(purpose ?? string.Empty);
            ecrivain.Write(await manager.GetSecurityStampAsync(user).ConfigureAwait(false) ?? string.Empty);
        }
        return Convert.ToBase64String(Protector.Protect(flux.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<Utilisateur> manager, Utilisateur user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        byte[] donnees;
        try
        {
            donnees = Protector.Unprotect(Convert.FromBase64String(token ?? string.Empty));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        using var lecteur = new BinaryReader(new MemoryStream(donnees), Encoding.UTF8);
        try
        {
            var creeLe = new DateTimeOffset(lecteur.ReadInt64(), TimeSpan.Zero);
            if (creeLe + Options.TokenLifespan < horloge.GetUtcNow()) return false;
            if (lecteur.ReadString() != await manager.GetUserIdAsync(user).ConfigureAwait(false)) return false;
            if (!string.Equals(lecteur.ReadString(), purpose, StringComparison.Ordinal)) return false;
            var tampon = lecteur.ReadString();
            return lecteur.PeekChar() == -1
                && string.Equals(tampon, await manager.GetSecurityStampAsync(user).ConfigureAwait(false) ?? string.Empty, StringComparison.Ordinal);
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }
}

public sealed class JetonInvitationOptions : DataProtectionTokenProviderOptions
{
    public JetonInvitationOptions()
    {
        Name = ComposeWeb.InvitationTokenProvider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

public sealed class JetonReinitialisationOptions : DataProtectionTokenProviderOptions
{
    public JetonReinitialisationOptions()
    {
        Name = ComposeWeb.ReinitialisationTokenProvider;
        TokenLifespan = TimeSpan.FromHours(1);
    }
}
