using Clause.Domain.Commun;

namespace Clause.Domain.Marches;

/// <summary>
/// Legal ground(s) of a lot's clause (DOMAIN.md §3), combinable as flags. <see cref="Aucun"/> (0) is the lot
/// without clause. Bit values are stable: they are stored as an integer so the database can check that a lot is
/// never reserved both to SIAE and to EA/ESAT.
/// </summary>
[Flags]
#pragma warning disable CA1008 // "Aucun" is the domain's word for the zero value.
public enum Fondement
#pragma warning restore CA1008
{
    [Libelle("Aucun (lot sans clause)")] Aucun = 0,
    [Libelle("Condition d'exécution (L2112-2)")] ConditionExecution = 1,
    [Libelle("Critère d'attribution (L2152-7)")] CritereAttribution = 2,
    [Libelle("Marché réservé aux SIAE (L2113-13)")] MarcheReserveSiae = 4,
    [Libelle("Marché réservé aux EA et ESAT (L2113-12)")] MarcheReserveEaEsat = 8,
    [Libelle("Marché réservé aux entreprises de l'ESS (L2113-15)")] MarcheReserveEss = 16,
    [Libelle("Achat de prestation d'insertion (R2123-1)")] AchatPrestationInsertion = 32,
}

/// <summary>Rules and helpers for <see cref="Fondement"/> combinations.</summary>
public static class ReglesFondement
{
    /// <summary>Every single fondement except <see cref="Fondement.Aucun"/>, in declaration order.</summary>
    public static IReadOnlyList<Fondement> Unitaires { get; } =
        Enum.GetValues<Fondement>().Where(f => f != Fondement.Aucun).ToList();

    /// <summary>Every combined flag of <paramref name="fondements"/>, one by one (empty for Aucun).</summary>
    public static IReadOnlyList<Fondement> Detailler(this Fondement fondements) =>
        Unitaires.Where(f => (fondements & f) == f).ToList();

    /// <summary>"Condition d'exécution (L2112-2), Critère d'attribution (L2152-7)" or "Aucun (lot sans clause)".</summary>
    public static string Libelles(this Fondement fondements) =>
        fondements == Fondement.Aucun ? Fondement.Aucun.Libelle() : string.Join(", ", fondements.Detailler().Select(f => f.Libelle()));

    /// <summary>
    /// Combines the boxes ticked in a form. « Aucun » excludes every other fondement; the result is then checked
    /// like any lot's fondements.
    /// </summary>
    public static Fondement Combiner(IEnumerable<Fondement> choisis)
    {
        ArgumentNullException.ThrowIfNull(choisis);
        var liste = choisis.ToList();
        if (liste.Contains(Fondement.Aucun) && liste.Any(f => f != Fondement.Aucun))
            throw new RegleMetierException(nameof(Lot.Fondements), "« Aucun » exclut tout autre fondement de la clause.");
        var resultat = liste.Aggregate(Fondement.Aucun, (a, f) => a | f);
        Verifier(resultat);
        return resultat;
    }

    /// <summary>The rules that do not depend on the lot's dates.</summary>
    public static void Verifier(Fondement fondements)
    {
        if ((fondements & ~Tous) != 0)
            throw new RegleMetierException(nameof(Lot.Fondements), "Un fondement de la clause n'est pas reconnu.");
        if (fondements.HasFlag(Fondement.MarcheReserveSiae) && fondements.HasFlag(Fondement.MarcheReserveEaEsat))
            throw new RegleMetierException(nameof(Lot.Fondements), "Un lot ne peut pas être réservé à la fois aux SIAE et aux EA/ESAT.");
    }

    /// <summary>Every flag set: the largest valid stored value.</summary>
    public static Fondement Tous => Unitaires.Aggregate(Fondement.Aucun, (a, f) => a | f);
}
