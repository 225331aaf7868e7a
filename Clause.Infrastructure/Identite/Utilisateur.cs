using Clause.Domain.Commun;
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

    public StructureId? StructureId { get; set; }

    public EntrepriseId? EntrepriseId { get; set; }

    public DonneurOrdreId? DonneurOrdreId { get; set; }

    public bool Actif { get; set; } = true;

    public DateTimeOffset CreeLe { get; set; }

    /// <summary>Set when the invited user first chooses a password.</summary>
    public DateTimeOffset? InvitationAccepteeLe { get; set; }

    /// <summary>
    /// The last authenticator time step (30-second window since 1970) whose code was accepted: a code of that step or an
    /// earlier one is refused, so a code serves once (<see cref="FournisseurAuthentificateur"/>). Null: none yet.
    /// </summary>
    public long? DernierPasAuthentificateur { get; set; }
}

/// <summary>Claim types Clause adds to the sign-in cookie.</summary>
public static class RevendicationsClause
{
    public const string StructureId = "clause:structure";
    public const string EntrepriseId = "clause:entreprise";
    public const string DonneurOrdreId = "clause:donneur-ordre";
    public const string NomComplet = "clause:nom";

    /// <summary>The account must use a second factor and has not enrolled: every page but enrolment and sign-out sends it there.</summary>
    public const string DoubleFacteurAInscrire = "clause:double-facteur-a-inscrire";

    /// <summary>Only on an API request: the id and the name of the personal access token used.</summary>
    public const string JetonId = "clause:jeton";
    public const string JetonNom = "clause:jeton-nom";
}
