using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Excel;
using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace Clause.Infrastructure.Bilans;

/// <summary>
/// The yearly consolidation's two files (issue 10 item 7): the CSV (<see cref="EcrivainCsv"/>) and the workbook, with the
/// same lines as the page (<see cref="ConsolidationAnnuelle.Indicateurs"/>): rubric, indicator, the year, the year before,
/// the change in percent. Hours in hours with two decimals; the change as a percentage with one decimal (« -2,4 »);
/// empty when the previous year is 0.
/// </summary>
public static class ExportsConsolidation
{
    public const string FeuilleConsolidation = "Consolidation";

    /// <summary>« consolidation-2025-plie-du-tours.csv »: the year and the structure.</summary>
    public static string NomFichier(ConsolidationAnnuelle consolidation, string extension)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        var structure = ClasseurBilan.Slug(consolidation.Structure);
        return $"consolidation-{consolidation.Annee}{(structure.Length == 0 ? "" : "-" + structure)}.{extension}";
    }

    public static IReadOnlyList<string> Entetes(ConsolidationAnnuelle consolidation)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        return ["Rubrique", "Indicateur", consolidation.Annee.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (consolidation.Annee - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "Évolution (%)"];
    }

    /// <summary>The value of a line as the files write it: hours (2 decimals) or a count.</summary>
    public static object Valeur(IndicateurConsolidation ligne, long valeur)
    {
        ArgumentNullException.ThrowIfNull(ligne);
        return ligne.EnMinutes ? new Duree(valeur).EnHeures : (object)valeur;
    }

    /// <summary>The change as a percentage with one decimal (−2,4 for −2,4 %), null without a previous year.</summary>
    public static decimal? EvolutionPourcent(IndicateurConsolidation ligne) =>
        ligne?.Evolution is { } taux ? taux.PointsDeBase / 100m : null;

    public static byte[] Csv(ConsolidationAnnuelle consolidation)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        var csv = new EcrivainCsv();
        // The structure on every line: the national body stacks the files of the structures.
        csv.Ligne(Entetes(consolidation).Prepend("Structure"));
        foreach (var ligne in consolidation.Indicateurs)
        {
            csv.Ligne(consolidation.Structure, ligne.Rubrique, ligne.Libelle, Valeur(ligne, ligne.Valeur), Valeur(ligne, ligne.ValeurPrecedente),
                EvolutionPourcent(ligne) is { } evolution ? new NombreCsv(evolution, 1) : null);
        }
        return csv.Octets();
    }

    public static byte[] Classeur(ConsolidationAnnuelle consolidation, DateOnly editeLe)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        using var paquet = new ExcelPackage();
        paquet.Workbook.Properties.Title = $"Consolidation {consolidation.Annee}";
        var feuille = paquet.Workbook.Worksheets.Add(FeuilleConsolidation);
        TexteCellule.Ecrire(feuille.Cells[1, 1], $"Consolidation annuelle {consolidation.Annee} — {consolidation.Structure}");
        feuille.Cells[1, 1].Style.Font.Bold = true;
        feuille.Cells[1, 1].Style.Font.Size = 14;
        feuille.Cells[2, 1].Value = "Édité le";
        feuille.Cells[2, 2].Value = editeLe.ToDateTime(TimeOnly.MinValue);
        feuille.Cells[2, 2].Style.Numberformat.Format = ClasseurBilan.FormatDate;
        var entetes = Entetes(consolidation);
        const int rangeeEntetes = ClasseurBilan.RangeeEntetes + 1;
        for (var c = 1; c <= entetes.Count; c++)
        {
            var cellule = feuille.Cells[rangeeEntetes, c];
            cellule.Value = entetes[c - 1];
            cellule.Style.Font.Bold = true;
            cellule.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cellule.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xDD, 0xE5, 0xF0));
            cellule.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }
        var rangee = rangeeEntetes;
        foreach (var ligne in consolidation.Indicateurs)
        {
            rangee++;
            feuille.Cells[rangee, 1].Value = ligne.Rubrique;
            feuille.Cells[rangee, 2].Value = ligne.Libelle;
            var format = ligne.EnMinutes ? ClasseurBilan.FormatHeures : ClasseurBilan.FormatEntier;
            feuille.Cells[rangee, 3].Value = Valeur(ligne, ligne.Valeur);
            feuille.Cells[rangee, 3].Style.Numberformat.Format = format;
            feuille.Cells[rangee, 4].Value = Valeur(ligne, ligne.ValeurPrecedente);
            feuille.Cells[rangee, 4].Style.Numberformat.Format = format;
            if (ligne.Evolution is { } evolution)
            {
                feuille.Cells[rangee, 5].Value = evolution.PointsDeBase / (decimal)Taux.Cent;
                feuille.Cells[rangee, 5].Style.Numberformat.Format = "+0.0%;-0.0%;0.0%";
            }
        }
        feuille.Column(1).Width = 28;
        feuille.Column(2).Width = 50;
        feuille.Column(3).Width = 16;
        feuille.Column(4).Width = 16;
        feuille.Column(5).Width = 16;
        feuille.View.FreezePanes(rangeeEntetes + 1, 3);
        return paquet.GetAsByteArray();
    }
}
