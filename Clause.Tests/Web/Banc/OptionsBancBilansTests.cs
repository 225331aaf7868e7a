using Clause.Domain.Commun;
using Clause.Infrastructure.Echelle;
using Clause.Web.Banc;

namespace Clause.Tests.Web.Banc;

/// <summary>
/// The arguments of <c>banc bilans</c> (issue 10, Performance): the defaults, and bad input refused with every French
/// message at once naming its option — fewer than 30 runs, not a number, the national database or an unknown one, a
/// malformed month, an option without its value, an unknown option.
/// </summary>
public sealed class OptionsBancBilansTests
{
    [Fact]
    public void Sans_option_le_banc_mesure_30_fois_demo_et_dix_fois_sur_les_24_mois_finissant_en_novembre_2026()
    {
        var options = OptionsBancBilans.Lire(["banc", "bilans"], out var erreurs);

        Assert.Empty(erreurs);
        Assert.NotNull(options);
        Assert.Equal(30, options.Requetes);
        Assert.Equal([ParametresEchelle.Demo, ParametresEchelle.DixFois], options.Bases);
        Assert.Equal((new Mois(2024, 12), new Mois(2026, 11), 24), (options.Periode.Du, options.Periode.Au, options.Periode.NombreMois));
    }

    [Fact]
    public void Des_options_valides_sont_lues()
    {
        var options = OptionsBancBilans.Lire(["banc", "bilans", "--requetes", "45", "--bases", "dix-fois", "--au", "2025-06", "--dossier", "/tmp/x"], out var erreurs);

        Assert.Empty(erreurs);
        Assert.Equal((45, "dix-fois", new Mois(2023, 7)), (options!.Requetes, options.Bases.Single().Nom, options.Periode.Du));
    }

    [Theory]
    [InlineData("--requetes", "29", "--requetes")]
    [InlineData("--requetes", "trente", "--requetes")]
    [InlineData("--requetes", "-40", "--requetes")]
    [InlineData("--bases", "nationale", "nationale")]
    [InlineData("--bases", "demo,inconnue", "inconnue")]
    [InlineData("--bases", ",", "au moins une base")]
    [InlineData("--au", "2026-13", "--au")]
    [InlineData("--au", "nov. 2026", "--au")]
    [InlineData("--vite", "oui", "option inconnue")]
    public void Une_option_mauvaise_est_refusee_en_la_nommant(string option, string valeur, string attendu)
    {
        var options = OptionsBancBilans.Lire(["banc", "bilans", option, valeur], out var erreurs);

        Assert.Null(options);
        Assert.Contains(erreurs, e => e.Contains(attendu, StringComparison.Ordinal));
    }

    [Fact]
    public void Toutes_les_erreurs_sont_donnees_a_la_fois()
    {
        var options = OptionsBancBilans.Lire(["banc", "bilans", "--requetes", "5", "--bases", "nationale", "--au"], out var erreurs);

        Assert.Null(options);
        Assert.Equal(3, erreurs.Count);
        Assert.Contains(erreurs, e => e.StartsWith("--requetes", StringComparison.Ordinal));
        Assert.Contains(erreurs, e => e.StartsWith("--bases", StringComparison.Ordinal));
        Assert.Contains(erreurs, e => e.StartsWith("--au : une valeur est attendue", StringComparison.Ordinal));
    }
}
