using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// The account side of two-factor sign-in (issue 16 item 4, docs/architecture.md « Connexion »): whether an account must
/// use it (<see cref="DoubleFacteur.Requis"/> with its structure's réglage), and the reset of a lost device.
/// </summary>
public static class GestionDoubleFacteur
{
    public const int NombreCodesRecuperation = 10;

    /// <summary>
    /// Whether an account of <paramref name="role"/> in <paramref name="structure"/> must sign in with a second factor: the
    /// role alone decides, but for the roles the réglage covers (one query then, only then).
    /// </summary>
    public static async Task<bool> DoubleFacteurRequisAsync(this ClauseDbContext db, string? role, Domain.Commun.StructureId? structure,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (DoubleFacteur.Requis(role, tousRolesDuPersonnel: false)) return true;
        if (!DoubleFacteur.Requis(role, tousRolesDuPersonnel: true) || structure is not { } structureId) return false;
        // Read at sign-in (and at each refresh of the claims) for the account's own structure, whoever asks.
        var tous = await db.Reglages.IgnoreQueryFilters([ClauseDbContext.FiltreStructure]).TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(r => r.StructureId == structureId).Select(r => (bool?)r.DoubleFacteurTousRoles)
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false) ?? false;
        return DoubleFacteur.Requis(role, tous);
    }

    /// <summary>
    /// The owner lost the device and the recovery codes: the second factor is switched off, the key replaced (the old
    /// device's codes stop working), the recovery codes removed, and every session of the account closed (new security
    /// stamp). An account that must use a second factor is sent to enrolment at its next sign-in. Recorded as a
    /// <see cref="ReinitialisationDoubleFacteur"/> (audit trail) in the same transaction.
    /// </summary>
    public static async Task<IdentityResult> ReinitialiserDoubleFacteurAsync(this UserManager<Utilisateur> utilisateurs, ClauseDbContext db,
        Utilisateur utilisateur, Guid par, DateTimeOffset le, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateurs);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(utilisateur);
        await using var transaction = await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
        db.ReinitialisationsDoubleFacteur.Add(ReinitialisationDoubleFacteur.Enregistrer(utilisateur.Id, par, le));
        utilisateur.DernierPasAuthentificateur = null;
        var resultat = await utilisateurs.SetTwoFactorEnabledAsync(utilisateur, false).ConfigureAwait(false);
        if (resultat.Succeeded) resultat = await utilisateurs.ResetAuthenticatorKeyAsync(utilisateur).ConfigureAwait(false);
        if (resultat.Succeeded)
            resultat = await utilisateurs.RemoveAuthenticationTokenAsync(utilisateur, CodesRecuperation.Fournisseur, CodesRecuperation.Nom).ConfigureAwait(false);
        if (!resultat.Succeeded) return resultat;
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        await db.FermerSessionsAsync(utilisateur.Id, annulation: annulation).ConfigureAwait(false);
        await transaction.CommitAsync(annulation).ConfigureAwait(false);
        return resultat;
    }
}

/// <summary>Where Identity's user store keeps the authenticator key and the recovery codes (AspNetUserTokens).</summary>
public static class CodesRecuperation
{
    public const string Fournisseur = "[AspNetUserStore]";
    public const string Nom = "RecoveryCodes";
    public const string NomCle = "AuthenticatorKey";
}
