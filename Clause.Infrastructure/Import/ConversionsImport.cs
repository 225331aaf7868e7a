using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Marches;

namespace Clause.Infrastructure.Import;

/// <summary>A cell read as a typed value, or the French message saying what the column expects.</summary>
public readonly record struct Conversion<T>(T Valeur, string? Erreur)
{
    public bool Reussie => Erreur is null;

    public static Conversion<T> Ok(T valeur) => new(valeur, null);

    public static Conversion<T> Echec(string erreur) => new(default!, erreur);
}

/// <summary>
/// From a <see cref="CelluleLue"/> to the value its <see cref="GenreColonne"/> says (../shared/IMPORT.md « File »). Each
/// conversion is the domain's own parsing where it has one (<see cref="Duree.TryParseHeures"/> — hours to minutes half-up,
/// once —, <see cref="Montant.TryParse"/>, <see cref="Taux.TryParse"/>, <see cref="Siret.TryParse"/>): the same rounding as
/// the pages' <c>LectureSaisie</c>, never a second one. An empty cell is never an error here (a required column is checked
/// by the caller, which knows the column's name).
/// </summary>
public static class ConversionsImport
{
    /// <summary>The first and last day a real Excel date may stand for (OLE serials 1 … 2 958 465).</summary>
    private const double OleMin = 1;
    private const double OleMax = 2_958_465;

    /// <summary>The cell's text, trimmed; null when empty.</summary>
    public static string? Texte(CelluleLue? cellule)
    {
        var texte = cellule?.Texte?.Trim();
        return string.IsNullOrEmpty(texte) ? null : texte;
    }

    public static bool EstVide(CelluleLue? cellule) => Texte(cellule) is null && cellule?.Nombre is null;

    /// <summary>
    /// A numeric cell's text as written, except when the workbook wrote the number in scientific notation (a 14-digit SIRET
    /// typed as a number): then its integer digits.
    /// </summary>
    private static string? TexteNumerique(CelluleLue? cellule)
    {
        var texte = Texte(cellule);
        if (cellule?.Nombre is { } n && (texte is null || texte.Contains('E', StringComparison.OrdinalIgnoreCase)) && Math.Floor(n) == n)
            return n.ToString("F0", CultureInfo.InvariantCulture);
        return texte;
    }

    /// <summary><c>yyyy-mm-dd</c> text, or a real Excel date (an OLE serial; a time of day is ignored).</summary>
    public static Conversion<DateOnly> Date(CelluleLue cellule)
    {
        ArgumentNullException.ThrowIfNull(cellule);
        var texte = Texte(cellule);
        if (texte is not null && DateOnly.TryParseExact(texte, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Conversion<DateOnly>.Ok(date);
        if (cellule.Nombre is { } n && n >= OleMin && n <= OleMax)
            return Conversion<DateOnly>.Ok(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(n))));
        return Conversion<DateOnly>.Echec($"« {texte} » n'est pas une date : attendu aaaa-mm-jj (par exemple 2024-03-15) ou une date Excel.");
    }

    /// <summary><c>yyyy-mm</c>; a real Excel date (Excel turns « 2024-03 » typed into a date) gives its month.</summary>
    public static Conversion<Mois> Mois(CelluleLue cellule)
    {
        ArgumentNullException.ThrowIfNull(cellule);
        var texte = Texte(cellule);
        if (texte is not null && DateOnly.TryParseExact(texte, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var premier))
            return Conversion<Mois>.Ok(Domain.Commun.Mois.De(premier));
        if (cellule.Nombre is { } n && n >= OleMin && n <= OleMax)
            return Conversion<Mois>.Ok(Domain.Commun.Mois.De(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(n)))));
        return Conversion<Mois>.Echec($"« {texte} » n'est pas un mois : attendu aaaa-mm (par exemple 2024-03).");
    }

    /// <summary>Hours with up to 2 decimals, dot or comma, converted to minutes half-up by <see cref="Duree.TryParseHeures"/>.</summary>
    public static Conversion<Duree> Heures(CelluleLue cellule)
    {
        var texte = TexteNumerique(cellule);
        return Duree.TryParseHeures(texte, out var duree)
            ? Conversion<Duree>.Ok(duree)
            : Conversion<Duree>.Echec($"« {texte} » n'est pas un nombre d'heures : attendu un nombre positif d'au plus 2 décimales (par exemple 151,67).");
    }

    /// <summary>Euros with up to 2 decimals, dot or comma, in cents.</summary>
    public static Conversion<Montant> Montant(CelluleLue cellule)
    {
        var texte = TexteNumerique(cellule);
        return Domain.Commun.Montant.TryParse(texte, out var montant)
            ? Conversion<Montant>.Ok(montant)
            : Conversion<Montant>.Echec($"« {texte} » n'est pas un montant : attendu des euros positifs avec au plus 2 décimales (par exemple 12000,50).");
    }

    /// <summary>A number of percent with up to 2 decimals (<c>5</c> = 5 % = 500 points de base, <c>62,5</c>).</summary>
    public static Conversion<Taux> Pourcentage(CelluleLue cellule)
    {
        var texte = TexteNumerique(cellule);
        return Taux.TryParse(texte, out var taux)
            ? Conversion<Taux>.Ok(taux)
            : Conversion<Taux>.Echec($"« {texte} » n'est pas un pourcentage : attendu un nombre de pour cent d'au plus 2 décimales (5 pour 5 %, 62,5).");
    }

    /// <summary><c>Oui</c>/<c>Non</c>, <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, case-insensitive.</summary>
    public static Conversion<bool> Booleen(CelluleLue cellule)
    {
        var texte = TexteNumerique(cellule);
        return texte?.ToUpperInvariant() switch
        {
            "OUI" or "TRUE" or "VRAI" or "1" => Conversion<bool>.Ok(true),
            "NON" or "FALSE" or "FAUX" or "0" => Conversion<bool>.Ok(false),
            _ => Conversion<bool>.Echec($"« {texte} » n'est pas une réponse reconnue : attendu Oui ou Non (ou true/false, 1/0)."),
        };
    }

    /// <summary>A SIRET (DOMAIN.md §4), spaces allowed: the domain's <see cref="Siret"/>, its message.</summary>
    public static Conversion<Siret> Siret(CelluleLue cellule)
    {
        var texte = TexteNumerique(cellule);
        return Domain.Commun.Siret.TryParse(texte, out var siret)
            ? Conversion<Siret>.Ok(siret)
            : Conversion<Siret>.Echec($"« {texte} » n'est pas un SIRET valide : attendu 14 chiffres dont la clé de contrôle est valide.");
    }

    /// <summary>One code name of <typeparamref name="TEnum"/>, case-insensitive (never its number).</summary>
    public static Conversion<TEnum> Code<TEnum>(CelluleLue cellule) where TEnum : struct, Enum
    {
        var texte = Texte(cellule);
        return CodeDe<TEnum>(texte) is { } code
            ? Conversion<TEnum>.Ok(code)
            : Conversion<TEnum>.Echec(MessageCode<TEnum>(texte));
    }

    /// <summary>Code names separated by <c>,</c> (each case-insensitive); every unknown one is named.</summary>
    public static Conversion<IReadOnlyList<TEnum>> Codes<TEnum>(CelluleLue cellule) where TEnum : struct, Enum
    {
        var texte = Texte(cellule) ?? string.Empty;
        var parties = texte.Split(',', StringSplitOptions.TrimEntries);
        var codes = new List<TEnum>();
        var inconnus = new List<string>();
        foreach (var partie in parties)
        {
            if (CodeDe<TEnum>(partie) is { } code) codes.Add(code);
            else inconnus.Add(partie);
        }
        if (inconnus.Count > 0)
            return Conversion<IReadOnlyList<TEnum>>.Echec(
                $"{string.Join(", ", inconnus.Select(i => $"« {i} »"))} : code{(inconnus.Count > 1 ? "s" : string.Empty)} inconnu{(inconnus.Count > 1 ? "s" : string.Empty)} ; "
                + $"attendu des codes séparés par des virgules parmi : {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return Conversion<IReadOnlyList<TEnum>>.Ok(codes);
    }

    /// <summary>
    /// A lot's fondement: one code, or two separated by <c>+</c> (ConditionExecution+CritereAttribution). The combination's
    /// rules (never reserved to SIAE and EA/ESAT at once…) are the domain's: <see cref="ReglesFondement.Combiner"/>, called by
    /// the import with the lot's other fields.
    /// </summary>
    public static Conversion<IReadOnlyList<Fondement>> Fondement(CelluleLue cellule)
    {
        var texte = Texte(cellule) ?? string.Empty;
        var parties = texte.Split('+', StringSplitOptions.TrimEntries);
        var attendu = $"attendu un code, ou deux séparés par « + » (par exemple ConditionExecution+CritereAttribution), parmi : {string.Join(", ", Enum.GetNames<Fondement>())}.";
        if (parties.Length > 2) return Conversion<IReadOnlyList<Fondement>>.Echec($"« {texte} » : au plus deux fondements ; {attendu}");
        var codes = new List<Fondement>();
        foreach (var partie in parties)
        {
            if (CodeDe<Fondement>(partie) is not { } code) return Conversion<IReadOnlyList<Fondement>>.Echec($"« {partie} » n'est pas un fondement reconnu : {attendu}");
            codes.Add(code);
        }
        return Conversion<IReadOnlyList<Fondement>>.Ok(codes);
    }

    private static TEnum? CodeDe<TEnum>(string? texte) where TEnum : struct, Enum =>
        texte is null ? null
        : Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, texte, StringComparison.OrdinalIgnoreCase)) is { } nom
            ? Enum.Parse<TEnum>(nom)
            : null;

    private static string MessageCode<TEnum>(string? texte) where TEnum : struct, Enum =>
        $"« {texte} » n'est pas un code reconnu : attendu l'un de {string.Join(", ", Enum.GetNames<TEnum>())}.";
}
