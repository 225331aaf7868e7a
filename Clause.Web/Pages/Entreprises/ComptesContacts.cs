using Clause.Domain.Commun;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Pages.Admin.Utilisateurs;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>Where a contact's portal account stands.</summary>
public enum EtatCompteContact
{
    Aucun,
    InvitationEnvoyee,
    Actif,
    Desactive,
}

/// <summary>A contact's portal account, as the company's page shows it.</summary>
public sealed record CompteContact(Guid UtilisateurId, EtatCompteContact Etat, DateTimeOffset CreeLe)
{
    public string Libelle => Etat switch
    {
        EtatCompteContact.InvitationEnvoyee => $"Invitation envoyée le {ComptesAdmin.Date(CreeLe)}",
        EtatCompteContact.Actif => "Compte actif",
        EtatCompteContact.Desactive => "Désactivé",
        _ => "Aucun compte",
    };
}

/// <summary>
/// The portal accounts of a company's contacts (issue 9 item 1), without a link column: a contact has an account when an
/// account attached to that company (role Entreprise: only that role carries a company, <c>Rattachement</c>) and to its
/// structure has the contact's e-mail. One query for all the contacts of the page.
/// </summary>
public static class ComptesContacts
{
    public static async Task<IReadOnlyDictionary<string, CompteContact>> LireAsync(ClauseDbContext db, EntrepriseId entrepriseId,
        IEnumerable<string?> emails, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(emails);
        var structureId = db.Contexte.StructureId;
        var normalises = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Normaliser(e!)).Distinct().ToList();
        if (normalises.Count == 0) return new Dictionary<string, CompteContact>();
        var comptes = await db.Users.AsNoTracking()
            .Where(u => u.EntrepriseId == entrepriseId && u.StructureId == structureId && normalises.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail, u.Actif, u.PasswordHash, u.InvitationAccepteeLe, u.CreeLe })
            .ToListAsync(annulation);
        return comptes.ToDictionary(u => u.NormalizedEmail!, u => new CompteContact(u.Id, Etat(u.Actif, u.PasswordHash, u.InvitationAccepteeLe), u.CreeLe));
    }

    /// <summary>The account of one e-mail, or null.</summary>
    public static CompteContact? De(this IReadOnlyDictionary<string, CompteContact> comptes, string? email)
    {
        ArgumentNullException.ThrowIfNull(comptes);
        return email is not null && comptes.TryGetValue(Normaliser(email), out var compte) ? compte : null;
    }

    public static EtatCompteContact Etat(Utilisateur utilisateur)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        return Etat(utilisateur.Actif, utilisateur.PasswordHash, utilisateur.InvitationAccepteeLe);
    }

    private static EtatCompteContact Etat(bool actif, string? motDePasse, DateTimeOffset? accepteeLe) =>
        !actif ? EtatCompteContact.Desactive
        : motDePasse is null && accepteeLe is null ? EtatCompteContact.InvitationEnvoyee
        : EtatCompteContact.Actif;

    /// <summary>Identity's normalisation of e-mails (UpperInvariantLookupNormalizer), so the lookup uses its index.</summary>
    private static string Normaliser(string email) => email.Trim().Normalize().ToUpperInvariant();
}
