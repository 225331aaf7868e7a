using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>One page of a server-side paged list.</summary>
public sealed record PageDe<T>(IReadOnlyList<T> Elements, int Total, int Numero, int Taille)
{
    public int NombrePages => Math.Max(1, (Total + Taille - 1) / Taille);

    public bool APrecedente => Numero > 1;

    public bool ASuivante => Numero < NombrePages;
}

public static class Pagination
{
    public const int TailleParDefaut = 20;

    /// <summary>Counts and fetches one page in the database (never the whole table).</summary>
    public static async Task<PageDe<T>> PaginerAsync<T>(this IQueryable<T> requete, int numero, int taille = TailleParDefaut, CancellationToken annulation = default)
    {
        var total = await requete.CountAsync(annulation);
        var nombrePages = Math.Max(1, (total + taille - 1) / taille);
        numero = Math.Clamp(numero, 1, nombrePages);
        var elements = await requete.Skip((numero - 1) * taille).Take(taille).ToListAsync(annulation);
        return new PageDe<T>(elements, total, numero, taille);
    }
}
