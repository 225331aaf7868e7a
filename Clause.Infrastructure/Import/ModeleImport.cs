using System.Drawing;
using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace Clause.Infrastructure.Import;

/// <summary>
/// The downloadable import template (issue 11 item 1), written with EPPlus 4.5.3.3: an « Aide » sheet in French (every
/// column of every sheet — required or not, format, example — then the allowed codes with their French labels), every
/// sheet of <see cref="FormatImport"/> with its column names in row 1 (required ones on a dark blue fill, optional ones on
/// grey; coded, reference, month and SIRET columns formatted as text so that Excel keeps « 2025-03 » or « 00012 » as
/// typed), and the <c>Version</c> sheet. Widths are set explicitly (EPPlus's AutoFit throws on Linux).
/// </summary>
public static class ModeleImport
{
    public const string TypeContenu = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string FeuilleAide = "Aide";

    public static string NomFichier => $"clause-import-modele-v{FormatImport.Version}.xlsx";

    /// <summary>Dark blue on white text: contrast 12:1 (RGAA).</summary>
    private static readonly Color FondRequise = Color.FromArgb(0x1F, 0x3A, 0x68);

    private static readonly Color FondFacultative = Color.FromArgb(0xE3, 0xE7, 0xEE);

    public static byte[] Ecrire()
    {
        using var paquet = new ExcelPackage();
        paquet.Workbook.Properties.Title = $"Modèle d'import Clause — format version {FormatImport.Version}";
        EcrireAide(paquet.Workbook.Worksheets.Add(FeuilleAide));
        foreach (var feuille in FormatImport.Feuilles) EcrireFeuille(paquet.Workbook.Worksheets.Add(feuille.Nom), feuille);
        var version = paquet.Workbook.Worksheets.Add(FormatImport.FeuilleVersion);
        version.Cells[1, 1].Value = FormatImport.Marque;
        version.Cells[1, 2].Value = FormatImport.Version;
        version.Cells[3, 1].Value = "Ne modifiez pas cette feuille : elle dit à Clause quel format lire (A1 « clause-import », B1 la version).";
        version.Column(1).Width = 18;
        version.Column(2).Width = 10;
        return paquet.GetAsByteArray();
    }

    private static void EcrireFeuille(ExcelWorksheet ws, FeuilleImport feuille)
    {
        for (var i = 0; i < feuille.Colonnes.Count; i++)
        {
            var colonne = feuille.Colonnes[i];
            var cellule = ws.Cells[1, i + 1];
            cellule.Value = colonne.Nom;
            cellule.Style.Font.Bold = true;
            cellule.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cellule.Style.Fill.BackgroundColor.SetColor(colonne.Requise ? FondRequise : FondFacultative);
            cellule.Style.Font.Color.SetColor(colonne.Requise ? Color.White : Color.Black);
            ws.Column(i + 1).Width = Math.Max(14, colonne.Nom.Length + 6);
            if (colonne.Genre is GenreColonne.Ref or GenreColonne.Reference or GenreColonne.Code or GenreColonne.Codes or GenreColonne.Fondement
                or GenreColonne.Mois or GenreColonne.Siret or GenreColonne.Texte)
                ws.Column(i + 1).Style.Numberformat.Format = "@";
            else if (colonne.Genre == GenreColonne.Date)
                ws.Column(i + 1).Style.Numberformat.Format = "yyyy-mm-dd";
        }
        ws.View.FreezePanes(2, 1);
    }

    private static void EcrireAide(ExcelWorksheet ws)
    {
        var ligne = 1;
        ws.Cells[ligne, 1].Value = $"Modèle d'import Clause — format version {FormatImport.Version}";
        ws.Cells[ligne, 1].Style.Font.Bold = true;
        ws.Cells[ligne, 1].Style.Font.Size = 14;
        ligne += 2;
        foreach (var texte in new[]
        {
            "Remplissez une feuille par type de fiche, une ligne par fiche, à partir de la ligne 2. Une feuille inutile peut rester vide.",
            "Ligne 1 : les noms des colonnes (dans n'importe quel ordre ; une colonne inconnue est une erreur). Fond bleu foncé : colonne obligatoire (★).",
            "Chaque ligne a une Ref, sa clé dans le classeur, que les autres feuilles citent. Réimporter le même classeur met à jour les mêmes fiches.",
            "Tout ou rien : Clause vérifie tout le classeur ; à la moindre erreur, rien n'est écrit et le rapport liste chaque erreur (feuille, ligne, colonne).",
        })
            ws.Cells[ligne++, 1].Value = texte;
        ligne++;

        string[] entetes = ["Feuille", "Colonne", "Obligatoire", "Format", "Exemple", "Remarque"];
        Entetes(ws, ligne++, entetes);
        foreach (var aide in AideFormatImport.Colonnes())
        {
            ws.Cells[ligne, 1].Value = aide.Feuille.Nom;
            ws.Cells[ligne, 2].Value = aide.Colonne.Nom;
            ws.Cells[ligne, 3].Value = aide.Colonne.Requise ? "Oui ★" : "Non";
            ws.Cells[ligne, 4].Value = aide.Format;
            ws.Cells[ligne, 5].Style.Numberformat.Format = "@";
            ws.Cells[ligne, 5].Value = aide.Exemple;
            ws.Cells[ligne, 6].Value = aide.Remarque;
            ligne++;
        }
        ligne++;
        ws.Cells[ligne, 1].Value = "Codes autorisés";
        ws.Cells[ligne, 1].Style.Font.Bold = true;
        ligne++;
        Entetes(ws, ligne++, ["Feuille", "Colonne", "Code", "Libellé"]);
        foreach (var (feuille, colonne, code, libelle) in AideFormatImport.Codes())
        {
            ws.Cells[ligne, 1].Value = feuille.Nom;
            ws.Cells[ligne, 2].Value = colonne.Nom;
            ws.Cells[ligne, 3].Value = code;
            ws.Cells[ligne, 4].Value = libelle;
            ligne++;
        }
        double[] largeurs = [16, 26, 14, 60, 30, 70];
        for (var i = 0; i < largeurs.Length; i++) ws.Column(i + 1).Width = largeurs[i];
        ws.Column(4).Style.WrapText = true;
        ws.Column(6).Style.WrapText = true;
    }

    private static void Entetes(ExcelWorksheet ws, int ligne, string[] entetes)
    {
        for (var i = 0; i < entetes.Length; i++)
        {
            var cellule = ws.Cells[ligne, i + 1];
            cellule.Value = entetes[i];
            cellule.Style.Font.Bold = true;
            cellule.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cellule.Style.Fill.BackgroundColor.SetColor(FondFacultative);
        }
    }
}
