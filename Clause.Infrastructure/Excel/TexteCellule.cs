using OfficeOpenXml;

namespace Clause.Infrastructure.Excel;

/// <summary>
/// The one place where a text typed by a user (a name, a label, a scope) is written to a file a spreadsheet opens: the
/// Excel files (the hours template, the bilans, the consolidation) and the CSV. A text starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return would be taken for a formula (formula injection, DOMAIN.md §9
/// « Exports »): it is neutralised by a leading apostrophe, the OWASP remedy, which stays in the value — so it survives
/// a « save as CSV » of the workbook and a copy-paste, where a cell style would not. In a workbook the cell is moreover
/// written as text (format « @ », never a formula) with Excel's quote prefix, so editing it keeps it a text.
/// </summary>
public static class TexteCellule
{
    /// <summary>The first characters a spreadsheet reads as the start of a formula (or of a DDE call).</summary>
    public static readonly IReadOnlyList<char> Declencheurs = ['=', '+', '-', '@', '\t', '\r'];

    public const char Apostrophe = '\'';

    /// <summary>True when <paramref name="texte"/> would be read as a formula.</summary>
    public static bool EstDangereux(string? texte) => texte is { Length: > 0 } && Declencheurs.Contains(texte[0]);

    /// <summary><paramref name="texte"/> itself, or prefixed with an apostrophe when it would be read as a formula.</summary>
    public static string? Neutraliser(string? texte) => EstDangereux(texte) ? Apostrophe + texte : texte;

    /// <summary>
    /// Writes a user text into <paramref name="cellule"/>: as text (format « @ »), neutralised. Null leaves the cell empty.
    /// </summary>
    public static void Ecrire(ExcelRange cellule, string? texte)
    {
        ArgumentNullException.ThrowIfNull(cellule);
        cellule.Style.Numberformat.Format = "@";
        if (EstDangereux(texte)) cellule.Style.QuotePrefix = true;
        cellule.Value = Neutraliser(texte);
    }

    /// <summary>
    /// The same for a whole column of a long list (<see cref="ClasseurListe"/>): the value neutralised, the quote prefix on a
    /// dangerous text only — the column's cells are formatted « @ » once by <see cref="FormaterColonne"/>, not one by one,
    /// so that 100 000 rows do not cost 100 000 style changes.
    /// </summary>
    public static void Ecrire(ExcelWorksheet feuille, int rangee, int colonne, string? texte)
    {
        ArgumentNullException.ThrowIfNull(feuille);
        if (EstDangereux(texte)) feuille.Cells[rangee, colonne].Style.QuotePrefix = true;
        feuille.SetValue(rangee, colonne, Neutraliser(texte));
    }

    /// <summary>Formats the cells of <paramref name="colonne"/> as text (« @ »): a user text is never read as a number or a formula.</summary>
    public static void FormaterColonne(ExcelRange colonne)
    {
        ArgumentNullException.ThrowIfNull(colonne);
        colonne.Style.Numberformat.Format = "@";
    }
}
