using Clause.Domain.Commun;

namespace Clause.Domain.Heures;

/// <summary>
/// The straight target line of a lot (DOMAIN.md §7.6, the burn-up chart): from 0 at the start of execution to the hours
/// due at its end. At a day: dues × days of execution elapsed (both ends included) / days of execution, half-up to the
/// minute; before the start 0, after the end the hours due. Read by the lot's chart and by the « lot en retard » alert.
/// </summary>
public static class CibleLineaire
{
    public static Duree Au(DateOnly debutExecution, DateOnly finExecution, long duesMinutes, DateOnly jour)
    {
        var fin = jour < finExecution ? jour : finExecution;
        var ecoules = fin.DayNumber + 1 - debutExecution.DayNumber;
        var joursExecution = finExecution.DayNumber + 1 - debutExecution.DayNumber;
        return ecoules <= 0 || joursExecution <= 0 ? new Duree(0) : new Duree(FormatFrancais.DiviserArrondi(duesMinutes * ecoules, joursExecution));
    }

    /// <summary>The target at the end of <paramref name="mois"/> (the point of the month on the chart).</summary>
    public static Duree FinDuMois(DateOnly debutExecution, DateOnly finExecution, long duesMinutes, Mois mois) =>
        Au(debutExecution, finExecution, duesMinutes, mois.Dernier);
}
