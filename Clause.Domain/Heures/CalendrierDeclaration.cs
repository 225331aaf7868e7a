using Clause.Domain.Commun;
using Clause.Domain.Structures;

namespace Clause.Domain.Heures;

/// <summary>One validated contrat of a company on a lot, as the calendar reads it: its dates and the months it has a line for.</summary>
public sealed record ContratADeclarer(Periode Periode, IReadOnlySet<Mois> MoisDeclares);

/// <summary>A month a company still has to declare on a lot: its deadline, whether it is past, how many contrats lack a line.</summary>
public sealed record MoisADeclarer(Mois Mois, DateOnly Echeance, bool EnRetard, int Contrats);

/// <summary>
/// The declaration calendar (DOMAIN.md §7.7): the hours of month M are due by day <see cref="Reglages.JourLimiteDeclaration"/>
/// (default 10) of M+1. A month is still to declare on a lot when it lies in the lot's execution, is over (before the
/// current month), and at least one of the company's validated contrats is active during it with no line for it — a
/// line of any status counts as declared (a rejected one is a correction to make, listed apart).
/// </summary>
public static class CalendrierDeclaration
{
    public static DateOnly Echeance(Mois mois, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        return mois.Suivant.Premier.AddDays(reglages.JourLimiteDeclaration - 1);
    }

    /// <summary>The deadline has passed: today is after it (the deadline day itself is still in time).</summary>
    public static bool EnRetard(Mois mois, Reglages reglages, DateOnly aujourdhui) => aujourdhui > Echeance(mois, reglages);

    /// <summary>The months still to declare on a lot executed over <paramref name="execution"/>, oldest (so overdue) first.</summary>
    public static IReadOnlyList<MoisADeclarer> MoisADeclarer(Periode execution, IEnumerable<ContratADeclarer> contrats, Reglages reglages, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(contrats);
        ArgumentNullException.ThrowIfNull(reglages);
        var liste = contrats.ToList();
        var courant = Mois.De(aujourdhui);
        var resultat = new List<MoisADeclarer>();
        for (var mois = Mois.De(execution.Debut); mois <= Mois.De(execution.Fin) && mois < courant; mois = mois.Suivant)
        {
            var duMois = new Periode(mois.Premier, mois.Dernier);
            var m = mois;
            var manquants = liste.Count(c => c.Periode.Chevauche(duMois) && !c.MoisDeclares.Contains(m));
            if (manquants > 0) resultat.Add(new MoisADeclarer(mois, Echeance(mois, reglages), EnRetard(mois, reglages, aujourdhui), manquants));
        }
        // Oldest first, which puts the overdue months first: a month's deadline passes before the next month's.
        return resultat;
    }
}
