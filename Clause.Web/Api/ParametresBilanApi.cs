using Clause.Domain.Bilans;
using Clause.Domain.Commun;

namespace Clause.Web.Api;

/// <summary>The query string of <c>GET /api/v1/bilans</c>, read by the domain's own readers (<see cref="PerimetreBilan.Lire"/>, <see cref="PeriodeBilan.Lire"/>).</summary>
public static class ParametresBilanApi
{
    /// <summary>
    /// Reads the query string, every refusal in one pass naming its parameter: <c>perimetre</c> (missing, unknown),
    /// <c>id</c> (missing, not a GUID), <c>ref</c> (with <c>id</c>; alone: not available yet), <c>du</c> / <c>au</c>
    /// (missing, malformed, <c>du</c> after <c>au</c>, more than 120 months).
    /// </summary>
    public static bool Lire(string? perimetre, string? id, string? @ref, string? du, string? au, out PerimetreBilan portee,
        out PeriodeBilan periode, out Dictionary<string, string[]> erreurs)
    {
        var liste = new List<RegleMetierException>();
        portee = PerimetreBilan.Structure;
        periode = null!;
        var avecRef = !string.IsNullOrWhiteSpace(@ref);
        if (avecRef && !string.IsNullOrWhiteSpace(id))
            liste.Add(new RegleMetierException("ref", "Les paramètres « id » et « ref » s'excluent : désignez le périmètre par l'un ou par l'autre."));
        else if (avecRef)
            liste.Add(new RegleMetierException("ref", "Le paramètre « ref » (la référence du classeur d'import) n'est pas encore disponible : "
                + "désignez le périmètre par son identifiant, « id »."));
        try
        {
            portee = PerimetreBilan.Lire(perimetre, id);
        }
        catch (RegleMetierException erreur)
        {
            // With ref, a missing id is not a second fault: ref already says what to do.
            liste.AddRange(erreur.Toutes.Where(e => !(avecRef && e.Champ == "id" && string.IsNullOrWhiteSpace(id))));
        }
        try
        {
            periode = PeriodeBilan.Lire(du, au);
        }
        catch (RegleMetierException erreur)
        {
            liste.AddRange(erreur.Toutes);
        }
        erreurs = liste.GroupBy(e => e.Champ, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return erreurs.Count == 0;
    }
}
