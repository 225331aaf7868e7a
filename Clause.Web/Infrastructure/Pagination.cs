using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>One page of a server-side paged list.</summary>
public sealed record PageDe<T>(IReadOnlyList<T> Elements, int Total, int Numero, int Taille)
{
    public int NombrePages => Pagination.NombrePages(Total, Taille);
}

public static class Pagination
{
    public const int TailleParDefaut = 20;

    /// <summary>No list sends more rows than this, whatever size is asked.</summary>
    public const int TailleMax = 100;

    public static int NombrePages(int total, int taille) => Math.Max(1, (total + taille - 1) / taille);

    /// <summary>
    /// Counts and fetches one page in the database (never the whole table). A number below 1 gives the first page,
    /// one beyond the last gives the last; the size is kept between 1 and <see cref="TailleMax"/>.
    /// </summary>
    public static async Task<PageDe<T>> PaginerAsync<T>(this IQueryable<T> requete, int numero, int taille = TailleParDefaut, CancellationToken annulation = default)
    {
        taille = Math.Clamp(taille, 1, TailleMax);
        var total = await requete.CountAsync(annulation);
        numero = Math.Clamp(numero, 1, NombrePages(total, taille));
        var elements = await requete.Skip((numero - 1) * taille).Take(taille).ToListAsync(annulation);
        return new PageDe<T>(elements, total, numero, taille);
    }
}
