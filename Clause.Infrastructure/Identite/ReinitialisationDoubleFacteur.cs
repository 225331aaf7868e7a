using Clause.Domain.Commun;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// One reset of an account's second factor by an administrator (or the Direction, for its structure), when its owner has
/// lost the device and the recovery codes. A domain entity so that the audit trail records it (who, when, whose account)
/// in the same save, chained like every other audit row; the account itself is an Identity row, outside the trail.
/// </summary>
public sealed class ReinitialisationDoubleFacteur : EntiteGuid
{
    private ReinitialisationDoubleFacteur() { }

    /// <summary>The account whose authenticator key, recovery codes and enrolment were removed.</summary>
    public Guid UtilisateurId { get; private set; }

    /// <summary>Who reset it (the signed-in administrator or Direction).</summary>
    public Guid ParUtilisateurId { get; private set; }

    public DateTimeOffset Le { get; private set; }

    public static ReinitialisationDoubleFacteur Enregistrer(Guid utilisateurId, Guid parUtilisateurId, DateTimeOffset le) =>
        new() { UtilisateurId = utilisateurId, ParUtilisateurId = parUtilisateurId, Le = le };
}
