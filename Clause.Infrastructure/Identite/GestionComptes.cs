using Microsoft.AspNetCore.Identity;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// The account operations of the administration pages. Each ends with a new security stamp where access
/// changes: existing cookies stop within the validation interval and pending invitation links die.
/// </summary>
public static class GestionComptes
{
    /// <summary>
    /// Creates an invited account: no password (the invitation link sets it), locked-out-able, with its role.
    /// The caller runs it in a transaction with the invitation mail so that a failure leaves nothing behind.
    /// </summary>
    public static async Task<IdentityResult> CreerInviteAsync(this UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole<Guid>> roles,
        Utilisateur utilisateur, string role)
    {
        ArgumentNullException.ThrowIfNull(utilisateurs);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(utilisateur);
        // Roles are reference data: created on first use so a fresh installation needs no seeding step.
        if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
        {
            var creation = await roles.CreateAsync(new IdentityRole<Guid>(role)).ConfigureAwait(false);
            if (!creation.Succeeded) return creation;
        }
        utilisateur.LockoutEnabled = true;
        var resultat = await utilisateurs.CreateAsync(utilisateur).ConfigureAwait(false);
        return resultat.Succeeded ? await utilisateurs.AddToRoleAsync(utilisateur, role).ConfigureAwait(false) : resultat;
    }

    /// <summary>The account can no longer sign in; its open sessions and invitation links stop working.</summary>
    public static Task<IdentityResult> DesactiverAsync(this UserManager<Utilisateur> utilisateurs, Utilisateur utilisateur)
    {
        ArgumentNullException.ThrowIfNull(utilisateurs);
        ArgumentNullException.ThrowIfNull(utilisateur);
        utilisateur.Actif = false;
        utilisateur.LockoutEnabled = true;
        utilisateur.LockoutEnd = DateTimeOffset.MaxValue;
        return utilisateurs.UpdateSecurityStampAsync(utilisateur);
    }

    /// <summary>The account may sign in again (with its password, or through a new invitation if it has none).</summary>
    public static Task<IdentityResult> ReactiverAsync(this UserManager<Utilisateur> utilisateurs, Utilisateur utilisateur)
    {
        ArgumentNullException.ThrowIfNull(utilisateurs);
        ArgumentNullException.ThrowIfNull(utilisateur);
        utilisateur.Actif = true;
        utilisateur.LockoutEnd = null;
        utilisateur.AccessFailedCount = 0;
        return utilisateurs.UpdateSecurityStampAsync(utilisateur);
    }
}
