using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Web.Pages;
using Clause.Web.Pages.Lots;

namespace Clause.Tests.Web.Heures;

/// <summary>The arithmetic behind the lot's burn-up and the home page's trend.</summary>
public class CourbeEtTendanceTests
{
    [Theory]
    [InlineData(200, 0, "↗", "en hausse")]
    [InlineData(105, 100, "→", "stable")]
    [InlineData(94, 100, "↘", "en baisse")]
    [InlineData(106, 100, "↗", "en hausse")]
    [InlineData(0, 0, "→", "stable")]
    public void La_tendance_compare_les_trois_derniers_mois_aux_trois_precedents_a_5_pour_cent_pres(long recentes, long precedentes, string fleche, string texte)
    {
        var tendance = Tendance.De(Duree.Heures(recentes), Duree.Heures(precedentes));

        Assert.Equal(fleche, tendance.Fleche);
        Assert.Equal(texte, tendance.Texte);
    }

    [Fact]
    public void La_courbe_garde_le_cumul_des_mois_sans_heures_et_la_cible_atteint_les_heures_dues_a_la_fin()
    {
        var serie = new List<PointSerie>
        {
            new(new Mois(2026, 1), 6_000, 6_000),
            new(new Mois(2026, 2), 0, 6_000),
            new(new Mois(2026, 3), 3_000, 9_000),
        };

        var courbe = CourbeAvancement.Calculer(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 833 * 60, serie, new Mois(2026, 5));

        Assert.Equal(5, courbe.Mois.Count);
        Assert.Equal([6_000L, 6_000L, 9_000L, 9_000L, 9_000L], courbe.Mois.Select(m => m.Cumul.Minutes));
        Assert.Equal([6_000L, 0L, 3_000L, 0L, 0L], courbe.Mois.Select(m => m.Heures.Minutes));
        Assert.Equal(CourbeAvancement.MargeGauche, courbe.XDebutCible);
        Assert.Equal(CourbeAvancement.Droite, courbe.XFinCible);
        Assert.Equal("0 h", courbe.GraduationsY[0].Texte);
        Assert.Equal("1 000 h", Support.SituationsMarches.Espaces(courbe.GraduationsY[^1].Texte));
        Assert.Equal(12, courbe.GraduationsX.Count);
        var complete = CourbeAvancement.Calculer(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 833 * 60, serie, new Mois(2027, 2));
        Assert.Equal(Duree.Heures(833), complete.Mois[^1].Cible);
        Assert.Equal(12, complete.Mois.Count);
    }
}
