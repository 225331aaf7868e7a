namespace Clause.Domain.Commun;

/// <summary>
/// The sane range of a date typed or sent to Clause (issue 16): from 01/01/1900 to 31/12/2100, both included. A date
/// outside (a marché ending 31/12/9999, a birth in year 1) is a typing error, and the calendar arithmetic of the pages
/// (months after the end, the curve of a lot) would overflow on it. The one place of this rule: every form reads it
/// through the web's date validator, the API through its month reader.
/// </summary>
public static class PlageDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);

    public static readonly DateOnly Max = new(2100, 12, 31);

    public static bool Contient(DateOnly date) => date >= Min && date <= Max;

    public static bool Contient(Mois mois) => mois.Annee >= Min.Year && mois.Annee <= Max.Year;

    /// <summary>« Le champ « Fin d'exécution » doit être une date comprise entre le 01/01/1900 et le 31/12/2100. »</summary>
    public static string Message(string libelle) =>
        $"Le champ « {libelle} » doit être une date comprise entre le {Min.ToString("dd/MM/yyyy", FormatFrancais.Culture)} et le "
        + $"{Max.ToString("dd/MM/yyyy", FormatFrancais.Culture)}.";
}
