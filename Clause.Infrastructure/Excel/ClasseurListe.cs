using System.Globalization;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using OfficeOpenXml;

namespace Clause.Infrastructure.Excel;

/// <summary>The kind of a column of a list export: it decides the cell's value and its number format.</summary>
public enum GenreColonne
{
    Texte,
    Date,
    Mois,
    Horodatage,
    Heures,
    Entier,
    Montant,
    Taux,
}

/// <summary>A column of a list export: its header, kind, width and how a row gives its value.</summary>
public sealed record ColonneExcel<T>(string Entete, GenreColonne Genre, double Largeur, Func<T, object?> Valeur);

/// <summary>
/// The columns of a list's Excel export, declared once per list next to the page (issue 15 item 2): what a row shows,
/// in order. The row type is the page's own projection, so the file holds what the list holds and nothing more.
/// </summary>
public sealed class ColonnesExcel<T>(string titre)
{
    private readonly List<ColonneExcel<T>> _colonnes = [];

    /// <summary>The list's name (« Marchés »): the sheet's name, the workbook's title, the file's name.</summary>
    public string Titre { get; } = titre;

    public IReadOnlyList<ColonneExcel<T>> Colonnes => _colonnes;

    /// <summary>A user text (neutralised, <see cref="TexteCellule"/>) or a label.</summary>
    public ColonnesExcel<T> Texte(string entete, Func<T, string?> valeur, double largeur = 30) => Ajouter(entete, GenreColonne.Texte, largeur, l => valeur(l));

    /// <summary>« Oui » or « Non ».</summary>
    public ColonnesExcel<T> OuiNon(string entete, Func<T, bool> valeur) => Texte(entete, l => valeur(l) ? "Oui" : "Non", 12);

    /// <summary>A date, « jj/mm/aaaa ».</summary>
    public ColonnesExcel<T> Date(string entete, Func<T, DateOnly?> valeur) =>
        Ajouter(entete, GenreColonne.Date, 13, l => valeur(l) is { } d ? d.ToDateTime(TimeOnly.MinValue) : null);

    /// <summary>A month, « mm/aaaa » (its first day, so Excel sorts and filters it as a date).</summary>
    public ColonnesExcel<T> Mois(string entete, Func<T, Domain.Commun.Mois?> valeur) =>
        Ajouter(entete, GenreColonne.Mois, 11, l => valeur(l) is { } m ? m.Premier.ToDateTime(TimeOnly.MinValue) : null);

    /// <summary>An instant, shown in Europe/Paris time (DOMAIN.md §2), « jj/mm/aaaa hh:mm ».</summary>
    public ColonnesExcel<T> Horodatage(string entete, Func<T, DateTimeOffset?> valeur) =>
        Ajouter(entete, GenreColonne.Horodatage, 17, l => valeur(l) is { } q ? TimeZoneInfo.ConvertTime(q, ClasseurListe.Paris).DateTime : null);

    /// <summary>A duration stored in minutes, written in hours with two decimals (« 1 234,50 »).</summary>
    public ColonnesExcel<T> Heures(string entete, Func<T, long?> minutes) =>
        Ajouter(entete, GenreColonne.Heures, 14, l => minutes(l) is { } m ? new Duree(m).EnHeures : null);

    public ColonnesExcel<T> Entier(string entete, Func<T, long?> valeur) => Ajouter(entete, GenreColonne.Entier, 12, l => valeur(l));

    /// <summary>A rate stored in basis points, written as a number with the bilans' percentage format (« 12,5 % »).</summary>
    public ColonnesExcel<T> Taux(string entete, Func<T, Domain.Commun.Taux?> taux) =>
        Ajouter(entete, GenreColonne.Taux, 12, l => ClasseurBilan.Ratio(taux(l)));

    /// <summary>An amount stored in cents, written in euros with two decimals.</summary>
    public ColonnesExcel<T> Montant(string entete, Func<T, long?> centimes) =>
        Ajouter(entete, GenreColonne.Montant, 16, l => centimes(l) is { } c ? c / 100m : null);

    private ColonnesExcel<T> Ajouter(string entete, GenreColonne genre, double largeur, Func<T, object?> valeur)
    {
        _colonnes.Add(new ColonneExcel<T>(entete, genre, largeur, valeur));
        return this;
    }
}

/// <summary>
/// The Excel file of a list (issue 15 item 2), EPPlus 4.5.3.3, with the bilans' rules (<see cref="ClasseurBilan"/>): one
/// sheet, the header on the first row (its style), frozen and with Excel's filter buttons; number formats in Excel's
/// invariant syntax, which a French Excel shows « 1 234,50 », « 04/12/2026 », « 04/12/2026 14:05 »; every text through
/// <see cref="TexteCellule"/> (formula injection); widths set by hand (AutoFitColumns throws on Linux). The rows are read
/// one by one from <see cref="IAsyncEnumerable{T}"/> (the database's reader, nothing tracked, no list in memory) and the
/// formats are set once per column, not per cell, so that 100 000 rows stay a matter of seconds. EPPlus 4 keeps the
/// sheet in memory until it saves: the file is saved straight to <paramref name="sortie"/> (a temporary file of the
/// caller), never copied to a byte array.
/// </summary>
public static class ClasseurListe
{
    public const string TypeContenu = ClasseurBilan.TypeContenu;

    public const string FormatHorodatage = "dd/mm/yyyy hh:mm";

    public const string FormatMontant = "#,##0.00";

    /// <summary>The header's row; the data start on the next one.</summary>
    public const int RangeeEntetes = 1;

    internal static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>« marches-2026-12-04.xlsx »: the list's name (<see cref="ClasseurBilan.Slug"/>) and the day of the export.</summary>
    public static string NomFichier(string titre, DateOnly le) =>
        $"{(ClasseurBilan.Slug(titre) is { Length: > 0 } slug ? slug : "liste")}-{le.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>Writes the workbook of <paramref name="lignes"/> to <paramref name="sortie"/>; returns the number of rows written.</summary>
    public static async Task<int> EcrireAsync<T>(IAsyncEnumerable<T> lignes, ColonnesExcel<T> colonnes, Stream sortie, string? structure = null,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        ArgumentNullException.ThrowIfNull(colonnes);
        ArgumentNullException.ThrowIfNull(sortie);
        using var paquet = new ExcelPackage();
        paquet.Workbook.Properties.Title = colonnes.Titre;
        if (structure is not null) paquet.Workbook.Properties.Company = structure;
        var feuille = paquet.Workbook.Worksheets.Add(ClasseurBilan.NomFeuille(colonnes.Titre) is { Length: > 0 } nom ? nom : "Liste");
        var liste = colonnes.Colonnes;
        ClasseurBilan.Entete(feuille, RangeeEntetes, liste.Select(c => c.Entete).ToList());

        var rangee = RangeeEntetes;
        await foreach (var ligne in lignes.WithCancellation(annulation).ConfigureAwait(false))
        {
            rangee++;
            for (var c = 0; c < liste.Count; c++)
            {
                var valeur = liste[c].Valeur(ligne);
                if (liste[c].Genre == GenreColonne.Texte) TexteCellule.Ecrire(feuille, rangee, c + 1, (string?)valeur);
                else if (valeur is not null) feuille.SetValue(rangee, c + 1, valeur);
            }
        }

        for (var c = 0; c < liste.Count; c++)
        {
            feuille.Column(c + 1).Width = liste[c].Largeur;
            if (rangee == RangeeEntetes) continue;
            var cellules = feuille.Cells[RangeeEntetes + 1, c + 1, rangee, c + 1];
            if (liste[c].Genre == GenreColonne.Texte) TexteCellule.FormaterColonne(cellules);
            else cellules.Style.Numberformat.Format = Format(liste[c].Genre);
        }
        feuille.View.FreezePanes(RangeeEntetes + 1, 1);
        if (liste.Count > 0) feuille.Cells[RangeeEntetes, 1, rangee, liste.Count].AutoFilter = true;
        paquet.SaveAs(sortie);
        return rangee - RangeeEntetes;
    }

    private static string Format(GenreColonne genre) => genre switch
    {
        GenreColonne.Date => ClasseurBilan.FormatDate,
        GenreColonne.Mois => ClasseurBilan.FormatMois,
        GenreColonne.Horodatage => FormatHorodatage,
        GenreColonne.Heures => ClasseurBilan.FormatHeures,
        GenreColonne.Entier => ClasseurBilan.FormatEntier,
        GenreColonne.Montant => FormatMontant,
        GenreColonne.Taux => ClasseurBilan.FormatTaux,
        _ => "@",
    };
}
