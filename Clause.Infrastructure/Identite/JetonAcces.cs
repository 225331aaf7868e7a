using Clause.Domain.Commun;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// A personal access token of one user, for the API. Only the SHA-256 of the secret is stored (<see cref="Empreinte"/>);
/// the secret is shown once at creation. <see cref="Prefixe"/> (the first characters, e.g. <c>clause_pat_Ab12Cd</c>) is
/// kept so that a leaked token can be recognised in the list. The token carries the rights its user had when it was
/// created (<see cref="Role"/> and attachment): a change of role or attachment, or a deactivation, voids it.
/// Owned by the user's structure (tenant filter): a Direction user lists the structure's tokens through it.
/// </summary>
public sealed class JetonAcces : IAppartientStructure
{
    public const int NomLongueurMax = 80;
    public const int DureeParDefautJours = 90;
    public const int DureeMaxJours = 366;

    public Guid Id { get; private set; } = SourceIdentifiants.Nouveau();

    public StructureId StructureId { get; private set; }

    public Guid UtilisateurId { get; private set; }

    public string Nom { get; private set; } = string.Empty;

    public string Prefixe { get; private set; } = string.Empty;

    /// <summary>Hex SHA-256 of the whole token text; unique.</summary>
    public string Empreinte { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    public EntrepriseId? EntrepriseId { get; private set; }

    public DonneurOrdreId? DonneurOrdreId { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public DateTimeOffset ExpireLe { get; private set; }

    /// <summary>Day of last use (not a history of uses, no address: the minimum to spot an unused token).</summary>
    public DateOnly? DerniereUtilisationLe { get; private set; }

    public DateTimeOffset? RevoqueLe { get; private set; }

    /// <summary>Why it was revoked, in French, for the list ("révoqué par Marie Dupont", "compte désactivé").</summary>
    public string? MotifRevocation { get; private set; }

    private JetonAcces() { }

    internal static JetonAcces Creer(Utilisateur utilisateur, string role, string nom, string prefixe, string empreinte,
        DateTimeOffset maintenant, DateTimeOffset expireLe) => new()
        {
            StructureId = utilisateur.StructureId ?? throw new InvalidOperationException("Un jeton appartient à un compte rattaché à une structure."),
            UtilisateurId = utilisateur.Id,
            Nom = nom,
            Prefixe = prefixe,
            Empreinte = empreinte,
            Role = role,
            EntrepriseId = utilisateur.EntrepriseId,
            DonneurOrdreId = utilisateur.DonneurOrdreId,
            CreeLe = maintenant,
            ExpireLe = expireLe,
        };

    public bool Actif(DateTimeOffset maintenant) => RevoqueLe is null && maintenant < ExpireLe;

    /// <summary>The rights the token was created with are still the user's.</summary>
    internal bool DroitsInchanges(Utilisateur utilisateur, IList<string> roles) =>
        roles.Count == 1 && roles[0] == Role
        && utilisateur.StructureId == StructureId
        && utilisateur.EntrepriseId == EntrepriseId
        && utilisateur.DonneurOrdreId == DonneurOrdreId;

    internal void Revoquer(DateTimeOffset maintenant, string motif)
    {
        if (RevoqueLe is not null) return;
        RevoqueLe = maintenant;
        MotifRevocation = motif;
    }
}
