using Clause.Domain.Commun;
using Clause.Infrastructure.Import;
using OfficeOpenXml;

namespace Clause.Tests.Import;

/// <summary>
/// The downloadable import template (issue 11 item 1): read back by the import's own reader it gives no header error and
/// a right <c>Version</c>; its « Aide » sheet lists every column of every sheet and every allowed code with its French label.
/// </summary>
public sealed class ModeleImportTests
{
    [Fact]
    public void Le_modele_relu_par_le_lecteur_d_import_ne_donne_aucune_erreur()
    {
        using var lecteur = LecteurClasseurImport.Ouvrir(new MemoryStream(ModeleImport.Ecrire()));
        Assert.Empty(lecteur.VerifierVersion());
        var erreurs = new List<ErreurImport>();
        foreach (var feuille in FormatImport.Feuilles) Assert.Empty(lecteur.Lignes(feuille, erreurs));
        Assert.Empty(erreurs);
        Assert.Equal([ModeleImport.FeuilleAide, .. FormatImport.Feuilles.Select(f => f.Nom), FormatImport.FeuilleVersion], lecteur.NomsDesFeuilles);
    }

    [Fact]
    public void Chaque_feuille_porte_ses_colonnes_en_ligne_1_les_obligatoires_sur_fond_bleu_fonce()
    {
        using var paquet = new ExcelPackage(new MemoryStream(ModeleImport.Ecrire()));
        foreach (var feuille in FormatImport.Feuilles)
        {
            var ws = paquet.Workbook.Worksheets[feuille.Nom];
            Assert.NotNull(ws);
            for (var i = 0; i < feuille.Colonnes.Count; i++)
            {
                var cellule = ws.Cells[1, i + 1];
                Assert.Equal(feuille.Colonnes[i].Nom, cellule.Text);
                Assert.Equal(feuille.Colonnes[i].Requise ? "FF1F3A68" : "FFE3E7EE", cellule.Style.Fill.BackgroundColor.Rgb);
                Assert.True(ws.Column(i + 1).Width >= 14);
            }
            Assert.Null(ws.Cells[1, feuille.Colonnes.Count + 1].Value);
        }
        var version = paquet.Workbook.Worksheets[FormatImport.FeuilleVersion];
        Assert.Equal("clause-import", version.Cells[1, 1].Value);
        Assert.Equal(1, Convert.ToInt32(version.Cells[1, 2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void La_feuille_Aide_liste_toutes_les_colonnes_et_tous_les_codes_avec_leurs_libelles()
    {
        using var paquet = new ExcelPackage(new MemoryStream(ModeleImport.Ecrire()));
        var aide = paquet.Workbook.Worksheets[ModeleImport.FeuilleAide];
        var lignes = Enumerable.Range(1, aide.Dimension.End.Row)
            .Select(r => Enumerable.Range(1, 6).Select(c => aide.Cells[r, c].Text).ToArray())
            .ToList();

        var colonnes = lignes.SkipWhile(l => l[0] != "Feuille").Skip(1).TakeWhile(l => l[0].Length > 0).ToList();
        var attendues = FormatImport.Feuilles.SelectMany(f => f.Colonnes.Select(c => (f.Nom, c.Nom, c.Requise ? "Oui ★" : "Non"))).ToList();
        Assert.Equal(attendues, colonnes.Select(l => (l[0], l[1], l[2])));
        Assert.All(colonnes, l => Assert.False(string.IsNullOrWhiteSpace(l[3]), $"{l[0]}.{l[1]} sans format"));
        Assert.All(colonnes, l => Assert.False(string.IsNullOrWhiteSpace(l[4]), $"{l[0]}.{l[1]} sans exemple"));
        Assert.Contains(colonnes, l => l is ["Heures", "Mois", "Oui ★", "Mois : aaaa-mm (en texte).", "2025-03", _]);
        Assert.Contains(colonnes, l => l is ["Contrats", "Participant", "Oui ★", "La Ref d'une ligne de la feuille Participants.", "P-1", _]);

        var codes = lignes.SkipWhile(l => l[0] != "Codes autorisés").Skip(2).TakeWhile(l => l[0].Length > 0).Select(l => (l[0], l[1], l[2], l[3])).ToList();
        var codesAttendus = FormatImport.Feuilles.SelectMany(f => f.Colonnes.Where(c => c.Codes is not null)
            .SelectMany(c => Enum.GetNames(c.Codes!).Select(n => (f.Nom, c.Nom, n, Libelles.Libelle(c.Codes!, n))))).ToList();
        Assert.Equal(codesAttendus, codes);
        Assert.Contains(("Lots", "Methode", "F1", "F1 — coût de la main-d'œuvre"), codes);
        Assert.Contains(("Participants", "Categories", "TH", "Travailleur handicapé (RQTH, art. L5212-13)"), codes);
        Assert.Contains(("Heures", "Statut", "Validee", "Validée"), codes);
    }

    [Fact]
    public void Les_exemples_sont_valides_dans_leur_format()
    {
        foreach (var aide in AideFormatImport.Colonnes())
        {
            switch (aide.Colonne.Genre)
            {
                case GenreColonne.Siret:
                    Assert.True(Siret.EstValide(aide.Exemple), aide.Exemple);
                    break;
                case GenreColonne.Code:
                    Assert.Contains(aide.Exemple, Enum.GetNames(aide.Colonne.Codes!));
                    break;
                case GenreColonne.Codes:
                    Assert.All(aide.Exemple.Split(','), code => Assert.Contains(code, Enum.GetNames(aide.Colonne.Codes!)));
                    break;
                case GenreColonne.Reference:
                    var cible = FormatImport.Feuilles.Single(f => f.Nom == aide.Colonne.Cible);
                    Assert.Equal(AideFormatImport.Exemple(cible, cible.Colonne("Ref")!), aide.Exemple);
                    break;
            }
        }
    }
}
