using System.Text;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Excel;
using OfficeOpenXml;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The yearly consolidation's change on the previous year (worked examples of docs/domain.md), its CSV as a French
/// spreadsheet opens it (BOM, <c>;</c>, decimal comma, neutralised text, quoting) and its workbook read back.
/// </summary>
public sealed class ExportsConsolidationTests
{
    private static DimensionProfil Sexe(int femmes, int hommes) => new(DimensionsProfil.Sexe, "Sexe",
        [new CelluleProfil("F", "Femme", femmes), new CelluleProfil("H", "Homme", hommes)]);

    private static ConsolidationAnnuelle UneConsolidation(string structure = "PLIE du Grand Tours") => new(structure,
        new ChiffresAnnee(2025, 11_500 * 60 + 30, 43_899, 29_188, 2_122, 6_894, 29_412, 13_663, [Sexe(3, 9)]),
        new ChiffresAnnee(2024, 10_000 * 60, 45_000, 29_188, 0, 6_000, 29_000, 13_000, [Sexe(4, 8)]));

    [Theory]
    [InlineData(11_500, 10_000, 1_500)]  // +15,0 %
    [InlineData(43_899, 45_000, -240)]   // −2,4467 % → −2,4 %
    [InlineData(29_188, 29_188, 0)]
    [InlineData(1, 3, -6_670)]           // −66,666… % → −66,7 % (half-up away from zero)
    public void L_evolution_est_l_ecart_sur_l_annee_precedente_arrondi_une_fois_au_dixieme(long valeur, long precedente, int pointsDeBase) =>
        Assert.Equal(new Taux(pointsDeBase), ConsolidationAnnuelle.Evolution(valeur, precedente));

    [Fact]
    public void Sans_annee_precedente_l_evolution_n_existe_pas() => Assert.Null(ConsolidationAnnuelle.Evolution(2_122, 0));

    [Theory]
    [InlineData("2025", 2025)]
    [InlineData(" 2000 ", 2000)]
    public void L_annee_se_lit_sur_quatre_chiffres(string saisie, int annee) => Assert.Equal(annee, ConsolidationAnnuelle.LireAnnee(saisie));

    [Theory]
    [InlineData(null)]
    [InlineData("25")]
    [InlineData("1999")]
    [InlineData("deux mille")]
    public void Une_annee_mal_formee_est_refusee_en_nommant_le_champ(string? saisie)
    {
        var erreur = Assert.Throws<RegleMetierException>(() => ConsolidationAnnuelle.LireAnnee(saisie));
        Assert.Equal("annee", erreur.Champ);
        Assert.Contains("L'année (annee)", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Les_lignes_donnent_les_chiffres_cles_puis_chaque_case_de_profil_avec_l_annee_precedente()
    {
        var lignes = UneConsolidation().Indicateurs;
        Assert.Equal(["Heures d'insertion réalisées", "Contrats", "Participants distincts", "Maîtres d'ouvrage (donneurs d'ordre)", "Opérations", "Marchés",
            "Entreprises", "Femme", "Homme"], lignes.Select(l => l.Libelle));
        Assert.True(lignes[0].EnMinutes);
        Assert.Equal(new Taux(-240), lignes[1].Evolution);
        Assert.Null(lignes[3].Evolution);
        Assert.Equal(("Sexe", 3L, 4L), (lignes[7].Rubrique, lignes[7].Valeur, lignes[7].ValeurPrecedente));
        Assert.Equal(new Taux(-2_500), lignes[7].Evolution);
    }

    [Fact]
    public void Le_csv_s_ouvre_dans_un_tableur_francais_utf8_avec_bom_point_virgule_et_virgule_decimale()
    {
        var octets = ExportsConsolidation.Csv(UneConsolidation());
        Assert.Equal(Encoding.UTF8.GetPreamble(), octets[..3]);
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n");

        Assert.Equal("Structure;Rubrique;Indicateur;2025;2024;Évolution (%)", lignes[0]);
        Assert.Equal("PLIE du Grand Tours;Chiffres clés;Heures d'insertion réalisées;11500,50;10000,00;15,0", lignes[1]);
        Assert.Equal("PLIE du Grand Tours;Chiffres clés;Contrats;43899;45000;-2,4", lignes[2]);
        Assert.Equal("PLIE du Grand Tours;Chiffres clés;Maîtres d'ouvrage (donneurs d'ordre);2122;0;", lignes[4]);
        Assert.Equal("PLIE du Grand Tours;Sexe;Femme;3;4;-25,0", lignes[8]);
        Assert.Equal(string.Empty, lignes[^1]);
        Assert.Equal(11, lignes.Length);
    }

    [Fact]
    public void Le_csv_neutralise_et_met_entre_guillemets_le_texte_saisi()
    {
        var texte = Encoding.UTF8.GetString(ExportsConsolidation.Csv(UneConsolidation("=HYPERLINK(\"x\";\"PLIE\")")));
        Assert.Contains("\r\n\"'=HYPERLINK(\"\"x\"\";\"\"PLIE\"\")\";Chiffres clés;Contrats;43899;45000;-2,4\r\n", texte, StringComparison.Ordinal);
        Assert.Equal("'-1;\"a;b\";\"deux\r\nlignes\";12,50;3,1;\r\n",
            Encoding.UTF8.GetString(new EcrivainCsv().Ligne("-1", "a;b", "deux\r\nlignes", 12.5m, new NombreCsv(3.14m, 1), null).Octets()[3..]));
    }

    [Fact]
    public void Le_classeur_de_la_consolidation_porte_les_memes_lignes_aux_formats_francais()
    {
        using var paquet = new ExcelPackage(new MemoryStream(ExportsConsolidation.Classeur(UneConsolidation("@PLIE"), new DateOnly(2026, 1, 15))));
        var f = paquet.Workbook.Worksheets[ExportsConsolidation.FeuilleConsolidation];
        var r = ClasseurBilan.RangeeEntetes + 1;

        Assert.Equal("Consolidation annuelle 2025 — @PLIE", f.Cells[1, 1].Value);
        Assert.Equal(["Rubrique", "Indicateur", "2025", "2024", "Évolution (%)"], Enumerable.Range(1, 5).Select(c => f.Cells[r, c].Value));
        Assert.Equal("Heures d'insertion réalisées", f.Cells[r + 1, 2].Value);
        Assert.Equal(11_500.5, Convert.ToDouble(f.Cells[r + 1, 3].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ClasseurBilan.FormatHeures, f.Cells[r + 1, 3].Style.Numberformat.Format);
        Assert.Equal(0.15, Convert.ToDouble(f.Cells[r + 1, 5].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(43_899, Convert.ToDouble(f.Cells[r + 2, 3].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ClasseurBilan.FormatEntier, f.Cells[r + 2, 3].Style.Numberformat.Format);
        Assert.Null(f.Cells[r + 4, 5].Value);
        Assert.Equal(new DateTime(2026, 1, 15), f.Cells[2, 2].GetValue<DateTime>());
        Assert.All(Enumerable.Range(1, 5), c => Assert.True(f.Column(c).Width > 10));
        Assert.Equal("consolidation-2025-plie-du-grand-tours.xlsx", ExportsConsolidation.NomFichier(UneConsolidation(), "xlsx"));
    }
}
