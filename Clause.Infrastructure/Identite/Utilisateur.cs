using Microsoft.AspNetCore.Identity;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// An account (ASP.NET Core Identity, same database). A staff user belongs to one structure; an
/// Entreprise user to one company (and its structure); a DonneurOrdre user to one buyer (and its structure).
/// </summary>
public sealed class Utilisateur : IdentityUser<Guid>
{
    public const int NomCompletLongueurMax = 150;

    public string NomComplet { get; set; } = string.Empty;

    public Guid? StructureId { get; set; }

    public Guid? EntrepriseId { get; set; }

    public Guid? DonneurOrdreId { get; set; }

    public bool Actif { get; set; } = true;

    public DateTimeOffset CreeLe { get; set; }

    /// <summary>Set when the invited user first chooses a password.</summary>
    public DateTimeOffset? InvitationAccepteeLe { get; set; }
}

/// <summary>Claim types Clause adds to the sign-in cookie.</summary>
public static class RevendicationsClause
{
    public const string StructureId = "clause:structure";
    public const string EntrepriseId = "clause:entreprise";
    public const string DonneurOrdreId = "clause:donneur-ordre";
    public const string NomComplet = "clause:nom";

    /// <summary>Only on an API request: the id and the name of the personal access token used.</summary>
    public const string JetonId = "clause:jeton";
    public const string JetonNom = "clause:jeton-nom";
}
