using System.Linq.Expressions;
using Clause.Infrastructure.Identite;

namespace Clause.Web.Infrastructure;

/// <summary>
/// One personal access token as the lists show it (Mon compte, the Direction's list): never the secret nor its hash,
/// only the visible prefix. <see cref="Titulaire"/> is filled by the Direction's list alone.
/// </summary>
public sealed record LigneJeton(Guid Id, string Nom, string Prefixe, DateTimeOffset CreeLe, DateTimeOffset ExpireLe,
    DateOnly? DerniereUtilisationLe, DateTimeOffset? RevoqueLe, string? MotifRevocation, string? Titulaire = null)
{
    /// <summary>The projection both lists read (the same columns, one place).</summary>
    public static readonly Expression<Func<JetonAcces, LigneJeton>> Projection = j =>
        new LigneJeton(j.Id, j.Nom, j.Prefixe, j.CreeLe, j.ExpireLe, j.DerniereUtilisationLe, j.RevoqueLe, j.MotifRevocation, null);

    private static readonly Func<JetonAcces, LigneJeton> ProjectionCompilee = Projection.Compile();

    /// <summary>The same projection, of a token already loaded (a confirmation page).</summary>
    public static LigneJeton De(JetonAcces jeton) => ProjectionCompilee(jeton);

    /// <summary>Last day of validity: the token works until the end of that day (UTC), see JetonsAcces.CreerAsync.</summary>
    public DateOnly DernierJour => DateOnly.FromDateTime(ExpireLe.UtcDateTime).AddDays(-1);

    public bool Revoque => RevoqueLe is not null;

    public bool Actif(DateTimeOffset maintenant) => RevoqueLe is null && maintenant < ExpireLe;

    /// <summary>"Actif", "Expiré", or "Révoqué le … (motif)" — in French, for the status column.</summary>
    public string Statut(DateTimeOffset maintenant) => RevoqueLe is { } le
        ? $"Révoqué le {AffichageJetons.Jour(le)}"
            + (string.IsNullOrEmpty(MotifRevocation) ? string.Empty : $" ({MotifRevocation})")
        : maintenant >= ExpireLe ? "Expiré" : "Actif";
}

/// <summary>French dates of the token lists, in Europe/Paris like the rest of the app.</summary>
public static class AffichageJetons
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Jour(DateTimeOffset instant) =>
        Affichage.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime));
}
