using Clause.Domain.Commun;

namespace Clause.Domain.Bilans;

/// <summary>What a bilan covers (DOMAIN.md §9): one lot, one marché, one opération, one donneur d'ordre, or the structure.</summary>
public enum Perimetre
{
    [Libelle("Lot")] Lot,
    [Libelle("Marché")] Marche,
    [Libelle("Opération")] Operation,
    [Libelle("Donneur d'ordre")] DonneurOrdre,
    [Libelle("Structure")] Structure,
}

/// <summary>
/// The scope of a bilan: a <see cref="Perimetre"/> and the id of its record (none for <see cref="Perimetre.Structure"/>, the
/// current structure). Read from the query string by <see cref="Lire"/> (codes of the API: <c>lot</c>, <c>marche</c>,
/// <c>operation</c>, <c>donneurOrdre</c>, <c>structure</c>).
/// </summary>
public sealed record PerimetreBilan(Perimetre Perimetre, Guid? Id)
{
    /// <summary>The whole current structure.</summary>
    public static readonly PerimetreBilan Structure = new(Perimetre.Structure, null);

    /// <summary>The code of the query string and of the API (<c>donneurOrdre</c>…).</summary>
    public string Code => CodeDe(Perimetre);

    /// <summary>The code of a <see cref="Bilans.Perimetre"/> in URLs and in the API.</summary>
    public static string CodeDe(Perimetre perimetre) => perimetre switch
    {
        Perimetre.Lot => "lot",
        Perimetre.Marche => "marche",
        Perimetre.Operation => "operation",
        Perimetre.DonneurOrdre => "donneurOrdre",
        Perimetre.Structure => "structure",
        _ => throw new ArgumentOutOfRangeException(nameof(perimetre)),
    };

    /// <summary>
    /// Reads <c>perimetre</c> (a code, case-insensitive) and <c>id</c> (a GUID, required except for the structure, ignored
    /// there): every refusal in one pass, each naming its field (<c>perimetre</c>, <c>id</c>).
    /// </summary>
    public static PerimetreBilan Lire(string? perimetre, string? id)
    {
        var erreurs = new List<RegleMetierException>();
        var trouve = Enum.GetValues<Perimetre>().Where(p => string.Equals(CodeDe(p), perimetre?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (string.IsNullOrWhiteSpace(perimetre))
            erreurs.Add(new RegleMetierException("perimetre", "Le périmètre (perimetre) est obligatoire : lot, marche, operation, donneurOrdre ou structure."));
        else if (trouve.Count == 0)
            erreurs.Add(new RegleMetierException("perimetre", "Le périmètre (perimetre) est inconnu : lot, marche, operation, donneurOrdre ou structure sont attendus."));
        Guid? valeur = null;
        var sansId = trouve.Count == 1 && trouve[0] == Perimetre.Structure;
        if (!sansId)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                if (trouve.Count == 1)
                    erreurs.Add(new RegleMetierException("id", "L'identifiant (id) du périmètre est obligatoire."));
            }
            else if (Guid.TryParse(id.Trim(), out var guid) && guid != Guid.Empty)
                valeur = guid;
            else
                erreurs.Add(new RegleMetierException("id", "L'identifiant (id) du périmètre n'est pas valide."));
        }
        if (erreurs.Count > 0) throw RegleMetierException.Plusieurs(erreurs);
        return new PerimetreBilan(trouve[0], sansId ? null : valeur);
    }
}
