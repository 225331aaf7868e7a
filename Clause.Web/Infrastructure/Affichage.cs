using System.Globalization;
using Clause.Domain.Commun;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Clause.Web.Infrastructure;

/// <summary>French display helpers shared by every page (dates dd/MM/yyyy, enum labels, select lists).</summary>
public static class Affichage
{
    public static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", Fr) ?? "—";

    /// <summary>"du … au …", or "depuis le … (sans fin prévue)" for an open period (a running CDI, DOMAIN.md §6).</summary>
    public static string Du(Periode periode) => periode.Fin == DateOnly.MaxValue
        ? $"depuis le {Date(periode.Debut)} (sans fin prévue)"
        : $"du {Date(periode.Debut)} au {Date(periode.Fin)}";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today's date in Europe/Paris (DOMAIN.md §2), from the injected clock.</summary>
    public static DateOnly Aujourdhui(TimeProvider horloge) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), Paris).DateTime);

    /// <summary>Options of a select for an enum, labelled in French, with the current value selected.</summary>
    public static IEnumerable<SelectListItem> Options<TEnum>(TEnum? selection = null) where TEnum : struct, Enum =>
        Libelles.Tous<TEnum>().Select(o => new SelectListItem(o.Libelle, o.Valeur.ToString(), selection.HasValue && selection.Value.Equals(o.Valeur)));
}
