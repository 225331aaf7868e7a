namespace Clause.Domain.Commun;

/// <summary>Guards shared by entities: every refusal is a <see cref="RegleMetierException"/> with a French message.</summary>
public static class Garde
{
    /// <summary>A required text, trimmed, at most <paramref name="longueurMax"/> characters.</summary>
    public static string Requis(string? valeur, string champ, string libelle, int longueurMax)
    {
        var texte = valeur?.Trim();
        if (string.IsNullOrEmpty(texte))
            throw new RegleMetierException(champ, $"Le champ « {libelle} » est obligatoire.");
        return Longueur(texte, champ, libelle, longueurMax);
    }

    /// <summary>An optional text: null when empty, trimmed, at most <paramref name="longueurMax"/> characters.</summary>
    public static string? Optionnel(string? valeur, string champ, string libelle, int longueurMax)
    {
        var texte = valeur?.Trim();
        return string.IsNullOrEmpty(texte) ? null : Longueur(texte, champ, libelle, longueurMax);
    }

    public static TEnum Defini<TEnum>(TEnum valeur, string champ, string libelle) where TEnum : struct, Enum =>
        Enum.IsDefined(valeur)
            ? valeur
            : throw new RegleMetierException(champ, $"La valeur du champ « {libelle} » n'est pas reconnue.");

    public static Guid Identifiant(Guid valeur, string champ, string libelle) =>
        valeur == Guid.Empty ? throw new RegleMetierException(champ, $"Le champ « {libelle} » est obligatoire.") : valeur;

    /// <summary>A required typed id: its empty GUID (a default value) means "not given".</summary>
    public static T Identifiant<T>(T valeur, string champ, string libelle) where T : struct, IIdentifiant<T> =>
        valeur.Valeur == Guid.Empty ? throw new RegleMetierException(champ, $"Le champ « {libelle} » est obligatoire.") : valeur;

    /// <summary>An optional e-mail address, checked by the one rule of <see cref="AdresseEmail"/> (the real proof is the mail that arrives).</summary>
    public static string? Email(string? valeur, string champ, string libelle, int longueurMax)
    {
        var texte = Optionnel(valeur, champ, libelle, longueurMax);
        if (texte is null) return null;
        if (!AdresseEmail.EstValide(texte))
            throw new RegleMetierException(champ, AdresseEmail.Message(libelle));
        return texte;
    }

    /// <summary>An optional phone number: digits, spaces, dots, dashes, brackets or « + » (a company contact's, a proposed hire's).</summary>
    public static string? Telephone(string? valeur, string champ, string libelle, int longueurMax)
    {
        var tel = Optionnel(valeur, champ, libelle, longueurMax);
        if (tel is not null && !tel.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
            throw new RegleMetierException(champ, $"Le champ « {libelle} » ne doit contenir que des chiffres, espaces, points, tirets ou « + ».");
        return tel;
    }

    private static string Longueur(string texte, string champ, string libelle, int longueurMax) =>
        texte.Length > longueurMax
            ? throw new RegleMetierException(champ, $"Le champ « {libelle} » ne doit pas dépasser {longueurMax} caractères.")
            : texte;
}
