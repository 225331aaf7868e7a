using System.Globalization;
using Clause.Domain.Commun;

namespace Clause.Domain.Bilans;

/// <summary>
/// The range of months of a bilan, both ends included (DOMAIN.md §9 « period semantics »): <see cref="Du"/> ≤
/// <see cref="Au"/>, at most <see cref="MoisMax"/> months. Read from the query string by <see cref="Lire"/> (<c>yyyy-mm</c>).
/// </summary>
public sealed record PeriodeBilan
{
    /// <summary>Ten years: a longer range is refused.</summary>
    public const int MoisMax = 120;

    public PeriodeBilan(Mois du, Mois au)
    {
        if (au < du) throw new RegleMetierException("du", "Le mois de début (du) doit précéder ou égaler le mois de fin (au).");
        if (Ecart(du, au) + 1 > MoisMax)
            throw new RegleMetierException("au", $"La période ne peut dépasser {MoisMax} mois (10 ans) : rapprochez le mois de fin (au) du mois de début (du).");
        Du = du;
        Au = au;
    }

    public Mois Du { get; }

    public Mois Au { get; }

    /// <summary>The first day of <see cref="Du"/>.</summary>
    public DateOnly Debut => Du.Premier;

    /// <summary>The last day of <see cref="Au"/>.</summary>
    public DateOnly Fin => Au.Dernier;

    /// <summary>The dates covered, first day of <see cref="Du"/> to last day of <see cref="Au"/>.</summary>
    public Periode Dates => new(Debut, Fin);

    public int NombreMois => Ecart(Du, Au) + 1;

    public bool Contient(Mois mois) => mois >= Du && mois <= Au;

    /// <summary>Every month of the range, in order.</summary>
    public IEnumerable<Mois> ListeMois()
    {
        for (var m = Du; m <= Au; m = m.Suivant) yield return m;
    }

    public void Deconstruct(out Mois du, out Mois au)
    {
        du = Du;
        au = Au;
    }

    /// <summary>« janvier 2025 – décembre 2025 » (or one month alone).</summary>
    public string Libelle => Du == Au ? NomMois(Du) : $"{NomMois(Du)} – {NomMois(Au)}";

    /// <summary>« janvier 2025 ».</summary>
    public static string NomMois(Mois mois) => mois.Premier.ToString("MMMM yyyy", FormatFrancais.Culture);

    /// <summary>
    /// Reads <c>du</c> and <c>au</c> typed <c>yyyy-mm</c>: every refusal in one pass, each naming its field — malformed
    /// (<c>du</c> / <c>au</c>), <c>du</c> after <c>au</c> (<c>du</c>), more than <see cref="MoisMax"/> months (<c>au</c>).
    /// </summary>
    public static PeriodeBilan Lire(string? du, string? au)
    {
        var erreurs = new List<RegleMetierException>();
        var debut = LireMois(du, "du", "de début", erreurs);
        var fin = LireMois(au, "au", "de fin", erreurs);
        if (erreurs.Count > 0) throw RegleMetierException.Plusieurs(erreurs);
        return new PeriodeBilan(debut!.Value, fin!.Value);
    }

    /// <summary>Reads one <c>yyyy-mm</c> month; null (and a refusal added) when malformed.</summary>
    public static Mois? LireMois(string? saisie, string champ, string quel, List<RegleMetierException> erreurs)
    {
        ArgumentNullException.ThrowIfNull(erreurs);
        var texte = saisie?.Trim() ?? string.Empty;
        if (texte.Length == 7 && texte[4] == '-'
            && int.TryParse(texte.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var annee)
            && int.TryParse(texte.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var numero)
            && annee is >= 1900 and <= 2999 && numero is >= 1 and <= 12)
            return new Mois(annee, numero);
        erreurs.Add(new RegleMetierException(champ, texte.Length == 0
            ? $"Le mois {quel} ({champ}) est obligatoire, au format aaaa-mm (par exemple 2025-01)."
            : $"Le mois {quel} ({champ}) doit être au format aaaa-mm (par exemple 2025-01)."));
        return null;
    }

    private static int Ecart(Mois du, Mois au) => (au.Annee - du.Annee) * 12 + au.Numero - du.Numero;
}
