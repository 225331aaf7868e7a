namespace Clause.Domain.Commun;

/// <summary>
/// A SIRET number (DOMAIN.md §4): 14 digits, spaces allowed on input. Valid when the SIRET and its SIREN
/// pass the Luhn check, except La Poste (SIREN 356000000) whose SIRET digits sum to a multiple of 5.
/// </summary>
public readonly record struct Siret
{
    public const int Longueur = 14;
    private const string SirenLaPoste = "356000000";

    private Siret(string valeur) => Valeur = valeur;

    public string Valeur { get; }

    public string Siren => Valeur[..9];

    public static bool EstValide(string? saisie) => TryParse(saisie, out _);

    public static bool TryParse(string? saisie, out Siret siret)
    {
        siret = default;
        if (saisie is null) return false;
        var chiffres = saisie.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        if (chiffres.Length != Longueur || !chiffres.All(char.IsAsciiDigit)) return false;
        var valide = chiffres.StartsWith(SirenLaPoste, StringComparison.Ordinal)
            ? chiffres.Sum(c => c - '0') % 5 == 0
            : Luhn(chiffres) && Luhn(chiffres[..9]);
        if (!valide) return false;
        siret = new Siret(chiffres);
        return true;
    }

    /// <summary>Parses at the edge: a refusal names the field in French.</summary>
    public static Siret Parse(string? saisie, string champ = "Siret") =>
        TryParse(saisie, out var siret)
            ? siret
            : throw new RegleMetierException(champ, "Le SIRET doit comporter 14 chiffres et sa clé de contrôle doit être valide.");

    public override string ToString() => Valeur is null ? string.Empty
        : $"{Valeur[..3]} {Valeur[3..6]} {Valeur[6..9]} {Valeur[9..]}";

    internal static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var chiffre = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                chiffre *= 2;
                if (chiffre > 9) chiffre -= 9;
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    /// <summary>Completes 13 digits with the Luhn key digit (used to generate demo and test data).</summary>
    public static string AvecCle(string treizeChiffres)
    {
        for (var cle = 0; cle <= 9; cle++)
        {
            var candidat = treizeChiffres + cle.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Luhn(candidat)) return candidat;
        }
        throw new InvalidOperationException("Aucune clé de Luhn possible.");
    }
}
