using System.Globalization;

namespace Clause.Domain.Commun;

/// <summary>French number formatting shared by every quantity ("1 234,50").</summary>
public static class FormatFrancais
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Half-up (away from zero) division of integers: the one rounding rule of DOMAIN.md §2.</summary>
    public static long DiviserArrondi(long numerateur, long denominateur)
    {
        if (denominateur == 0) throw new DivideByZeroException();
        if (denominateur < 0) { numerateur = -numerateur; denominateur = -denominateur; }
        var quotient = Math.DivRem(Math.Abs(numerateur), denominateur, out var reste);
        if (reste * 2 >= denominateur) quotient++;
        return numerateur < 0 ? -quotient : quotient;
    }
}

/// <summary>Money in whole cents.</summary>
public readonly record struct Montant(long Centimes) : IComparable<Montant>
{
    public static Montant Euros(long euros) => new(euros * 100);

    public static Montant operator +(Montant a, Montant b) => new(a.Centimes + b.Centimes);

    public static Montant operator -(Montant a, Montant b) => new(a.Centimes - b.Centimes);

    public static bool operator <(Montant a, Montant b) => a.Centimes < b.Centimes;

    public static bool operator >(Montant a, Montant b) => a.Centimes > b.Centimes;

    public static bool operator <=(Montant a, Montant b) => a.Centimes <= b.Centimes;

    public static bool operator >=(Montant a, Montant b) => a.Centimes >= b.Centimes;

    public int CompareTo(Montant other) => Centimes.CompareTo(other.Centimes);

    /// <summary>Parses euros typed in French or with a dot ("12 000,50" or "12000.5"), at most 2 decimals.</summary>
    public static bool TryParse(string? saisie, out Montant montant)
    {
        montant = default;
        if (!Decimaux.TryParse(saisie, 2, out var centimes)) return false;
        montant = new Montant(centimes);
        return true;
    }

    public override string ToString() =>
        (Centimes / 100m).ToString("#,##0.00", FormatFrancais.Culture) + " €";
}

/// <summary>A rate or share in basis points: 5 % = 500, 100 % = 10 000.</summary>
public readonly record struct Taux(int PointsDeBase)
{
    public const int Cent = 10_000;

    public static Taux Pourcent(int pourcent) => new(pourcent * 100);

    public static bool TryParse(string? saisiePourcent, out Taux taux)
    {
        taux = default;
        if (!Decimaux.TryParse(saisiePourcent, 2, out var pdb) || pdb > int.MaxValue) return false;
        taux = new Taux((int)pdb);
        return true;
    }

    public override string ToString() =>
        (PointsDeBase / 100m).ToString("0.##", FormatFrancais.Culture) + " %";
}

/// <summary>A duration in whole minutes (151,67 h = 9 100 min).</summary>
public readonly record struct Duree(long Minutes) : IComparable<Duree>
{
    public static Duree Heures(long heures) => new(heures * 60);

    public static Duree operator +(Duree a, Duree b) => new(a.Minutes + b.Minutes);

    public static Duree operator -(Duree a, Duree b) => new(a.Minutes - b.Minutes);

    public static bool operator <(Duree a, Duree b) => a.Minutes < b.Minutes;

    public static bool operator >(Duree a, Duree b) => a.Minutes > b.Minutes;

    public static bool operator <=(Duree a, Duree b) => a.Minutes <= b.Minutes;

    public static bool operator >=(Duree a, Duree b) => a.Minutes >= b.Minutes;

    public int CompareTo(Duree other) => Minutes.CompareTo(other.Minutes);

    /// <summary>Parses hours with up to 2 decimals ("151,67"), converted to minutes half-up.</summary>
    public static bool TryParseHeures(string? saisie, out Duree duree)
    {
        duree = default;
        if (!Decimaux.TryParse(saisie, 2, out var centiemes)) return false;
        duree = new Duree(FormatFrancais.DiviserArrondi(centiemes * 60, 100));
        return true;
    }

    /// <summary>Hours as a number with two decimals, rounded half-up once (9 100 min → 151.67): the exports' and the API's hours.</summary>
    public decimal EnHeures => FormatFrancais.DiviserArrondi(Minutes * 100, 60) / 100m;

    /// <summary>Hours with two decimals, French format: "1 234,50 h".</summary>
    public override string ToString() =>
        (FormatFrancais.DiviserArrondi(Minutes * 100, 60) / 100m).ToString("#,##0.00", FormatFrancais.Culture) + " h";
}

/// <summary>A calendar month (year + month).</summary>
public readonly record struct Mois(int Annee, int Numero) : IComparable<Mois>
{
    public static Mois De(DateOnly date) => new(date.Year, date.Month);

    public DateOnly Premier => new(Annee, Numero, 1);

    public DateOnly Dernier => Premier.AddMonths(1).AddDays(-1);

    public Mois Suivant => De(Premier.AddMonths(1));

    /// <summary>Stable integer code yyyymm, used for storage and sorting.</summary>
    public int Code => Annee * 100 + Numero;

    public static Mois DepuisCode(int code) => new(code / 100, code % 100);

    public int CompareTo(Mois other) => Code.CompareTo(other.Code);

    public static bool operator <(Mois a, Mois b) => a.Code < b.Code;

    public static bool operator >(Mois a, Mois b) => a.Code > b.Code;

    public static bool operator <=(Mois a, Mois b) => a.Code <= b.Code;

    public static bool operator >=(Mois a, Mois b) => a.Code >= b.Code;

    public override string ToString() => $"{Annee:0000}-{Numero:00}";
}

/// <summary>A date range, both ends included.</summary>
public readonly record struct Periode(DateOnly Debut, DateOnly Fin)
{
    public bool Contient(DateOnly date) => date >= Debut && date <= Fin;

    public bool Contient(Periode autre) => autre.Debut >= Debut && autre.Fin <= Fin;

    public bool Chevauche(Periode autre) => Debut <= autre.Fin && autre.Debut <= Fin;

    public static Periode Creer(DateOnly debut, DateOnly fin, string champFin = "Fin") =>
        fin < debut
            ? throw new RegleMetierException(champFin, "La date de fin doit être postérieure ou égale à la date de début.")
            : new Periode(debut, fin);
}

/// <summary>Exact parsing of decimal input into an integer number of hundredths (no floating point).</summary>
internal static class Decimaux
{
    public static bool TryParse(string? saisie, int decimales, out long valeur)
    {
        valeur = 0;
        if (string.IsNullOrWhiteSpace(saisie)) return false;
        var texte = new string(saisie.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray()).Replace(',', '.');
        if (texte.StartsWith('-')) return false;
        var parties = texte.Split('.');
        if (parties.Length > 2 || parties[0].Length == 0 || parties[0].Length > 13 || !parties[0].All(char.IsAsciiDigit)) return false;
        var fraction = parties.Length == 2 ? parties[1] : string.Empty;
        if (fraction.Length > decimales || !fraction.All(char.IsAsciiDigit)) return false;
        var facteur = (long)Math.Pow(10, decimales);
        valeur = long.Parse(parties[0], CultureInfo.InvariantCulture) * facteur
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(decimales, '0'), CultureInfo.InvariantCulture));
        return true;
    }
}
