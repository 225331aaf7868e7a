namespace Clause.Domain.Bilans;

/// <summary>
/// The small-cell hiding of a buyer's bilan (issue 10 item 3, DOMAIN.md §9 « Privacy », docs/domain.md « Masquage des
/// petits effectifs »), written once here and applied by every buyer output (portal, API):
/// <list type="number">
/// <item>a cell of 1 to <c>seuil − 1</c> people is hidden (primary); a cell of 0 is not (it describes nobody);</item>
/// <item>in a dimension where exactly one cell is hidden, the smallest other cell is hidden too — zero included, ties
/// broken by the first code in the order of DOMAIN.md (the order of the cells) — so that the hidden count cannot be
/// recovered by subtracting the visible cells from the total;</item>
/// <item>the totals (participants, contrats) are never hidden: they describe no attribute of anyone.</item>
/// </list>
/// A cell already hidden counts as hidden, so applying the rule twice gives the same cells. The threshold is the
/// structure's réglage <c>SeuilConfidentialite</c> (5 by default, 1 to 50; 1 hides nothing).
/// </summary>
public static class Masquage
{
    public static IReadOnlyList<DimensionProfil> Masquer(IReadOnlyList<DimensionProfil> dimensions, int seuil)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentOutOfRangeException.ThrowIfLessThan(seuil, 1);
        return dimensions.Select(d => MasquerDimension(d, seuil)).ToList();
    }

    private static DimensionProfil MasquerDimension(DimensionProfil dimension, int seuil)
    {
        var cellules = dimension.Cellules.Select(c => c.Masquee || EstPetite(c.Nombre, seuil) ? c with { Masquee = true } : c).ToList();
        if (cellules.Count(c => c.Masquee) == 1)
        {
            // The smallest other cell; on a tie the first in the list, which is DOMAIN.md's order.
            var seconde = -1;
            for (var i = 0; i < cellules.Count; i++)
                if (!cellules[i].Masquee && (seconde < 0 || cellules[i].Nombre < cellules[seconde].Nombre)) seconde = i;
            if (seconde >= 0) cellules[seconde] = cellules[seconde] with { Masquee = true };
        }
        return dimension with { Cellules = cellules };
    }

    /// <summary>
    /// The bilan a buyer sees: the profile splits and the situations after the clause hidden by <see cref="Masquer"/>; every
    /// other figure (hours, rates, totals, series) unchanged. The one entry point of the portal and of the API.
    /// </summary>
    public static Bilan PourDonneurOrdre(Bilan bilan, int seuil)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return bilan with { Profils = Masquer(bilan.Profils, seuil), Situations = Masquer([bilan.Situations], seuil)[0] };
    }

    /// <summary>A count that would describe fewer people than the threshold (0 describes nobody and stays visible).</summary>
    public static bool EstPetite(int nombre, int seuil) => nombre > 0 && nombre < seuil;
}
