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

    /// <summary>Motive written on the tokens of a deactivated account (shown in the token lists).</summary>
    public const string MotifDesactivation = "compte désactivé";

    /// <summary>
    /// The account can no longer sign in; its open sessions are deleted (<see cref="MagasinSessions"/>), its invitation links stop working, and its personal access
    /// tokens are revoked for good (reactivating the account does not revive them). The tokens go first, before the
    /// entity is touched, so their save holds nothing else; should the account's save then fail, the API is already
    /// closed — the safe side. Both run in one transaction: the account and its tokens are closed together, or neither is.
    /// </summary>
    public static async Task<IdentityResult> DesactiverAsync(this UserManager<Utilisateur> utilisateurs, JetonsAcces jetons, Utilisateur utilisateur,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateurs);
        ArgumentNullException.ThrowIfNull(jetons);
        ArgumentNullException.ThrowIfNull(utilisateur);
        await using var transaction = await jetons.Base.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
        await jetons.RevoquerTousAsync(utilisateur.Id, MotifDesactivation, annulation).ConfigureAwait(false);
        utilisateur.Actif = false;
        utilisateur.LockoutEnabled = true;
        utilisateur.LockoutEnd = DateTimeOffset.MaxValue;
        var resultat = await utilisateurs.UpdateSecurityStampAsync(utilisateur).ConfigureAwait(false);
        // Its server-side sessions go in the same transaction: every cookie of the account stops at its next request.
        if (resultat.Succeeded) await jetons.Base.FermerSessionsAsync(utilisateur.Id, annulation: annulation).ConfigureAwait(false);
        if (resultat.Succeeded) await transaction.CommitAsync(annulation).ConfigureAwait(false);
        return resultat;
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
