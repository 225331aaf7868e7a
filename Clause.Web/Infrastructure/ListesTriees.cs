using System.Linq.Expressions;
using Clause.Domain.Commun;

namespace Clause.Web.Infrastructure;

/// <summary>
/// The sortable columns of a list: a whitelist of the keys the address may carry, each with its label and the
/// ordering it applies in the database. A key outside the list gives the default column, so nothing typed in the
/// address reaches <c>OrderBy</c> unchecked.
/// </summary>
public sealed class ColonnesTri<T>
{
    private readonly List<(string Cle, string Libelle, Func<IQueryable<T>, bool, IOrderedQueryable<T>> Ordonner)> _colonnes = [];

    /// <param name="parDefaut">The key used when the address names no column, or an unknown one; it must be declared.</param>
    public ColonnesTri(string parDefaut) => ParDefaut = parDefaut;

    public string ParDefaut { get; }

    /// <summary>A column sorted on one expression (ascending or descending).</summary>
    public ColonnesTri<T> Colonne<TCle>(string cle, string libelle, Expression<Func<T, TCle>> selecteur) =>
        Colonne(cle, libelle, (requete, decroissant) => decroissant ? requete.OrderByDescending(selecteur) : requete.OrderBy(selecteur));

    /// <summary>A column with its own ordering (several keys, a rank), given the direction.</summary>
    public ColonnesTri<T> Colonne(string cle, string libelle, Func<IQueryable<T>, bool, IOrderedQueryable<T>> ordonner)
    {
        _colonnes.Add((cle, libelle, ordonner));
        return this;
    }

    /// <summary>The column actually sorted: <paramref name="tri"/> if it is in the whitelist, otherwise the default.</summary>
    public string Effectif(string? tri) => _colonnes.Any(c => c.Cle == tri) ? tri! : ParDefaut;

    public string Libelle(string cle) =>
        _colonnes.Where(c => c.Cle == cle).Select(c => c.Libelle).FirstOrDefault()
        ?? throw new ArgumentException($"La colonne « {cle} » n'est pas déclarée triable.", nameof(cle));

    public IOrderedQueryable<T> Trier(IQueryable<T> requete, string? tri, bool decroissant)
    {
        var cle = Effectif(tri);
        var colonne = _colonnes.FirstOrDefault(c => c.Cle == cle);
        if (colonne.Ordonner is null) throw new InvalidOperationException($"La colonne par défaut « {ParDefaut} » n'est pas déclarée.");
        return colonne.Ordonner(requete, decroissant);
    }
}

/// <summary>What a sortable header needs once the list is read: the sorted column and its direction, and the labels.</summary>
public sealed record EtatTri(string Effectif, bool Decroissant, Func<string, string> Libelle);

/// <summary>
/// Text search in the database with LIKE on the entities' search columns (<c>Recherche</c>, kept by the domain with
/// <see cref="TexteRecherche"/>): the typed term is normalised by the same function, so accents and case are ignored
/// on SQLite and SQL Server alike; the user's wildcards are escaped.
/// </summary>
public static class RechercheTexte
{
    public const string Echappement = "\\";

    /// <summary>
    /// "%texte%" for <paramref name="texte"/> cut at <see cref="SourceRecherche.LongueurTermeMax"/> characters then
    /// normalised (<see cref="TexteRecherche.Normaliser"/>), with %, _, \ and [ escaped (use with <see cref="Echappement"/>):
    /// SQL Server reads [ as the start of a character set; SQLite matches an escaped [ literally, so one pattern serves
    /// both providers. To compare with a search column only.
    /// </summary>
    public static string Contient(string texte)
    {
        ArgumentNullException.ThrowIfNull(texte);
        // A search box, not a document: a longer term is cut, so that the pattern stays small on every list (issue 17).
        var terme = texte.Trim();
        if (terme.Length > SourceRecherche.LongueurTermeMax) terme = terme[..SourceRecherche.LongueurTermeMax];
        terme = TexteRecherche.Normaliser(terme);
        return "%" + terme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal) + "%";
    }

    /// <summary>
    /// The pattern of a SIRET typed with or without spaces (« 732 829 320 00074 »), compared with the SIRET column (14
    /// digits, no space): "%chiffres%" when the term, spaces removed, is digits only; otherwise null.
    /// </summary>
    public static string? MotifSiret(string? texte)
    {
        var chiffres = new string((texte ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (chiffres.Length > SourceRecherche.LongueurTermeMax) chiffres = chiffres[..SourceRecherche.LongueurTermeMax];
        return chiffres.Length > 0 && chiffres.All(char.IsAsciiDigit) ? "%" + chiffres + "%" : null;
    }
}
