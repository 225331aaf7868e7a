using Clause.Domain.Commun;

namespace Clause.Tests.Domain;

/// <summary>The one QPV code rule (DOMAIN.md §3): 2015 list QP + département + 3 digits, 2024 list QN + département + 2 digits + 1 letter.</summary>
public class ReglesQpvTests
{
    [Theory]
    [InlineData("QP037005")] // 2015 list, Indre-et-Loire
    [InlineData("QP001001")] // first metropolitan département
    [InlineData("QP095012")] // last metropolitan département
    [InlineData("QP02A001")] // Corse-du-Sud
    [InlineData("QP02B003")] // Haute-Corse
    [InlineData("QP971002")] // Guadeloupe
    [InlineData("QP976001")] // Mayotte
    [InlineData("QN05901M")] // 2024 list, modified quartier
    [InlineData("QN03701N")] // 2024 list, new quartier
    [InlineData("QN97601I")] // 2024 list, Mayotte, unchanged quartier
    [InlineData("QN02A01N")] // 2024 list, Corsica
    public void Un_code_des_deux_listes_est_valide(string code) => Assert.True(ReglesQpv.EstValide(code));

    [Theory]
    [InlineData("QP096001")] // no département 096
    [InlineData("QP000001")] // no département 000
    [InlineData("QP020001")] // Corsica is 02A / 02B, never 020
    [InlineData("QP02C001")] // no 02C
    [InlineData("QP970001")] // overseas start at 971
    [InlineData("QP977001")] // and stop at 976
    [InlineData("QP03700A")] // 2015 list ends with 3 digits
    [InlineData("QN037012")] // 2024 list without its letter
    [InlineData("QN0590MM")] // 2024 list: 2 digits then the letter
    [InlineData("QX037005")] // neither QP nor QN
    [InlineData("QP03700")]  // too short
    [InlineData("QP0370055")] // too long
    [InlineData("QN05901m")] // letters are stored upper case (Verifier normalises the input)
    public void Un_code_hors_format_est_refuse(string code) => Assert.False(ReglesQpv.EstValide(code));

    [Fact]
    public void La_saisie_est_normalisee_et_le_refus_nomme_le_champ()
    {
        Assert.Equal("QN05901M", ReglesQpv.Verifier(" qn 059 01m ", "CodeQpv", "vide"));

        var ex = Assert.Throws<RegleMetierException>(() => ReglesQpv.Verifier("QP096001", "CodeQpv", "vide"));
        Assert.Equal("CodeQpv", ex.Champ);
        Assert.Equal(ReglesQpv.Format, ex.Message);
        Assert.Equal("vide", Assert.Throws<RegleMetierException>(() => ReglesQpv.Verifier("  ", "CodeQpv", "vide")).Message);
    }
}
