using System.Linq.Expressions;
using Clause.Domain.Commun;
using Clause.Domain.Marches;

namespace Clause.Domain.Bilans;

/// <summary>
/// DOMAIN.md §8 « active in a period », THE definition for every count of a bilan or of the consolidation: a lot is active
/// when it carries a clause and its execution period overlaps the period (a marché, an opération or a donneur d'ordre when
/// one of its lots is). An expression so that EF translates it (RequetesBilans reads the flag of each lot from it).
/// </summary>
public static class Activite
{
    /// <summary>The lots with a clause whose execution overlaps <paramref name="periode"/>.</summary>
    public static Expression<Func<Lot, bool>> LotActif(Periode periode)
    {
        var debut = periode.Debut;
        var fin = periode.Fin;
        return l => l.Fondements != Fondement.Aucun && l.DebutExecution <= fin && l.FinExecution >= debut;
    }
}
