using System.Linq.Expressions;
using Clause.Domain.Commun;
using Clause.Domain.Marches;

namespace Clause.Domain.Heures;

/// <summary>
/// The forecast of a lot in execution (issue 10 item 2, docs/domain.md « Prévision »): its current pace projected to the
/// end of execution, and the hours per month still needed to reach the hours due.
/// </summary>
/// <param name="RythmeMinutesParMois">The pace: the average counted minutes of the window's months (zero months included), half-up to the minute.</param>
/// <param name="ProjectionFinMinutes">Realised at the end of the last counted month + pace × months remaining (rounded once).</param>
/// <param name="TauxProjete">Projection / hours due, §7.6 rounding (to 0,1 %).</param>
/// <param name="MinutesParMoisNecessaires">max(0, dues − realised) / months remaining, half-up; null when no month remains.</param>
/// <param name="MoisRestants">Months after the last counted month up to the month of the end of execution, both included.</param>
/// <param name="SousObjectif">The projection falls under the hours due (under 100 %).</param>
public sealed record PrevisionLot(long RythmeMinutesParMois, long ProjectionFinMinutes, Taux? TauxProjete, long? MinutesParMoisNecessaires, int MoisRestants, bool SousObjectif)
{
    public Duree Rythme => new(RythmeMinutesParMois);

    public Duree ProjectionFin => new(ProjectionFinMinutes);

    public Duree? ParMoisNecessaires => MinutesParMoisNecessaires is { } m ? new Duree(m) : null;
}

/// <summary>
/// The forecast's arithmetic (docs/domain.md « Prévision des heures d'un lot »), pure and on integers. The months and
/// minutes come from <see cref="Comptage.Serie"/> (counted minutes, training cap applied on the cumul), so nothing of the
/// counting rule is repeated here.
/// <list type="bullet">
/// <item>The <b>last counted month</b> is the month before the current one once its declarations are due (the day after
/// the réglage <c>JourLimiteDeclaration</c>), else the one before it (<see cref="DernierMoisCompte"/>).</item>
/// <item>The <b>window</b> is the 3 months ending with the last counted month, without the months before the month of the
/// start of execution (1 or 2 months at the start of a lot); a month without counted hours counts as zero.</item>
/// <item>The <b>base</b> is the realised cumul at the end of the last counted month (hours already counted for later months
/// are left out: their months are still to come in the projection).</item>
/// <item>Projection = base + Σ window × months remaining / months of the window, rounded half-up once.</item>
/// </list>
/// </summary>
public static class Prevision
{
    /// <summary>The number of months of the pace's window.</summary>
    public const int MoisFenetre = 3;

    /// <summary>The lots that have a forecast when it can be computed: in execution, with hours due (a clause).</summary>
    public static readonly Expression<Func<Lot, bool>> Concerne = l => l.Statut == StatutLot.EnExecution && l.HeuresDuesMinutes > 0;

    /// <summary>
    /// The last month whose declarations are due on <paramref name="aujourdhui"/>: the previous month from the day after
    /// <paramref name="jourLimiteDeclaration"/>, else the month before it.
    /// </summary>
    public static Mois DernierMoisCompte(DateOnly aujourdhui, int jourLimiteDeclaration) =>
        Mois.De(aujourdhui.AddMonths(aujourdhui.Day > jourLimiteDeclaration ? -1 : -2));

    /// <summary>
    /// The forecast of a lot, or null when it has none: no hours due, or no month of execution counted yet (the last
    /// counted month is before the month of the start of execution).
    /// </summary>
    /// <param name="lot">The counting parameters (hours due, training rule).</param>
    /// <param name="debutExecution">Start of execution of the lot.</param>
    /// <param name="finExecution">End of execution of the lot.</param>
    /// <param name="mois">The counted minutes per month of the lot (<c>RequetesHeures.MinutesCompteesAsync</c>).</param>
    /// <param name="dernierMoisCompte">See <see cref="DernierMoisCompte"/>.</param>
    public static PrevisionLot? Calculer(ParametresComptage lot, DateOnly debutExecution, DateOnly finExecution, IEnumerable<MinutesDuMois> mois, Mois dernierMoisCompte)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(mois);
        return Calculer(lot.HeuresDuesMinutes, debutExecution, finExecution, Comptage.Serie(lot, mois), dernierMoisCompte);
    }

    /// <summary>
    /// The same forecast from the lot's burn-up series (<see cref="Comptage.Serie"/>, as the lot page already holds it):
    /// a month's cumul depends only on the months up to it, so the series of every month gives the same figures.
    /// </summary>
    public static PrevisionLot? Calculer(long duesMinutes, DateOnly debutExecution, DateOnly finExecution, IReadOnlyList<PointSerie> serie, Mois dernierMoisCompte)
    {
        ArgumentNullException.ThrowIfNull(serie);
        if (duesMinutes <= 0) return null;
        var premierMois = Mois.De(debutExecution);
        if (dernierMoisCompte < premierMois) return null;

        var debutFenetre = Mois.De(dernierMoisCompte.Premier.AddMonths(1 - MoisFenetre));
        if (debutFenetre < premierMois) debutFenetre = premierMois;
        var moisFenetre = Ecart(debutFenetre, dernierMoisCompte) + 1;

        var jusquAuDernier = serie.Where(p => p.Mois <= dernierMoisCompte).ToList();
        var @base = jusquAuDernier.Count == 0 ? 0 : jusquAuDernier[^1].CumulMinutes;
        var fenetre = jusquAuDernier.Where(p => p.Mois >= debutFenetre).Sum(p => p.Minutes);

        var moisRestants = Math.Max(0, Ecart(dernierMoisCompte, Mois.De(finExecution)));
        var projection = @base + FormatFrancais.DiviserArrondi(fenetre * moisRestants, moisFenetre);
        long? necessaires = moisRestants == 0 ? null : FormatFrancais.DiviserArrondi(Math.Max(0, duesMinutes - @base), moisRestants);
        return new PrevisionLot(FormatFrancais.DiviserArrondi(fenetre, moisFenetre), projection,
            Comptage.TauxRealisation(projection, duesMinutes), necessaires, moisRestants, projection < duesMinutes);
    }

    /// <summary>Months from <paramref name="de"/> to <paramref name="a"/> (0 for the same month, negative backwards).</summary>
    private static int Ecart(Mois de, Mois a) => (a.Annee - de.Annee) * 12 + a.Numero - de.Numero;
}
