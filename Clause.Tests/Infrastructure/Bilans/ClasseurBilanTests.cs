using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Bilans;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The Excel file of a bilan (issue 10 item 4) read back cell by cell with EPPlus: the sheets, the figures of the
/// <see cref="Bilan"/> given (hours with two decimals, rates as ratios in percent format, months as dates), frozen
/// headers, explicit widths, the burn-up chart, user text neutralised (never a formula), the buyer's masked cells
/// (« &lt; 5 », the count absent from the file) and the file name.
/// </summary>
public sealed class ClasseurBilanTests
{
    private static readonly LotId Lot1 = LotId.De(Guid.CreateVersion7());

    private static DimensionProfil Sexe(int femmes, int hommes) => new(DimensionsProfil.Sexe, "Sexe",
        [new CelluleProfil("F", "Femme", femmes), new CelluleProfil("H", "Homme", hommes)]);

    private static DimensionProfil Qpv(int oui, int non) => new(DimensionsProfil.Qpv, "Résident QPV",
        [new CelluleProfil(DimensionsProfil.Oui, "Oui", oui), new CelluleProfil(DimensionsProfil.Non, "Non", non)]);

    /// <summary>11 000 h cumulated on 9 500 h due (115,8 %, capped 100 %), 3 months, a lot named like a formula.</summary>
    private static Bilan UnBilan() => new()
    {
        Perimetre = new PerimetreBilan(Perimetre.Lot, Lot1.Valeur),
        Periode = new PeriodeBilan(new Mois(2025, 1), new Mois(2025, 3)),
        Libelle = "=HYPERLINK(\"http://pirate.example\";\"Lot 2 — Gros œuvre\")",
        Structure = "PLIE du Grand Tours",
        DonneurOrdre = "@Ville de Tours",
        HeuresDuesMinutes = 9_500 * 60,
        RealiseesMinutes = 9_100 + 6_000 + 3_000,
        CumulMinutes = 11_000 * 60,
        CumulAuTauxMinutes = 11_000 * 60,
        CumulPlafonneMinutes = 9_500 * 60,
        EnAttenteMinutes = 90,
        HorsPeriodeMinutes = 0,
        HorsPeriodeLignes = 0,
        ParModalite = new Dictionary<ModaliteContrat, long> { [ModaliteContrat.EmbaucheDirecte] = 18_100 },
        ParTypeContrat = new Dictionary<TypeContrat, long> { [TypeContrat.CDI] = 9_100, [TypeContrat.CDD] = 9_000 },
        Mensuel = [new PointSerie(new Mois(2025, 1), 9_100, 640_000), new PointSerie(new Mois(2025, 2), 6_000, 646_000), new PointSerie(new Mois(2025, 3), 3_000, 660_000)],
        Participants = 7,
        Contrats = 8,
        ContratsParType = new Dictionary<TypeContrat, int> { [TypeContrat.CDI] = 3, [TypeContrat.CDD] = 5 },
        Entreprises = new EntreprisesBilan(3, 1, 1, 1, 1),
        Profils = [Sexe(2, 5), Qpv(6, 1)],
        Situations = new DimensionProfil(DimensionsProfil.Situation, "Situation après la clause",
            [new CelluleProfil("EmploiDurable", "Emploi durable", 4), new CelluleProfil("Inconnu", "Inconnue", 0)]),
        Previsions = new Dictionary<LotId, PrevisionLot> { [Lot1] = new PrevisionLot(6_000, 700_000, new Taux(12_280), null, 2, false) },
        Lots = [new LotBilan(Lot1, "-Lot 2 : Gros œuvre", true, true, 9_500 * 60, 18_100, 11_000 * 60, 90)],
    };

    private static ExcelPackage Relire(byte[] fichier) => new(new MemoryStream(fichier));

    /// <summary>A number read back (EPPlus reads every number of a saved file as a double).</summary>
    private static double? N(object? valeur) => valeur is null or string ? null : Convert.ToDouble(valeur, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The frozen pane of a sheet, as written in its XML: the first cell that scrolls.</summary>
    private static string? Figee(ExcelWorksheet feuille)
    {
        var pane = feuille.WorksheetXml.GetElementsByTagName("pane").Cast<System.Xml.XmlElement>().SingleOrDefault();
        return pane?.GetAttribute("state") == "frozen" ? pane.GetAttribute("topLeftCell") : null;
    }

    [Fact]
    public void La_synthese_porte_les_chiffres_du_bilan_aux_formats_francais_et_son_en_tete_est_figee()
    {
        using var paquet = Relire(ClasseurBilan.Ecrire(UnBilan(), 5, new DateOnly(2025, 4, 2)));
        Assert.Equal([ClasseurBilan.FeuilleSynthese, ClasseurBilan.FeuilleMensuel, ClasseurBilan.FeuilleModalites, ClasseurBilan.FeuilleTypes,
            ClasseurBilan.FeuilleLots, "Sexe", "Résident QPV", "Situation après la clause"], paquet.Workbook.Worksheets.Select(f => f.Name));
        var f = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleSynthese];
        var valeurs = Enumerable.Range(ClasseurBilan.RangeeEntetes + 1, 30).Where(r => f.Cells[r, 1].Value is string)
            .ToDictionary(r => (string)f.Cells[r, 1].Value, r => f.Cells[r, 2]);

        Assert.Equal(9_500, N(valeurs["Heures dues"].Value));
        Assert.Equal(ClasseurBilan.FormatHeures, valeurs["Heures dues"].Style.Numberformat.Format);
        Assert.Equal(301.67, N(valeurs["Heures réalisées sur la période"].Value)); // 18 100 min = 301,666… h, rounded once
        Assert.Equal(11_000, N(valeurs["Heures réalisées cumulées (depuis le début d'exécution)"].Value));
        Assert.Equal(1.5, N(valeurs["Heures en attente de validation"].Value));
        Assert.Equal(1.158, N(valeurs["Taux de réalisation"].Value)); // 11 000 / 9 500 = 115,8 %
        Assert.Equal(ClasseurBilan.FormatTaux, valeurs["Taux de réalisation"].Style.Numberformat.Format);
        Assert.Equal(1, N(valeurs["Taux de réalisation plafonné"].Value));
        Assert.Equal(7, N(valeurs["Participants distincts"].Value));
        Assert.Equal(8, N(valeurs["Contrats"].Value));
        Assert.Equal(ClasseurBilan.FormatEntier, valeurs["Contrats"].Style.Numberformat.Format);
        Assert.Equal(3, N(valeurs["Entreprises"].Value));
        Assert.Equal(new DateTime(2025, 1, 1), valeurs["Du"].GetValue<DateTime>());
        Assert.Equal(new DateTime(2025, 3, 31), valeurs["Au"].GetValue<DateTime>());
        Assert.Equal(new DateTime(2025, 4, 2), valeurs["Édité le"].GetValue<DateTime>());
        Assert.Equal(ClasseurBilan.FormatDate, valeurs["Édité le"].Style.Numberformat.Format);
        Assert.Equal("PLIE du Grand Tours", valeurs["Structure"].Value);
        Assert.Equal("A4", Figee(f));
        Assert.All(Enumerable.Range(1, 2), c => Assert.True(f.Column(c).Width > 20, $"largeur de la colonne {c}"));
    }

    [Fact]
    public void Tout_texte_saisi_est_neutralise_et_n_est_jamais_une_formule()
    {
        using var paquet = Relire(ClasseurBilan.Ecrire(UnBilan(), 5, new DateOnly(2025, 4, 2)));
        var synthese = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleSynthese];
        var lots = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleLots];

        Assert.Equal("Bilan de la clause d'insertion — =HYPERLINK(\"http://pirate.example\";\"Lot 2 — Gros œuvre\")", synthese.Cells[1, 1].Value);
        var donneur = Enumerable.Range(1, 40).Single(r => synthese.Cells[r, 1].Value as string == "Donneur d'ordre");
        Assert.Equal("'@Ville de Tours", synthese.Cells[donneur, 2].Value);
        Assert.Equal("@", synthese.Cells[donneur, 2].Style.Numberformat.Format);
        Assert.Equal("'-Lot 2 : Gros œuvre", lots.Cells[ClasseurBilan.RangeeEntetes + 1, 1].Value);
        foreach (var feuille in paquet.Workbook.Worksheets)
            foreach (var cellule in feuille.Cells[feuille.Dimension.Address])
                Assert.True(string.IsNullOrEmpty(cellule.Formula), $"{feuille.Name}!{cellule.Address} contient une formule");
    }

    [Fact]
    public void La_serie_mensuelle_est_datee_au_mois_et_porte_le_graphique_du_cumul_contre_les_heures_dues()
    {
        using var paquet = Relire(ClasseurBilan.Ecrire(UnBilan(), 5, new DateOnly(2025, 4, 2)));
        var f = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleMensuel];
        var r = ClasseurBilan.RangeeEntetes;

        Assert.Equal(["Mois", "Heures réalisées", "Cumul", "Heures dues"], Enumerable.Range(1, 4).Select(c => f.Cells[r, c].Value));
        Assert.Equal(new DateTime(2025, 1, 1), f.Cells[r + 1, 1].GetValue<DateTime>());
        Assert.Equal(ClasseurBilan.FormatMois, f.Cells[r + 1, 1].Style.Numberformat.Format);
        Assert.Equal([151.67, 100, 50], Enumerable.Range(r + 1, 3).Select(x => N(f.Cells[x, 2].Value)));
        Assert.Equal([10_666.67, 10_766.67, 11_000], Enumerable.Range(r + 1, 3).Select(x => N(f.Cells[x, 3].Value)));
        Assert.All(Enumerable.Range(r + 1, 3), x => Assert.Equal(9_500, N(f.Cells[x, 4].Value)));
        Assert.Equal("A4", Figee(f));
        Assert.Null(f.Cells[r + 4, 1].Value);
        var graphique = Assert.IsAssignableFrom<ExcelChart>(Assert.Single(f.Drawings));
        Assert.Equal(2, graphique.Series.Count);
        Assert.Equal("Cumul (h)", graphique.Series[0].Header);
        Assert.All(Enumerable.Range(1, 4), c => Assert.True(f.Column(c).Width > 10));
    }

    [Fact]
    public void Les_repartitions_et_les_lots_ont_chacun_leur_feuille_avec_la_prevision()
    {
        using var paquet = Relire(ClasseurBilan.Ecrire(UnBilan(), 5, new DateOnly(2025, 4, 2)));
        var types = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleTypes];
        var lots = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleLots];
        var r = ClasseurBilan.RangeeEntetes + 1;

        Assert.Equal(["CDI", "CDD"], new[] { types.Cells[r, 1].Value, types.Cells[r + 1, 1].Value });
        Assert.Equal([151.67, 3, 150, 5], new[] { N(types.Cells[r, 2].Value), N(types.Cells[r, 3].Value), N(types.Cells[r + 1, 2].Value), N(types.Cells[r + 1, 3].Value) });
        Assert.Equal(ClasseurBilan.FormatEntier, types.Cells[r, 3].Style.Numberformat.Format);
        Assert.Equal(["Oui", "Oui"], new[] { lots.Cells[r, 2].Value, lots.Cells[r, 3].Value });
        Assert.Equal([9_500, 301.67, 11_000, 1.5, 1.158, 11_666.67, 1.228], Enumerable.Range(4, 7).Select(c => N(lots.Cells[r, c].Value)));
        Assert.Equal("B4", Figee(lots));
        Assert.Null(lots.Cells[r, 11].Value);
    }

    [Fact]
    public void La_version_du_donneur_d_ordre_affiche_moins_de_5_et_ne_contient_pas_l_effectif_masque()
    {
        var acheteur = ClasseurBilan.PourDonneurOrdre(UnBilan(), 5);
        using var paquet = Relire(ClasseurBilan.Ecrire(acheteur, 5, new DateOnly(2025, 4, 2)));
        var sexe = paquet.Workbook.Worksheets["Sexe"];
        var qpv = paquet.Workbook.Worksheets["Résident QPV"];
        var situations = paquet.Workbook.Worksheets["Situation après la clause"];
        var r = ClasseurBilan.RangeeEntetes + 1;

        // Sexe 2 / 5: 2 hidden, then the only other cell too (exactly one was hidden).
        Assert.Equal(["< 5", "< 5"], new[] { sexe.Cells[r, 3].Value, sexe.Cells[r + 1, 3].Value });
        // QPV 6 / 1: « Non » hidden, then « Oui » (the smallest other) too.
        Assert.Equal(["< 5", "< 5"], new[] { qpv.Cells[r, 3].Value, qpv.Cells[r + 1, 3].Value });
        // Situations 4 / 0: 4 hidden, then 0 (smallest other, zero included).
        Assert.Equal(["< 5", "< 5"], new[] { situations.Cells[r, 3].Value, situations.Cells[r + 1, 3].Value });
        Assert.Equal("F", sexe.Cells[r, 1].Value);
        var synthese = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleSynthese];
        Assert.Contains(Enumerable.Range(1, 40).Select(x => synthese.Cells[x, 1].Value as string),
            t => t is not null && t.StartsWith("Version pour le donneur d'ordre", StringComparison.Ordinal));

        // The staff's file keeps the counts.
        using var personnel = Relire(ClasseurBilan.Ecrire(UnBilan(), 5, new DateOnly(2025, 4, 2)));
        Assert.Equal([2, 5], new[] { N(personnel.Workbook.Worksheets["Sexe"].Cells[r, 3].Value), N(personnel.Workbook.Worksheets["Sexe"].Cells[r + 1, 3].Value) });
        Assert.DoesNotContain(Enumerable.Range(1, 40).Select(x => personnel.Workbook.Worksheets[ClasseurBilan.FeuilleSynthese].Cells[x, 1].Value as string),
            t => t is not null && t.StartsWith("Version pour le donneur d'ordre", StringComparison.Ordinal));
    }

    [Fact]
    public void Le_nom_du_fichier_dit_le_perimetre_et_la_periode()
    {
        var bilan = UnBilan() with { Libelle = "2025-014 — lot 2 : Gros œuvre" };
        Assert.Equal("bilan-lot-2025-014-lot-2-gros-oeuvre-2025-01-2025-03.xlsx", ClasseurBilan.NomFichier(bilan));
        Assert.Equal("bilan-structure-plie-du-grand-tours-2025-01-2025-12.xlsx", ClasseurBilan.NomFichier(bilan with
        {
            Perimetre = PerimetreBilan.Structure,
            Libelle = "PLIE du Grand Tours",
            Periode = new PeriodeBilan(new Mois(2025, 1), new Mois(2025, 12)),
        }));
    }
}
