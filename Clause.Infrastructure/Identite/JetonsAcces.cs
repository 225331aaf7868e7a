using System.Security.Cryptography;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Identite;

/// <summary>A token just created: <see cref="Secret"/> is shown to its owner once and never stored.</summary>
public sealed record JetonCree(JetonAcces Jeton, string Secret);

/// <summary>Why a presented token was refused (the 401's French detail).</summary>
public enum RefusJeton
{
    Format,
    Inconnu,
    Expire,
    Revoque,
    CompteInactif,
}

/// <summary>The outcome of presenting a token: its user and token, or the refusal.</summary>
public sealed record AuthentificationJetonResultat(Utilisateur? Utilisateur, JetonAcces? Jeton, RefusJeton? Refus)
{
    public static string Message(RefusJeton refus) => refus switch
    {
        RefusJeton.Format => "Le jeton n'a pas le format d'un jeton Clause (clause_pat_…).",
        RefusJeton.Expire => "Ce jeton a expiré : créez-en un nouveau depuis « Mon compte ».",
        RefusJeton.Revoque => "Ce jeton a été révoqué.",
        RefusJeton.CompteInactif => "Le compte de ce jeton est désactivé ou ses droits ont changé.",
        _ => "Ce jeton n'est pas reconnu.",
    };
}

/// <summary>
/// Personal access tokens: creation (256-bit random secret, only its SHA-256 stored), authentication of a presented
/// token, revocation. The one place that knows the token format.
/// </summary>
public sealed class JetonsAcces(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, TimeProvider horloge)
{
    public const string Prefixe = "clause_pat_";

    /// <summary>"clause_pat_" + 43 base64url characters (32 bytes).</summary>
    public const int Longueur = 54;

    private const int LongueurPrefixeVisible = 17;

    /// <summary>The roles that may hold a token (DOMAIN.md §11); never the administrator.</summary>
    public static readonly IReadOnlyList<string> RolesAutorises = [Roles.Direction, Roles.Facilitateur, Roles.Entreprise, Roles.DonneurOrdre];

    /// <summary>The context the tokens are saved through (the account operations share its transaction).</summary>
    internal ClauseDbContext Base => db;

    public static string Empreinte(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The expiry offered by default: 90 days from today.</summary>
    public DateOnly ExpirationParDefaut() =>
        DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime).AddDays(JetonAcces.DureeParDefautJours);

    /// <summary>
    /// Creates a token for <paramref name="utilisateur"/>, valid until the end of <paramref name="expireLe"/> (UTC) —
    /// tomorrow at the earliest, one year at the latest. Throws <see cref="RegleMetierException"/> naming the field.
    /// </summary>
    public async Task<JetonCree> CreerAsync(Utilisateur utilisateur, string? nom, DateOnly expireLe, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        var roles = await utilisateurs.GetRolesAsync(utilisateur).ConfigureAwait(false);
        if (!utilisateur.Actif || roles.Count != 1 || !RolesAutorises.Contains(roles[0]) || utilisateur.StructureId is null)
            throw new RegleMetierException(string.Empty, "Votre rôle ne permet pas de créer de jeton d'accès à l'API.");
        if (RefusNom(nom) is { } refusNom) throw refusNom;
        if (RefusExpiration(expireLe) is { } refusExpiration) throw refusExpiration;
        nom = nom!.Trim();
        var maintenant = horloge.GetUtcNow();

        var secret = Prefixe + Base64Url(RandomNumberGenerator.GetBytes(32));
        var jeton = JetonAcces.Creer(utilisateur, roles[0], nom, secret[..LongueurPrefixeVisible], Empreinte(secret), maintenant,
            new DateTimeOffset(expireLe.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        db.JetonsAcces.Add(jeton);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return new JetonCree(jeton, secret);
    }

    /// <summary>
    /// Why <paramref name="nom"/> cannot name a token (empty, too long), or null. Public so that a form shows this refusal
    /// and <see cref="RefusExpiration"/>'s beside their fields in one pass; <see cref="CreerAsync"/> applies both.
    /// </summary>
    public static RegleMetierException? RefusNom(string? nom)
    {
        nom = nom?.Trim();
        if (string.IsNullOrEmpty(nom))
            return new RegleMetierException("Nom", "Le nom du jeton est obligatoire (par exemple « Logiciel de paie »).");
        if (nom.Length > JetonAcces.NomLongueurMax)
            return new RegleMetierException("Nom", $"Le nom du jeton ne doit pas dépasser {JetonAcces.NomLongueurMax} caractères.");
        return null;
    }

    /// <summary>Why <paramref name="expireLe"/> cannot be a token's expiry (not tomorrow to one year from today, UTC), or null.</summary>
    public RegleMetierException? RefusExpiration(DateOnly expireLe)
    {
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        return expireLe <= aujourdhui || expireLe > aujourdhui.AddYears(1)
            ? new RegleMetierException("ExpireLe", $"La date d'expiration doit être comprise entre le {aujourdhui.AddDays(1):dd/MM/yyyy} et le {aujourdhui.AddYears(1):dd/MM/yyyy}.")
            : null;
    }

    /// <summary>
    /// The user and token of a presented secret, or why it is refused. A token whose user lost the rights it was created
    /// with (role, structure, company, buyer) is revoked on the spot. Records the day of use (one write per day at most).
    /// Reads across structures: no user is known yet.
    /// </summary>
    public async Task<AuthentificationJetonResultat> AuthentifierAsync(string secret, CancellationToken annulation = default)
    {
        if (secret.Length != Longueur || !secret.StartsWith(Prefixe, StringComparison.Ordinal))
            return Refus(RefusJeton.Format);
        var empreinte = Empreinte(secret);
        var jeton = await db.JetonsAcces.IgnoreQueryFilters().FirstOrDefaultAsync(j => j.Empreinte == empreinte, annulation).ConfigureAwait(false);
        if (jeton is null) return Refus(RefusJeton.Inconnu);
        var maintenant = horloge.GetUtcNow();
        if (jeton.RevoqueLe is not null) return Refus(RefusJeton.Revoque);
        if (maintenant >= jeton.ExpireLe) return Refus(RefusJeton.Expire);

        var utilisateur = await utilisateurs.FindByIdAsync(jeton.UtilisateurId.ToString()).ConfigureAwait(false);
        if (utilisateur is null || !utilisateur.Actif || utilisateur.LockoutEnd > maintenant
            || !jeton.DroitsInchanges(utilisateur, await utilisateurs.GetRolesAsync(utilisateur).ConfigureAwait(false)))
        {
            jeton.Revoquer(maintenant, "compte désactivé ou droits modifiés");
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            return Refus(RefusJeton.CompteInactif);
        }

        var aujourdhui = DateOnly.FromDateTime(maintenant.UtcDateTime);
        if (jeton.DerniereUtilisationLe != aujourdhui)
        {
            // A direct update: a use is not a change of the token worth an audit row.
            await db.JetonsAcces.IgnoreQueryFilters().Where(j => j.Id == jeton.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.DerniereUtilisationLe, aujourdhui), annulation).ConfigureAwait(false);
        }
        return new AuthentificationJetonResultat(utilisateur, jeton, null);
    }

    /// <summary>Revokes one token (already loaded through the tenant filter by the caller).</summary>
    public async Task RevoquerAsync(JetonAcces jeton, string motif, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(jeton);
        jeton.Revoquer(horloge.GetUtcNow(), motif);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>Revokes every active token of a user (deactivation, change of role or attachment). Returns how many.</summary>
    public async Task<int> RevoquerTousAsync(Guid utilisateurId, string motif, CancellationToken annulation = default)
    {
        var maintenant = horloge.GetUtcNow();
        var actifs = await db.JetonsAcces.IgnoreQueryFilters()
            .Where(j => j.UtilisateurId == utilisateurId && j.RevoqueLe == null).ToListAsync(annulation).ConfigureAwait(false);
        foreach (var jeton in actifs) jeton.Revoquer(maintenant, motif);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return actifs.Count;
    }

    private static AuthentificationJetonResultat Refus(RefusJeton refus) => new(null, null, refus);

    private static string Base64Url(byte[] octets) =>
        Convert.ToBase64String(octets).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
