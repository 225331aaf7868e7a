namespace Clause.Domain.Commun;

/// <summary>
/// The one rule of an e-mail address typed or sent to Clause (issue 16 item 8): exactly one « @ », a local part before
/// it, a domain after it with at least one dot and no empty label (« agglo.fr », not « localhost » nor « agglo..fr »),
/// no space nor control character anywhere, no scheme (« mailto: », « http:// »), none of the characters that would
/// make it several addresses or a display name (« , ; &lt; &gt; " ( ) [ ] \ / »). Deliberately narrower than RFC 5322:
/// what Clause keeps is an address a person can read and a mail server will take. The forms read it through one
/// attribute (Clause.Web's <c>[AdresseEmail]</c>), the domain through <see cref="Garde.Email"/>, the start-up through
/// its configuration check.
/// </summary>
public static class AdresseEmail
{
    public const int LongueurMax = 254;

    private const string Interdits = ",;<>\"()[]\\/:";

    public static bool EstValide(string? adresse)
    {
        if (string.IsNullOrEmpty(adresse) || adresse.Length > LongueurMax) return false;
        if (adresse.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || Interdits.Contains(c, StringComparison.Ordinal))) return false;
        var arobase = adresse.IndexOf('@', StringComparison.Ordinal);
        if (arobase <= 0 || arobase != adresse.LastIndexOf('@')) return false;
        var domaine = adresse[(arobase + 1)..];
        var etiquettes = domaine.Split('.');
        return etiquettes.Length >= 2 && etiquettes.All(EtiquetteValide);
    }

    /// <summary>« Le champ « Adresse e-mail » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr). »</summary>
    public static string Message(string libelle) =>
        $"Le champ « {libelle} » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr).";

    // Letters (accented domains too), digits and inner hyphens.
    private static bool EtiquetteValide(string etiquette) =>
        etiquette.Length is > 0 and <= 63
        && etiquette.All(c => char.IsLetterOrDigit(c) || c == '-')
        && etiquette[0] != '-' && etiquette[^1] != '-';
}
