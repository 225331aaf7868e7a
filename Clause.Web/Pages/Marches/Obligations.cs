using Clause.Domain.Commun;
using Clause.Domain.Marches;

namespace Clause.Web.Pages.Marches;

/// <summary>The typed inputs of an obligation turned into the domain's choice (F1, F2, F3 or none).</summary>
public static class Obligations
{
    /// <summary>
    /// F1 needs the rate, F2 the rate and the estimated hours, F3 the hours; no method means none. A missing
    /// input is refused in French, naming the field as the domain does (TauxInsertion, HeuresTravailleesEstimees, HeuresSaisies).
    /// </summary>
    public static ParametresObligation Parametres(MethodeCalcul? methode, Taux? taux, Duree? heuresTravaillees, Duree? heuresSaisies) => methode switch
    {
        MethodeCalcul.F1 => ParametresObligation.F1(taux
            ?? throw new RegleMetierException("TauxInsertion", "Le taux d'insertion est obligatoire pour la méthode F1.")),
        MethodeCalcul.F2 => ParametresObligation.F2(
            taux ?? throw new RegleMetierException("TauxInsertion", "Le taux d'insertion est obligatoire pour la méthode F2."),
            heuresTravaillees ?? throw new RegleMetierException("HeuresTravailleesEstimees", "Les heures travaillées estimées sont obligatoires pour la méthode F2.")),
        MethodeCalcul.F3 => ParametresObligation.F3(heuresSaisies
            ?? throw new RegleMetierException("HeuresSaisies", "Les heures dues sont obligatoires pour la méthode F3.")),
        null or MethodeCalcul.Aucune => ParametresObligation.Aucune,
        _ => throw new RegleMetierException("Methode", "La méthode de calcul n'est pas reconnue."),
    };

    /// <summary>
    /// Parameters of the chosen method standing in for values that could not be read (already errors beside their
    /// fields), so that the domain still checks every other field (issue 15 item 5); never saved. Null for no method.
    /// </summary>
    public static ParametresObligation? Substitut(MethodeCalcul? methode) => methode switch
    {
        MethodeCalcul.F1 => ParametresObligation.F1(new Taux(1)),
        MethodeCalcul.F2 => ParametresObligation.F2(new Taux(1), Duree.Heures(1)),
        MethodeCalcul.F3 => ParametresObligation.F3(Duree.Heures(1)),
        MethodeCalcul.Aucune => ParametresObligation.Aucune,
        _ => null,
    };
}
