using System.Globalization;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Clause.Web.Pages.Bilans;

/// <summary>
/// What the partial <c>_Bilan.cshtml</c> needs beside the <see cref="Bilan"/> it renders: the small-cell threshold shown in a
/// masked cell (« &lt; 5 », réglage <c>SeuilConfidentialite</c>), passed in <c>ViewData[CleSeuil]</c> (5 when absent), and the
/// drawing of the burn-up as inline SVG (coordinates in invariant culture).
/// </summary>
public static class VueBilan
{
    /// <summary>The ViewData key of the threshold (an int): <c>ViewData[VueBilan.CleSeuil] = reglages.SeuilConfidentialite</c>.</summary>
    public const string CleSeuil = "SeuilConfidentialite";

    public const int SeuilParDefaut = 5;

    public static int Seuil(ViewDataDictionary viewData) =>
        viewData?[CleSeuil] is int seuil ? seuil : SeuilParDefaut;

    /// <summary>A cell's count, or « &lt; seuil » when masked.</summary>
    public static string Nombre(CelluleProfil cellule, int seuil) =>
        cellule is null ? string.Empty : cellule.Masquee ? $"< {seuil}" : cellule.Nombre.ToString("#,##0", FormatFrancais.Culture);

    /// <summary>An integer count in French format.</summary>
    public static string Nombre(int nombre) => nombre.ToString("#,##0", FormatFrancais.Culture);

    /// <summary>A rate or « — » without hours due.</summary>
    public static string Taux(Taux? taux) => taux?.ToString() ?? "—";

    /// <summary>Minutes as French hours (« 1 234,50 h »).</summary>
    public static string Heures(long minutes) => new Duree(minutes).ToString();

    /// <summary>« mars 2026 ».</summary>
    public static string Mois(Mois mois) => PeriodeBilan.NomMois(mois);

    public const int Largeur = 720;
    public const int Hauteur = 260;
    private const int Marge = 40;

    /// <summary>The burn-up's points: the cumul of each month, from the left edge (month 1) to the right (last month).</summary>
    public static string PointsCumul(Bilan bilan)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        var echelle = Maximum(bilan);
        return string.Join(' ', bilan.Mensuel.Select((p, i) => $"{X(i, bilan.Mensuel.Count)},{Y(p.CumulMinutes, echelle)}"));
    }

    /// <summary>The height of the hours-due line.</summary>
    public static string YDues(Bilan bilan) => Y(bilan?.HeuresDuesMinutes ?? 0, Maximum(bilan!));

    public static string XGauche => Marge.ToString(CultureInfo.InvariantCulture);

    public static string XDroite => (Largeur - 10).ToString(CultureInfo.InvariantCulture);

    public static string YBas => (Hauteur - Marge).ToString(CultureInfo.InvariantCulture);

    public static string X(int i, int n) =>
        (Marge + (n <= 1 ? 0 : (Largeur - Marge - 10) * (long)i / (n - 1))).ToString(CultureInfo.InvariantCulture);

    private static long Maximum(Bilan bilan) =>
        Math.Max(1, Math.Max(bilan.HeuresDuesMinutes, bilan.Mensuel.Count == 0 ? 0 : bilan.Mensuel.Max(p => p.CumulMinutes)));

    private static string Y(long minutes, long maximum) =>
        (Hauteur - Marge - (Hauteur - Marge - 10) * minutes / maximum).ToString(CultureInfo.InvariantCulture);
}
