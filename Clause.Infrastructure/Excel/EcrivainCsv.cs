using System.Globalization;
using System.Text;
using Clause.Domain.Commun;

namespace Clause.Infrastructure.Excel;

/// <summary>
/// A CSV file as a French spreadsheet opens it by a double click: UTF-8 with a byte order mark (else Excel reads it as
/// Windows-1252), <c>;</c> between fields (the list separator of the French locale), a decimal comma and no thousands
/// separator (« 1234,50 », read as a number), CRLF between lines, a field quoted when it holds <c>;</c>, a quote or a
/// line break. Every text goes through <see cref="TexteCellule.Neutraliser"/> (formula injection).
/// </summary>
public sealed class EcrivainCsv
{
    public const char Separateur = ';';

    public const string TypeContenu = "text/csv; charset=utf-8";

    private readonly StringBuilder _texte = new();

    /// <summary>
    /// Adds one line. A <see cref="string"/> is a text (neutralised, quoted when needed); an integer is written as it is;
    /// a <see cref="decimal"/> with a decimal comma and two decimals, a <see cref="NombreCsv"/> with its own decimals;
    /// null is an empty field.
    /// </summary>
    public EcrivainCsv Ligne(IEnumerable<object?> champs)
    {
        ArgumentNullException.ThrowIfNull(champs);
        var premier = true;
        foreach (var champ in champs)
        {
            if (!premier) _texte.Append(Separateur);
            premier = false;
            _texte.Append(Champ(champ));
        }
        _texte.Append("\r\n");
        return this;
    }

    public EcrivainCsv Ligne(params object?[] champs) => Ligne((IEnumerable<object?>)champs);

    /// <summary>The file: the UTF-8 byte order mark then the lines.</summary>
    public byte[] Octets() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_texte.ToString())];

    private static readonly NumberFormatInfo Nombres = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    private static string Champ(object? champ) => champ switch
    {
        null => string.Empty,
        string texte => Texte(texte),
        int or long or short => Convert.ToString(champ, CultureInfo.InvariantCulture)!,
        decimal d => d.ToString("F2", Nombres),
        NombreCsv n => n.Valeur.ToString("F" + n.Decimales.ToString(CultureInfo.InvariantCulture), Nombres),
        _ => Texte(Convert.ToString(champ, FormatFrancais.Culture) ?? string.Empty),
    };

    private static string Texte(string texte)
    {
        var neutre = TexteCellule.Neutraliser(texte)!;
        return neutre.IndexOfAny([Separateur, '"', '\r', '\n']) >= 0 ? "\"" + neutre.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : neutre;
    }
}

/// <summary>A decimal number written with <paramref name="Decimales"/> decimals (a change in percent: one).</summary>
public readonly record struct NombreCsv(decimal Valeur, int Decimales);
