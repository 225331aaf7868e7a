using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clause.Domain.Commun;

namespace Clause.Web.Api;

/// <summary>
/// The JSON conventions of every /api/v1 endpoint (docs/api.md): camelCase names, unknown fields refused, dates
/// yyyy-MM-dd (System.Text.Json's own DateOnly format), months yyyy-MM, hours and euros as numbers with exactly two
/// decimals (<see cref="Heures"/>, <see cref="Euros"/>). Minimal APIs only: Razor Pages are not concerned.
/// </summary>
public static class JsonApi
{
    public static void Configurer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new ConvertisseurMois());
    }

    /// <summary>Hours with two decimals: minutes / 60 rounded once, half away from zero (as the lot page shows them).</summary>
    public static decimal Heures(Duree duree) => FormatFrancais.DiviserArrondi(duree.Minutes * 100, 60) * 0.01m;

    /// <summary>Hours of a count of minutes (see <see cref="Heures(Duree)"/>).</summary>
    public static decimal Heures(long minutes) => Heures(new Duree(minutes));

    /// <summary>Euros with two decimals (cents are exact: no rounding).</summary>
    public static decimal Euros(Montant montant) => montant.Centimes * 0.01m;

    /// <summary>A rate as a percentage with two decimals (basis points are exact: 45,5 % = 45.50); null stays null.</summary>
    public static decimal? Pourcentage(Taux? taux) => taux is { } t ? t.PointsDeBase * 0.01m : null;

    /// <summary>
    /// A ratio of two counts of minutes (a rate of the bilan API: 1.1579 = 115,79 %), rounded half-up once to four decimals
    /// from the minutes themselves — never from a rounded percentage: 11 000 h / 9 500 h → 1.1579. Null without denominator.
    /// </summary>
    public static decimal? Ratio(long numerateurMinutes, long denominateurMinutes) => denominateurMinutes <= 0
        ? null
        : FormatFrancais.DiviserArrondi(checked(numerateurMinutes * 10_000), denominateurMinutes) * 0.0001m;

    /// <summary>
    /// "2026-03" → March 2026, strictly (four-digit year, two-digit month 01 to 12, year within <see cref="PlageDates"/>: 1900
    /// to 2100): a body field or a query parameter.
    /// </summary>
    public static bool TryLireMois(string? texte, out Mois mois)
    {
        mois = default;
        if (texte is not { Length: 7 } || texte[4] != '-'
            || !int.TryParse(texte.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var annee)
            || !int.TryParse(texte.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var numero)
            || numero is < 1 or > 12 || !PlageDates.Contient(new Mois(annee, numero)))
            return false;
        mois = new Mois(annee, numero);
        return true;
    }

    /// <summary>A month as "yyyy-MM", read strictly (two-digit month, 01 to 12).</summary>
    public sealed class ConvertisseurMois : JsonConverter<Mois>
    {
        public override Mois Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (TryLireMois(reader.TokenType == JsonTokenType.String ? reader.GetString() : null, out var mois)) return mois;
            throw new JsonException("Le mois doit s'écrire aaaa-mm, par exemple 2026-03.");
        }

        public override void Write(Utf8JsonWriter writer, Mois value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.ToString());
        }
    }
}
