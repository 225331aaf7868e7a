using System.Linq.Expressions;
using Clause.Domain.Commun;

namespace Clause.Domain.Heures;

/// <summary>
/// The straight target line of a lot (DOMAIN.md §7.6, the burn-up chart): from 0 at the start of execution to the hours
/// due at its end. At a day: dues × days of execution elapsed (both ends included) / days of execution, half-up to the
/// minute; before the start 0, after the end the hours due. Read by the lot's chart, by the « lot en retard » alert and by
/// the lots' cockpit (docs/domain.md « Cockpit des lots »), which sorts on it in the database: the rule is written once as
/// an expression (<see cref="Formule"/>) that EF translates and that runs compiled in memory.
/// </summary>
public static class CibleLineaire
{
    /// <summary>
    /// (début, fin, dues, jour) → target minutes. Half-up written as integer arithmetic the database evaluates alike (every
    /// operand ≥ 0 where it is used, so (2n + d) / 2d truncated is n / d rounded half-up, DOMAIN.md §2).
    /// </summary>
    public static readonly Expression<Func<DateOnly, DateOnly, long, DateOnly, long>> Formule = (debut, fin, dues, jour) =>
        (jour < fin ? jour.DayNumber : fin.DayNumber) + 1 - debut.DayNumber <= 0 || fin.DayNumber + 1 - debut.DayNumber <= 0
            ? 0L
            : (dues * ((jour < fin ? jour.DayNumber : fin.DayNumber) + 1 - debut.DayNumber) * 2 + (fin.DayNumber + 1 - debut.DayNumber))
              / (2L * (fin.DayNumber + 1 - debut.DayNumber));

    private static readonly Func<DateOnly, DateOnly, long, DateOnly, long> EnMemoire = Formule.Compile();

    public static Duree Au(DateOnly debutExecution, DateOnly finExecution, long duesMinutes, DateOnly jour) =>
        new(EnMemoire(debutExecution, finExecution, duesMinutes, jour));

    /// <summary>The target at the end of <paramref name="mois"/> (the point of the month on the chart).</summary>
    public static Duree FinDuMois(DateOnly debutExecution, DateOnly finExecution, long duesMinutes, Mois mois) =>
        Au(debutExecution, finExecution, duesMinutes, mois.Dernier);

    /// <summary>
    /// The hours behind the target line at <paramref name="jour"/> (docs/domain.md « Cockpit des lots »): target − realised,
    /// negative when the lot is ahead. In memory.
    /// </summary>
    public static Duree Retard(DateOnly debutExecution, DateOnly finExecution, long duesMinutes, long realiseesMinutes, DateOnly jour) =>
        new(EnMemoire(debutExecution, finExecution, duesMinutes, jour) - realiseesMinutes);

    /// <summary>
    /// <see cref="Retard"/> as an expression over a row (<paramref name="jour"/> fixed): the same <see cref="Formule"/> spliced
    /// with the row's members, for a query that sorts on it in the database.
    /// </summary>
    public static Expression<Func<T, long>> RetardDe<T>(Expression<Func<T, DateOnly>> debut, Expression<Func<T, DateOnly>> fin,
        Expression<Func<T, long>> dues, Expression<Func<T, long>> realisees, DateOnly jour)
    {
        ArgumentNullException.ThrowIfNull(debut);
        ArgumentNullException.ThrowIfNull(fin);
        ArgumentNullException.ThrowIfNull(dues);
        ArgumentNullException.ThrowIfNull(realisees);
        var ligne = Expression.Parameter(typeof(T), "ligne");
        Expression Corps(LambdaExpression e) => new Remplacement(e.Parameters[0], ligne).Visit(e.Body);
        var p = Formule.Parameters;
        var cible = new Remplacement(p[0], Corps(debut)).Visit(Formule.Body);
        cible = new Remplacement(p[1], Corps(fin)).Visit(cible);
        cible = new Remplacement(p[2], Corps(dues)).Visit(cible);
        cible = new Remplacement(p[3], Expression.Constant(jour)).Visit(cible);
        return Expression.Lambda<Func<T, long>>(Expression.Subtract(cible, Corps(realisees)), ligne);
    }

    private sealed class Remplacement(ParameterExpression ancien, Expression nouveau) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == ancien ? nouveau : base.VisitParameter(node);
    }
}
