using Clause.Domain.Bilans;
using Clause.Domain.Commun;

namespace Clause.Tests.Domain.Bilans;

/// <summary>The range and the scope of a bilan read from the query string (issue 10 « Bad input »): French messages naming the field, all in one pass.</summary>
public sealed class LectureBilanTests
{
    [Fact]
    public void Une_periode_valide_est_lue()
    {
        var periode = PeriodeBilan.Lire("2025-01", " 2025-12 ");
        Assert.Equal(new Mois(2025, 1), periode.Du);
        Assert.Equal(new Mois(2025, 12), periode.Au);
        Assert.Equal(12, periode.NombreMois);
        Assert.Equal(new DateOnly(2025, 12, 31), periode.Fin);
        Assert.Equal("janvier 2025 – décembre 2025", periode.Libelle);
        Assert.Equal(120, PeriodeBilan.Lire("2016-01", "2025-12").NombreMois);
    }

    [Theory]
    [InlineData("2025-1", "2025-12", "du")]
    [InlineData("2025-13", "2025-12", "du")]
    [InlineData("janvier", "2025-12", "du")]
    [InlineData("", "2025-12", "du")]
    [InlineData("2025-01", "2025/12", "au")]
    [InlineData("2025-01", null, "au")]
    [InlineData("2025-06", "2025-05", "du")]
    [InlineData("2015-12", "2025-12", "au")]
    public void Une_periode_invalide_est_refusee_en_nommant_le_champ(string? du, string? au, string champ)
    {
        var erreur = Assert.Throws<RegleMetierException>(() => PeriodeBilan.Lire(du, au));
        Assert.Equal(champ, erreur.Champ);
        Assert.Contains($"({champ})", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deux_mois_malformes_sont_refuses_ensemble()
    {
        var erreur = Assert.Throws<RegleMetierException>(() => PeriodeBilan.Lire("x", "2025-00"));
        Assert.Equal(["du", "au"], erreur.Toutes.Select(e => e.Champ));
    }

    [Fact]
    public void Le_debut_apres_la_fin_et_plus_de_dix_ans_ont_leur_message()
    {
        Assert.Equal("Le mois de début (du) doit précéder ou égaler le mois de fin (au).",
            Assert.Throws<RegleMetierException>(() => PeriodeBilan.Lire("2025-06", "2025-05")).Message);
        Assert.StartsWith("La période ne peut dépasser 120 mois",
            Assert.Throws<RegleMetierException>(() => PeriodeBilan.Lire("2015-12", "2025-12")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_perimetre_est_lu_par_son_code()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new PerimetreBilan(Perimetre.DonneurOrdre, id), PerimetreBilan.Lire("donneurOrdre", id.ToString()));
        Assert.Equal(new PerimetreBilan(Perimetre.Lot, id), PerimetreBilan.Lire("LOT", id.ToString()));
        Assert.Equal(PerimetreBilan.Structure, PerimetreBilan.Lire("structure", null));
        Assert.Equal("donneurOrdre", PerimetreBilan.Lire("donneurordre", id.ToString()).Code);
    }

    [Theory]
    [InlineData("chantier", "0193a000-0000-7000-8000-000000000001", "perimetre")]
    [InlineData(null, "0193a000-0000-7000-8000-000000000001", "perimetre")]
    [InlineData("lot", null, "id")]
    [InlineData("marche", "pas-un-guid", "id")]
    [InlineData("operation", "00000000-0000-0000-0000-000000000000", "id")]
    public void Un_perimetre_invalide_est_refuse_en_nommant_le_champ(string? perimetre, string? id, string champ)
    {
        var erreur = Assert.Throws<RegleMetierException>(() => PerimetreBilan.Lire(perimetre, id));
        Assert.Equal(champ, erreur.Champ);
        Assert.Contains($"({champ})", erreur.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, "<26")]
    [InlineData(26, "26-49")]
    [InlineData(49, "26-49")]
    [InlineData(50, ">=50")]
    public void La_tranche_d_age(int age, string tranche) => Assert.Equal(tranche, DimensionsProfil.Tranche(age));
}
