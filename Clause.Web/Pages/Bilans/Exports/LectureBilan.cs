using Clause.Domain.Bilans;
using Clause.Domain.Commun;

namespace Clause.Web.Pages.Bilans.Exports;

/// <summary>
/// The scope and the period of an export or a send, read from the address or the form (<c>perimetre</c>, <c>id</c>,
/// <c>du</c>, <c>au</c>) by the domain's readers: every refusal in one pass, each naming its field.
/// </summary>
public static class LectureBilan
{
    /// <summary>The domain's field names (<c>du</c>…) → the input record's (<c>Du</c>…).</summary>
    public static readonly IReadOnlyDictionary<string, string> Renommages = new Dictionary<string, string>
    {
        ["perimetre"] = "Perimetre",
        ["id"] = "Id",
        ["du"] = "Du",
        ["au"] = "Au",
    };

    public static (PerimetreBilan Perimetre, PeriodeBilan Periode) Lire(string? perimetre, string? id, string? du, string? au)
    {
        var erreurs = new List<RegleMetierException>();
        PerimetreBilan? lu = null;
        PeriodeBilan? periode = null;
        try { lu = PerimetreBilan.Lire(perimetre, id); }
        catch (RegleMetierException ex) { erreurs.AddRange(ex.Toutes); }
        try { periode = PeriodeBilan.Lire(du, au); }
        catch (RegleMetierException ex) { erreurs.AddRange(ex.Toutes); }
        if (erreurs.Count > 0) throw RegleMetierException.Plusieurs(erreurs);
        return (lu!, periode!);
    }

    /// <summary>The query string of a bilan's address: <c>perimetre=lot&amp;id=…&amp;du=2025-01&amp;au=2025-12</c>.</summary>
    public static string Adresse(PerimetreBilan perimetre, PeriodeBilan periode)
    {
        ArgumentNullException.ThrowIfNull(perimetre);
        ArgumentNullException.ThrowIfNull(periode);
        return $"perimetre={perimetre.Code}{(perimetre.Id is { } id ? $"&id={id}" : "")}&du={periode.Du}&au={periode.Au}";
    }
}
