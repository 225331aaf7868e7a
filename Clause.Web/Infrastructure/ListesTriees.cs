using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>What a sortable column header shows: its link, its aria-sort and a text (not colour) cue.</summary>
public sealed record EnTeteColonne(string Lien, string? AriaSort, string Symbole, string Aide);

/// <summary>
/// The sort of a server-side list: a whitelist of column keys (anything else falls back to the default),
/// ascending or descending, and the header of each sortable column.
/// </summary>
public sealed class TriColonnes(IReadOnlyList<(string Cle, string Libelle)> colonnes, string parDefaut, string? tri, string? ordre)
{
    public IReadOnlyList<(string Cle, string Libelle)> Colonnes { get; } = colonnes;

    public string Effectif { get; } = colonnes.Any(c => c.Cle == tri) ? tri! : parDefaut;

    public bool Decroissant { get; } = string.Equals(ordre, "desc", StringComparison.Ordinal);

    /// <param name="lien">Builds the list's address for a sort key and an order ("asc" / "desc").</param>
    public EnTeteColonne EnTete(string cle, Func<string, string, string> lien)
    {
        ArgumentNullException.ThrowIfNull(lien);
        var libelle = Colonnes.First(c => c.Cle == cle).Libelle;
        var active = Effectif == cle;
        var prochainDecroissant = active && !Decroissant;
        var adresse = lien(cle, prochainDecroissant ? "desc" : "asc");
        var aide = $"trier par {libelle.ToLower(Affichage.Fr)}, ordre {(prochainDecroissant ? "décroissant" : "croissant")}";
        return active
            ? new EnTeteColonne(adresse, Decroissant ? "descending" : "ascending", Decroissant ? " ▼" : " ▲",
                $"(trié par ordre {(Decroissant ? "décroissant" : "croissant")}, activer pour {aide})")
            : new EnTeteColonne(adresse, null, string.Empty, $"({aide})");
    }
}

/// <summary>Text search in the database with LIKE, the user's wildcards escaped.</summary>
public static class RechercheTexte
{
    public const string Echappement = "\\";

    /// <summary>"%texte%" with %, _ and \ escaped (use with <see cref="Echappement"/>).</summary>
    public static string Contient(string texte)
    {
        ArgumentNullException.ThrowIfNull(texte);
        return "%" + texte.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }

    public static bool Correspond(string? colonne, string motif) => EF.Functions.Like(colonne, motif, Echappement);
}
