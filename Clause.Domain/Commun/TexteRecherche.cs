using System.Globalization;
using System.Text;

namespace Clause.Domain.Commun;

/// <summary>
/// The one normalisation of searched text (issue 15 item 6): what an entity stores in its <c>Recherche</c> column and
/// what a typed term becomes before it is compared, so that « lefevre », « LEFÈVRE » and « Lefèvre » are the same word
/// on SQLite and on SQL Server alike (neither database is asked to ignore accents: both compare already-normalised text).
/// Unicode decomposition (FormD) with the diacritics dropped, lower case (invariant), the ligatures œ, æ and ß spelled
/// out (oe, ae, ss; ø, ł, đ, which do not decompose, as o, l, d), apostrophes and hyphens read as spaces (« Saint-Étienne » is found by « saint etienne »), every run
/// of white space reduced to one space, trimmed; cut at <see cref="LongueurMax"/> characters (the column's length).
/// </summary>
public static class TexteRecherche
{
    /// <summary>
    /// The length of every search column. 800 characters keep a SQL Server index key (StructureId, Recherche) under its
    /// 1 700 bytes; the longest searched fields (a marché's number and object, 551 characters) fit.
    /// </summary>
    public const int LongueurMax = 800;

    /// <summary>The normalised form of <paramref name="texte"/> (empty for null or blank).</summary>
    public static string Normaliser(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte)) return string.Empty;
        var decompose = texte.Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        var espace = true; // no leading space
        foreach (var c in decompose)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
                continue;
            var remplacement = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' or 'ẞ' => "ss",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                'đ' or 'Đ' => "d",
                '\'' or '’' or '‘' or 'ʼ' or '-' or '‐' or '‑' or '–' or '—' => " ",
                _ when char.IsWhiteSpace(c) => " ",
                _ => null,
            };
            if (remplacement == " ")
            {
                if (!espace) resultat.Append(' ');
                espace = true;
                continue;
            }
            if (remplacement is not null) resultat.Append(remplacement);
            else resultat.Append(char.ToLowerInvariant(c));
            espace = false;
        }
        if (resultat.Length > 0 && resultat[^1] == ' ') resultat.Length--;
        var normalise = resultat.ToString().Normalize(NormalizationForm.FormC);
        return normalise.Length > LongueurMax ? normalise[..LongueurMax].TrimEnd() : normalise;
    }

    /// <summary>The search text of several fields: each normalised, joined by one space, the empty ones left out.</summary>
    public static string De(params string?[] champs)
    {
        ArgumentNullException.ThrowIfNull(champs);
        return Normaliser(string.Join(' ', champs.Where(c => !string.IsNullOrWhiteSpace(c))));
    }
}
