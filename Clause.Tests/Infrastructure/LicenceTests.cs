using Clause.Tests.Support;

namespace Clause.Tests.Infrastructure;

/// <summary>The licence is EUPL-1.2: its full official text in LICENSE, and the README says so.</summary>
public class LicenceTests
{
    private static readonly string Texte = File.ReadAllText(Path.Combine(Racine.Depot(), "LICENSE"));

    [Fact]
    public void Le_fichier_LICENSE_porte_le_texte_officiel_complet_de_l_EUPL_1_2()
    {
        Assert.StartsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2", Texte, StringComparison.Ordinal);
        Assert.Contains("EUPL © the European Union 2007, 2016", Texte, StringComparison.Ordinal);
        // The 15 articles, then the appendix of compatible licences (LGPL among them, for EPPlus 4.5.3.3).
        string[] articles = ["1.Definitions", "2.Scope of the rights granted by the Licence", "3.Communication of the Source Code",
            "4.Limitations on copyright", "5.Obligations of the Licensee", "6.Chain of Authorship", "7.Disclaimer of Warranty",
            "8.Disclaimer of Liability", "9.Additional agreements", "10.Acceptance of the Licence", "11.Information to the public",
            "12.Termination of the Licence", "13.Miscellaneous", "14.Jurisdiction", "15.Applicable Law"];
        var position = 0;
        foreach (var article in articles)
        {
            var trouve = Texte.IndexOf(article, position, StringComparison.Ordinal);
            Assert.True(trouve >= 0, $"Article absent ou hors d'ordre : {article}");
            position = trouve;
        }
        Assert.Contains("GNU Lesser General Public Licence (LGPL) v. 2.1, v. 3", Texte[position..], StringComparison.Ordinal);
    }

    [Fact]
    public void Le_README_annonce_l_EUPL_1_2_et_renvoie_au_fichier_LICENSE()
    {
        var lisezMoi = File.ReadAllText(Path.Combine(Racine.Depot(), "README.md"));
        Assert.Contains("## Licence", lisezMoi, StringComparison.Ordinal);
        Assert.Contains("EUPL-1.2", lisezMoi, StringComparison.Ordinal);
        Assert.Contains("[LICENSE](LICENSE)", lisezMoi, StringComparison.Ordinal);
        Assert.DoesNotContain("reste à acter", lisezMoi, StringComparison.Ordinal);
    }
}
