using System.Globalization;

namespace Clause.Web.Api;

/// <summary>One page of a list endpoint: <c>{ elements, page, taille, total }</c> (total = every element of the list, all pages).</summary>
public sealed record PageApi<T>(IReadOnlyList<T> Elements, int Page, int Taille, int Total);

/// <summary>
/// The paging of every list endpoint: <c>page</c> ≥ 1 (default 1) and <c>taille</c> from 1 to <see cref="TailleMax"/>
/// (default <see cref="TailleParDefaut"/>). Read from the query string as text so that a wrong value answers a 400
/// naming its field instead of being clamped: a program that asked for 100 000 rows must learn it got 500 at most.
/// A page beyond the last is empty (the total tells where the list ends).
/// </summary>
public readonly record struct Pagination(int Page, int Taille)
{
    public const int TailleParDefaut = 50;

    public const int TailleMax = 500;

    public int Sauter => (Page - 1) * Taille;

    public static bool Lire(string? page, string? taille, out Pagination pagination, out Dictionary<string, string[]> erreurs)
    {
        erreurs = [];
        var numero = 1;
        var nombre = TailleParDefaut;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out numero) || numero < 1))
            erreurs["page"] = ["Le champ « page » doit être un nombre entier supérieur ou égal à 1."];
        if (taille is not null && (!int.TryParse(taille, NumberStyles.None, CultureInfo.InvariantCulture, out nombre) || nombre < 1 || nombre > TailleMax))
            erreurs["taille"] = [$"Le champ « taille » doit être un nombre entier de 1 à {TailleMax}."];
        pagination = new Pagination(numero, nombre);
        return erreurs.Count == 0;
    }
}
