using System.Security.Claims;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Securite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>Adds the user's structure, company or buyer to the sign-in cookie.</summary>
public sealed class FabriqueRevendications(UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
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
                Lire(utilisateur, RevendicationsClause.StructureId),
                Lire(utilisateur, RevendicationsClause.EntrepriseId),
                Lire(utilisateur, RevendicationsClause.DonneurOrdreId));
        }
        return suivant(http);
    }

    private static Guid? Lire(ClaimsPrincipal utilisateur, string type) =>
        Guid.TryParse(utilisateur.FindFirstValue(type), out var valeur) ? valeur : null;
}

/// <summary>Invitation links: a password-reset token valid 7 days (its own lifespan, not the default one).</summary>
public sealed class JetonInvitationProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<JetonInvitationOptions> options,
    Microsoft.Extensions.Logging.ILogger<DataProtectorTokenProvider<Utilisateur>> logger)
    : DataProtectorTokenProvider<Utilisateur>(dataProtectionProvider, options, logger);

public sealed class JetonInvitationOptions : DataProtectionTokenProviderOptions
{
    public JetonInvitationOptions()
    {
        Name = ComposeWeb.InvitationTokenProvider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
