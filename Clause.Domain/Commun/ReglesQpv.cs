namespace Clause.Domain.Commun;

/// <summary>
/// The one QPV code rule (DOMAIN.md §3), for opérations and participants alike. Two national lists stay valid in the
/// data, since contracts before 2024 refer to the 2015 quartiers:
/// 2015 list: "QP" + département (3 characters) + 3 digits, e.g. QP037005, QP02A001;
/// 2024 list (décret 2023-1314): "QN" + département (3) + 2 digits + 1 letter (N new, M modified, I unchanged…), e.g. QN05901M.
/// A département is 001…095, 02A, 02B or 971…976.
/// </summary>
public static class ReglesQpv
{
    public const int Longueur = 8;

    public const string Format =
        "Le code QPV doit être « QP » + département sur 3 caractères + 3 chiffres (exemple : QP037005), "
        + "ou « QN » + département sur 3 caractères + 2 chiffres + 1 lettre (exemple : QN05901M).";

    /// <summary>The code in its stored form (upper case, no spaces), or a refusal naming <paramref name="champ"/>.</summary>
    public static string Verifier(string? saisie, string champ, string messageSiVide)
    {
        var code = Normaliser(saisie);
        if (code.Length == 0) throw new RegleMetierException(champ, messageSiVide);
        return EstValide(code) ? code : throw new RegleMetierException(champ, Format);
    }

    public static bool EstValide(string code) =>
        code.Length == Longueur && EstDepartement(code.AsSpan(2, 3)) && (code[..2]) switch
        {
            "QP" => char.IsAsciiDigit(code[5]) && char.IsAsciiDigit(code[6]) && char.IsAsciiDigit(code[7]),
            "QN" => char.IsAsciiDigit(code[5]) && char.IsAsciiDigit(code[6]) && char.IsAsciiLetterUpper(code[7]),
            _ => false,
        };

    private static string Normaliser(string? saisie) =>
        (saisie ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    // Metropolitan départements 001…095 (Corsica is 02A and 02B, never 020), overseas 971…976.
    private static bool EstDepartement(ReadOnlySpan<char> d)
    {
        if (d is "02A" or "02B") return true;
        if (!char.IsAsciiDigit(d[0]) || !char.IsAsciiDigit(d[1]) || !char.IsAsciiDigit(d[2])) return false;
        var numero = ((d[0] - '0') * 100) + ((d[1] - '0') * 10) + (d[2] - '0');
        return numero is (>= 1 and <= 95 and not 20) or (>= 971 and <= 976);
    }
}
