using Clause.Domain.Commun;
using Clause.Domain.Heures;

namespace Clause.Tests.Domain.Heures;

/// <summary>
/// The target line written once as an expression (docs/domain.md §30): each clause of <see cref="CibleLineaire.Formule"/>
/// — 0 before the start, both ends of the elapsed days included, half-up to the minute, the hours due after the end, no
/// division by a non-positive duration — and the lateness it gives, in memory and as the spliced expression a list sorts on.
/// </summary>
public class CibleLineaireTests
{
    private static readonly DateOnly Debut = new(2026, 1, 1);
    private static readonly DateOnly Fin = new(2026, 12, 31);
    private const long Dues = 833 * 60;

    [Fact]
    public void La_cible_vaut_zero_avant_le_debut_d_execution() =>
        Assert.Equal(new Duree(0), CibleLineaire.Au(Debut, Fin, Dues, new DateOnly(2025, 12, 31)));

    [Fact]
    public void Le_premier_jour_compte_deja() =>
        // 49 980 × 1 / 365 = 136,93 → 137 min.
        Assert.Equal(new Duree(137), CibleLineaire.Au(Debut, Fin, Dues, Debut));

    [Fact]
    public void La_cible_fin_fevrier_est_arrondie_a_la_minute() =>
        // 49 980 × 59 / 365 = 8 078,9 → 8 079 min (134,65 h).
        Assert.Equal(new Duree(8_079), CibleLineaire.Au(Debut, Fin, Dues, new DateOnly(2026, 2, 28)));

    [Fact]
    public void Une_demi_minute_s_arrondit_au_dessus() =>
        // 1 min due over 2 days, day 1: 0,5 → 1 (a truncation would give 0).
        Assert.Equal(new Duree(1), CibleLineaire.Au(Debut, Debut.AddDays(1), 1, Debut));

    [Fact]
    public void Apres_la_fin_la_cible_vaut_les_heures_dues() =>
        Assert.Equal(new Duree(Dues), CibleLineaire.Au(Debut, Fin, Dues, new DateOnly(2027, 6, 30)));

    [Fact]
    public void Une_fin_avant_le_debut_donne_zero_sans_division() =>
        Assert.Equal(new Duree(0), CibleLineaire.Au(Fin, Debut, Dues, new DateOnly(2026, 6, 30)));

    [Fact]
    public void Le_retard_est_la_cible_moins_les_realisees_negatif_en_avance()
    {
        var finFevrier = new DateOnly(2026, 2, 28);
        Assert.Equal(new Duree(8_079), CibleLineaire.Retard(Debut, Fin, Dues, 0, finFevrier));
        Assert.Equal(new Duree(8_079 - 12_000), CibleLineaire.Retard(Debut, Fin, Dues, 12_000, finFevrier));
    }

    private sealed record Ligne(DateOnly Debut, DateOnly Fin, long Dues, long Realisees);

    [Theory]
    [InlineData(2025, 12, 31, 0)]
    [InlineData(2026, 2, 28, 0)]
    [InlineData(2026, 2, 28, 12_000)]
    [InlineData(2026, 7, 15, 100)]
    [InlineData(2027, 1, 31, 60_000)]
    public void L_expression_d_une_ligne_donne_le_meme_retard_qu_en_memoire(int annee, int mois, int jour, long realisees)
    {
        var date = new DateOnly(annee, mois, jour);
        var expression = CibleLineaire.RetardDe<Ligne>(l => l.Debut, l => l.Fin, l => l.Dues, l => l.Realisees, date).Compile();

        Assert.Equal(CibleLineaire.Retard(Debut, Fin, Dues, realisees, date).Minutes, expression(new Ligne(Debut, Fin, Dues, realisees)));
    }
}
