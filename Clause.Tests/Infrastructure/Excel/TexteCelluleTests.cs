using Clause.Domain.Commun;
using Clause.Infrastructure.Excel;
using OfficeOpenXml;

namespace Clause.Tests.Infrastructure.Excel;

/// <summary>
/// The one neutralisation of user text in exported files (DOMAIN.md §9 « Exports »): each of the six starting
/// characters is neutralised, any other text is written as it is, and the hours template uses it (read back).
/// </summary>
public sealed class TexteCelluleTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+33 6 12")]
    [InlineData("-2+3")]
    [InlineData("@SOMME(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void Un_texte_qui_commence_par_un_declencheur_de_formule_est_precede_d_une_apostrophe(string texte)
    {
        Assert.True(TexteCellule.EstDangereux(texte));
        Assert.Equal("'" + texte, TexteCellule.Neutraliser(texte));
    }

    [Theory]
    [InlineData("Léa Martin")]
    [InlineData("Lot 1 = gros œuvre")]
    [InlineData("'déjà cité")]
    [InlineData(" =espace devant")]
    [InlineData("")]
    public void Un_autre_texte_est_ecrit_tel_quel(string texte)
    {
        Assert.False(TexteCellule.EstDangereux(texte));
        Assert.Equal(texte, TexteCellule.Neutraliser(texte));
    }

    [Fact]
    public void Sans_texte_la_cellule_reste_vide() => Assert.Null(TexteCellule.Neutraliser(null));

    [Fact]
    public void Dans_un_classeur_le_texte_est_une_valeur_au_format_texte_jamais_une_formule()
    {
        using var paquet = new ExcelPackage();
        var feuille = paquet.Workbook.Worksheets.Add("F");
        TexteCellule.Ecrire(feuille.Cells[1, 1], "=HYPERLINK(\"http://pirate.example\";\"clic\")");
        TexteCellule.Ecrire(feuille.Cells[2, 1], "Léa Martin");
        using var relu = new ExcelPackage(new MemoryStream(paquet.GetAsByteArray()));
        var f = relu.Workbook.Worksheets[0];

        Assert.Equal("'=HYPERLINK(\"http://pirate.example\";\"clic\")", f.Cells[1, 1].Value);
        Assert.Equal(string.Empty, f.Cells[1, 1].Formula);
        Assert.Equal("@", f.Cells[1, 1].Style.Numberformat.Format);
        Assert.True(f.Cells[1, 1].Style.QuotePrefix);
        Assert.Equal("Léa Martin", f.Cells[2, 1].Value);
        Assert.Equal("@", f.Cells[2, 1].Style.Numberformat.Format);
    }

    [Fact]
    public void Le_modele_d_heures_neutralise_les_noms_saisis()
    {
        var piege = new LigneModele(ContratId.De(Guid.CreateVersion7()), "=cmd|' /C calc'!A0", "+Lot piégé", "@Employeur", false, false, "-1");
        var fichier = ModeleHeuresExcel.Ecrire(new EnteteModele(EntrepriseId.De(Guid.CreateVersion7()), "=Entreprise", new Mois(2026, 2)), [piege]);
        using var paquet = new ExcelPackage(new MemoryStream(fichier));
        var f = paquet.Workbook.Worksheets[0];
        var r = ModeleHeuresExcel.PremiereRangee;

        Assert.Equal(["'=cmd|' /C calc'!A0", "'+Lot piégé", "'@Employeur"],
            [f.Cells[r, ModeleHeuresExcel.ColonneParticipant].Value, f.Cells[r, ModeleHeuresExcel.ColonneLot].Value, f.Cells[r, ModeleHeuresExcel.ColonneEmployeur].Value]);
        Assert.Equal("'-1", f.Cells[r, ModeleHeuresExcel.ColonneEtat].Value);
        Assert.All(new[] { ModeleHeuresExcel.ColonneParticipant, ModeleHeuresExcel.ColonneLot, ModeleHeuresExcel.ColonneEmployeur, ModeleHeuresExcel.ColonneEtat },
            c => Assert.Equal(string.Empty, f.Cells[r, c].Formula));
        // The title starts with « Relevé », the company's name is inside it: nothing to neutralise, still text.
        Assert.Equal("Relevé d'heures d'insertion — =Entreprise", f.Cells[ModeleHeuresExcel.RangeeTitre, ModeleHeuresExcel.ColonneParticipant].Value);
    }
}
