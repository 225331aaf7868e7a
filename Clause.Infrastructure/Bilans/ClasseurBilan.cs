using System.Globalization;
using System.Text;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Excel;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using OfficeOpenXml.Style;

namespace Clause.Infrastructure.Bilans;

/// <summary>
/// The Excel file of a bilan (issue 10 item 4, DOMAIN.md §9 « Exports »), EPPlus 4.5.3.3: a summary sheet, one sheet per
/// breakdown (modality, contract type, lots, each profile split, situations), the monthly series with its burn-up chart.
/// It writes the <see cref="Bilan"/> it is given — the figures of <c>RequetesBilans.BilanAsync</c>, never recomputed —
/// and, for a buyer, the masked one (<see cref="PourDonneurOrdre"/>): a hidden cell is the text « &lt; 5 », its count is
/// not in the file. Every user text (scope, lot, structure, buyer) goes through <see cref="TexteCellule"/>. Frozen
/// headers; number formats in Excel's invariant syntax, which a French Excel shows « 1 234,50 » and « 115,8 % »;
/// months as dates « mm/aaaa »; widths set by hand (AutoFitColumns throws on Linux, no libgdiplus).
/// </summary>
public static class ClasseurBilan
{
    public const string TypeContenu = ModeleHeuresExcel.TypeContenu;

    public const string FormatHeures = "#,##0.00";
    public const string FormatEntier = "#,##0";
    public const string FormatTaux = "0.0%";
    public const string FormatMois = "mm/yyyy";
    public const string FormatDate = "dd/mm/yyyy";

    public const string FeuilleSynthese = "Synthèse";
    public const string FeuilleMensuel = "Mensuel";
    public const string FeuilleModalites = "Par modalité";
    public const string FeuilleTypes = "Par type de contrat";
    public const string FeuilleLots = "Lots";

    /// <summary>The first row of a table (its header); the title sits above.</summary>
    public const int RangeeEntetes = 3;

    /// <summary>The buyer's view of a bilan: the profile splits and the situations masked by the small-cell rule (<see cref="Masquage"/>).</summary>
    public static Bilan PourDonneurOrdre(Bilan bilan, int seuil)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return bilan with { Profils = Masquage.Masquer(bilan.Profils, seuil), Situations = Masquage.Masquer([bilan.Situations], seuil)[0] };
    }

    /// <summary>
    /// « bilan-lot-2025-014-lot-2-gros-oeuvre-2025-01-2025-12.xlsx »: the scope's kind and label (letters and digits only,
    /// accents removed, at most 60 characters) and the period.
    /// </summary>
    public static string NomFichier(Bilan bilan, string extension = "xlsx")
    {
        ArgumentNullException.ThrowIfNull(bilan);
        var libelle = Slug(bilan.Libelle);
        var perimetre = Slug(bilan.Perimetre.Perimetre.Libelle());
        return $"bilan-{perimetre}{(libelle.Length == 0 || libelle == perimetre ? "" : "-" + libelle)}-{bilan.Periode.Du}-{bilan.Periode.Au}.{extension}";
    }

    /// <summary>
    /// The workbook of <paramref name="bilan"/>, edited on <paramref name="editeLe"/>. <paramref name="seuil"/> is the
    /// threshold a hidden cell names (« &lt; 5 »); it hides nothing by itself — a buyer's file is written from
    /// <see cref="PourDonneurOrdre"/>, and says so on its summary sheet.
    /// </summary>
    public static byte[] Ecrire(Bilan bilan, int seuil, DateOnly editeLe)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        using var paquet = new ExcelPackage();
        paquet.Workbook.Properties.Title = "Bilan — " + bilan.Libelle;
        paquet.Workbook.Properties.Company = bilan.Structure;
        Synthese(paquet.Workbook.Worksheets.Add(FeuilleSynthese), bilan, seuil, editeLe);
        Mensuel(paquet.Workbook.Worksheets.Add(FeuilleMensuel), bilan);
        Repartition(paquet.Workbook.Worksheets.Add(FeuilleModalites), "Heures réalisées par modalité", "Modalité",
            bilan.ParModalite.Select(p => (p.Key.Libelle(), p.Value, (int?)null)).ToList(), avecContrats: false);
        Repartition(paquet.Workbook.Worksheets.Add(FeuilleTypes), "Heures réalisées et contrats par type de contrat (hors formation)", "Type de contrat",
            Enum.GetValues<TypeContrat>()
                .Where(t => bilan.ParTypeContrat.ContainsKey(t) || bilan.ContratsParType.ContainsKey(t))
                .Select(t => (t.Libelle(), bilan.ParTypeContrat.GetValueOrDefault(t), (int?)bilan.ContratsParType.GetValueOrDefault(t))).ToList(),
            avecContrats: true);
        Lots(paquet.Workbook.Worksheets.Add(FeuilleLots), bilan);
        foreach (var dimension in bilan.Profils.Append(bilan.Situations))
            Profil(paquet.Workbook.Worksheets.Add(NomFeuille(dimension.Libelle)), dimension, seuil);
        return paquet.GetAsByteArray();
    }

    private static void Synthese(ExcelWorksheet feuille, Bilan bilan, int seuil, DateOnly editeLe)
    {
        Titre(feuille, "Bilan de la clause d'insertion — " + bilan.Libelle);
        var rangee = RangeeEntetes;
        Entete(feuille, rangee, ["Indicateur", "Valeur"]);
        void Texte(string libelle, string? valeur)
        {
            rangee++;
            feuille.Cells[rangee, 1].Value = libelle;
            TexteCellule.Ecrire(feuille.Cells[rangee, 2], valeur);
        }
        void Nombre(string libelle, object? valeur, string format)
        {
            rangee++;
            feuille.Cells[rangee, 1].Value = libelle;
            feuille.Cells[rangee, 2].Value = valeur;
            feuille.Cells[rangee, 2].Style.Numberformat.Format = format;
        }
        Texte("Périmètre", bilan.Perimetre.Perimetre.Libelle() + " : " + bilan.Libelle);
        Texte("Structure", bilan.Structure);
        if (bilan.DonneurOrdre is not null) Texte("Donneur d'ordre", bilan.DonneurOrdre);
        Texte("Période", bilan.Periode.Libelle);
        Nombre("Du", bilan.Periode.Debut.ToDateTime(TimeOnly.MinValue), FormatDate);
        Nombre("Au", bilan.Periode.Fin.ToDateTime(TimeOnly.MinValue), FormatDate);
        Nombre("Édité le", editeLe.ToDateTime(TimeOnly.MinValue), FormatDate);
        Nombre("Heures dues", bilan.HeuresDues.EnHeures, FormatHeures);
        Nombre("Heures réalisées sur la période", bilan.Realisees.EnHeures, FormatHeures);
        Nombre("Heures réalisées cumulées (depuis le début d'exécution)", bilan.Cumul.EnHeures, FormatHeures);
        Nombre("Heures restantes", bilan.Restantes.EnHeures, FormatHeures);
        Nombre("Heures en attente de validation", bilan.EnAttente.EnHeures, FormatHeures);
        Nombre("Heures hors période (jamais comptées)", bilan.HorsPeriode.EnHeures, FormatHeures);
        Nombre("Taux de réalisation", Ratio(bilan.TauxRealisation), FormatTaux);
        Nombre("Taux de réalisation plafonné", Ratio(bilan.TauxRealisationPlafonne), FormatTaux);
        Nombre("Participants distincts", bilan.Participants, FormatEntier);
        Nombre("Contrats", bilan.Contrats, FormatEntier);
        Nombre("Entreprises", bilan.Entreprises.Total, FormatEntier);
        Nombre("dont attributaires", bilan.Entreprises.Attributaires, FormatEntier);
        Nombre("dont co-traitants", bilan.Entreprises.CoTraitants, FormatEntier);
        Nombre("dont sous-traitants", bilan.Entreprises.SousTraitants, FormatEntier);
        Nombre("dont employeurs SIAE", bilan.Entreprises.EmployeursSiae, FormatEntier);
        if (bilan.PartQpv is { } anru)
        {
            Texte("Opération ANRU", anru.Operation);
            Nombre("Part des heures travaillées par des habitants des QPV", Ratio(anru.Part), FormatTaux);
            Nombre("Objectif ANRU", Ratio(anru.Objectif), FormatTaux);
        }
        if (bilan.Profils.Concat([bilan.Situations]).Any(d => d.Cellules.Any(c => c.Masquee)))
        {
            rangee += 2;
            feuille.Cells[rangee, 1].Value = $"Version pour le donneur d'ordre : les effectifs de moins de {seuil} personnes sont masqués (« < {seuil} »), "
                + "ainsi qu'une seconde case lorsque la première pourrait se déduire du total.";
            feuille.Cells[rangee, 1].Style.Font.Italic = true;
        }
        Largeurs(feuille, 58, 60);
        feuille.View.FreezePanes(RangeeEntetes + 1, 1);
    }

    private static void Mensuel(ExcelWorksheet feuille, Bilan bilan)
    {
        Titre(feuille, "Série mensuelle — " + bilan.Libelle);
        Entete(feuille, RangeeEntetes, ["Mois", "Heures réalisées", "Cumul", "Heures dues"]);
        var rangee = RangeeEntetes;
        foreach (var point in bilan.Mensuel)
        {
            rangee++;
            feuille.Cells[rangee, 1].Value = point.Mois.Premier.ToDateTime(TimeOnly.MinValue);
            feuille.Cells[rangee, 1].Style.Numberformat.Format = FormatMois;
            Heures(feuille.Cells[rangee, 2], point.Minutes);
            Heures(feuille.Cells[rangee, 3], point.CumulMinutes);
            Heures(feuille.Cells[rangee, 4], bilan.HeuresDuesMinutes);
        }
        Largeurs(feuille, 14, 18, 18, 18);
        feuille.View.FreezePanes(RangeeEntetes + 1, 1);
        if (rangee == RangeeEntetes) return;

        // The burn-up: the cumul climbing towards the hours due.
        var graphique = (ExcelLineChart)feuille.Drawings.AddChart("Cumul", eChartType.Line);
        graphique.Title.Text = "Heures cumulées et heures dues";
        var mois = feuille.Cells[RangeeEntetes + 1, 1, rangee, 1];
        graphique.Series.Add(feuille.Cells[RangeeEntetes + 1, 3, rangee, 3], mois).Header = "Cumul (h)";
        graphique.Series.Add(feuille.Cells[RangeeEntetes + 1, 4, rangee, 4], mois).Header = "Heures dues (h)";
        graphique.SetPosition(RangeeEntetes - 1, 0, 5, 0);
        graphique.SetSize(720, 360);
    }

    private static void Repartition(ExcelWorksheet feuille, string titre, string libelle, IReadOnlyList<(string Libelle, long Minutes, int? Contrats)> lignes, bool avecContrats)
    {
        Titre(feuille, titre);
        Entete(feuille, RangeeEntetes, avecContrats ? [libelle, "Heures réalisées", "Contrats"] : [libelle, "Heures réalisées"]);
        var rangee = RangeeEntetes;
        foreach (var ligne in lignes)
        {
            rangee++;
            feuille.Cells[rangee, 1].Value = ligne.Libelle;
            Heures(feuille.Cells[rangee, 2], ligne.Minutes);
            if (avecContrats) Entier(feuille.Cells[rangee, 3], ligne.Contrats ?? 0);
        }
        Largeurs(feuille, 44, 18, 12);
        feuille.View.FreezePanes(RangeeEntetes + 1, 1);
    }

    private static void Lots(ExcelWorksheet feuille, Bilan bilan)
    {
        Titre(feuille, "Lots du périmètre");
        Entete(feuille, RangeeEntetes, ["Lot", "Clause", "Actif sur la période", "Heures dues", "Réalisées sur la période", "Cumul", "En attente",
            "Taux de réalisation", "Projection à la fin (rythme actuel)", "Taux projeté", "Heures par mois nécessaires"]);
        var rangee = RangeeEntetes;
        foreach (var lot in bilan.Lots)
        {
            rangee++;
            TexteCellule.Ecrire(feuille.Cells[rangee, 1], lot.Libelle);
            feuille.Cells[rangee, 2].Value = lot.AvecClause ? "Oui" : "Non";
            feuille.Cells[rangee, 3].Value = lot.Actif ? "Oui" : "Non";
            Heures(feuille.Cells[rangee, 4], lot.HeuresDuesMinutes);
            Heures(feuille.Cells[rangee, 5], lot.RealiseesMinutes);
            Heures(feuille.Cells[rangee, 6], lot.CumulMinutes);
            Heures(feuille.Cells[rangee, 7], lot.EnAttenteMinutes);
            feuille.Cells[rangee, 8].Value = Ratio(lot.TauxRealisation);
            feuille.Cells[rangee, 8].Style.Numberformat.Format = FormatTaux;
            if (bilan.Previsions.TryGetValue(lot.Id, out var prevision))
            {
                Heures(feuille.Cells[rangee, 9], prevision.ProjectionFinMinutes);
                feuille.Cells[rangee, 10].Value = Ratio(prevision.TauxProjete);
                feuille.Cells[rangee, 10].Style.Numberformat.Format = FormatTaux;
                if (prevision.MinutesParMoisNecessaires is { } necessaires) Heures(feuille.Cells[rangee, 11], necessaires);
            }
        }
        Largeurs(feuille, 50, 9, 12, 14, 14, 14, 14, 14, 18, 12, 16);
        feuille.View.FreezePanes(RangeeEntetes + 1, 2);
    }

    private static void Profil(ExcelWorksheet feuille, DimensionProfil dimension, int seuil)
    {
        Titre(feuille, dimension.Libelle);
        Entete(feuille, RangeeEntetes, ["Code", "Libellé", "Effectif"]);
        var rangee = RangeeEntetes;
        foreach (var cellule in dimension.Cellules)
        {
            rangee++;
            TexteCellule.Ecrire(feuille.Cells[rangee, 1], cellule.Code);
            feuille.Cells[rangee, 2].Value = cellule.Libelle;
            if (cellule.Masquee)
            {
                TexteCellule.Ecrire(feuille.Cells[rangee, 3], Masque(seuil));
                feuille.Cells[rangee, 3].Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
            }
            else Entier(feuille.Cells[rangee, 3], cellule.Nombre);
        }
        Largeurs(feuille, 22, 50, 12);
        feuille.View.FreezePanes(RangeeEntetes + 1, 1);
    }

    /// <summary>« &lt; 5 »: what a hidden cell shows.</summary>
    public static string Masque(int seuil) => "< " + seuil.ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate as the ratio Excel formats in percent (115,8 % → 1.158), or an empty cell.</summary>
    internal static decimal? Ratio(Taux? taux) => taux is { } t ? t.PointsDeBase / (decimal)Taux.Cent : null;

    private static void Heures(ExcelRange cellule, long minutes)
    {
        cellule.Value = new Duree(minutes).EnHeures;
        cellule.Style.Numberformat.Format = FormatHeures;
    }

    private static void Entier(ExcelRange cellule, int nombre)
    {
        cellule.Value = nombre;
        cellule.Style.Numberformat.Format = FormatEntier;
    }

    private static void Titre(ExcelWorksheet feuille, string titre)
    {
        TexteCellule.Ecrire(feuille.Cells[1, 1], titre);
        feuille.Cells[1, 1].Style.Font.Bold = true;
        feuille.Cells[1, 1].Style.Font.Size = 14;
    }

    /// <summary>A header row: bold, wrapped, shaded, underlined (also the header of a list export, <see cref="ClasseurListe"/>).</summary>
    internal static void Entete(ExcelWorksheet feuille, int rangee, IReadOnlyList<string> entetes)
    {
        for (var c = 1; c <= entetes.Count; c++)
        {
            var cellule = feuille.Cells[rangee, c];
            cellule.Value = entetes[c - 1];
            cellule.Style.Font.Bold = true;
            cellule.Style.WrapText = true;
            cellule.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cellule.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xDD, 0xE5, 0xF0));
            cellule.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }
    }

    private static void Largeurs(ExcelWorksheet feuille, params double[] largeurs)
    {
        for (var c = 1; c <= largeurs.Length; c++) feuille.Column(c).Width = largeurs[c - 1];
    }

    /// <summary>A sheet name: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    internal static string NomFeuille(string libelle)
    {
        var nom = new string(libelle.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return nom.Length <= 31 ? nom : nom[..31];
    }

    /// <summary>Lower-case ASCII letters and digits joined by dashes, accents removed, at most 60 characters.</summary>
    public static string Slug(string? texte)
    {
        var sansAccents = (texte ?? string.Empty).Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "oe", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var sortie = new StringBuilder();
        foreach (var c in sansAccents)
        {
            if (char.IsAsciiLetterOrDigit(c)) sortie.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sortie.Length > 0 && sortie[^1] != '-') sortie.Append('-');
        }
        var slug = sortie.ToString().Trim('-');
        return slug.Length <= 60 ? slug : slug[..60].TrimEnd('-');
    }
}
