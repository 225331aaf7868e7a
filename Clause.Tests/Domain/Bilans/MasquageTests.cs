using Clause.Domain.Bilans;

namespace Clause.Tests.Domain.Bilans;

/// <summary>
/// The small-cell hiding of a buyer's bilan (issue 10 item 3, docs/domain.md « Masquage des petits effectifs »): one test
/// per clause of <see cref="Masquage.Masquer"/>, with the threshold of 5 unless told.
/// </summary>
public class MasquageTests
{
    private const int Seuil = 5;

    private static DimensionProfil Dimension(string code, params (string Code, int Nombre)[] cellules) =>
        new(code, code, cellules.Select(c => new CelluleProfil(c.Code, c.Code, c.Nombre)).ToList());

    private static string[] Masquees(DimensionProfil dimension) => dimension.Cellules.Where(c => c.Masquee).Select(c => c.Code).ToArray();

    private static DimensionProfil Un(DimensionProfil dimension, int seuil = Seuil) => Assert.Single(Masquage.Masquer([dimension], seuil));

    [Fact]
    public void Aucune_petite_case_rien_n_est_masque()
    {
        var resultat = Un(Dimension("sexe", ("F", 12), ("M", 30)));
        Assert.Empty(Masquees(resultat));
    }

    [Fact]
    public void Case_de_un_a_seuil_moins_un_masquee_et_case_au_seuil_visible()
    {
        // 1 and 4 hide (two cells hidden: no second one needed); 5 is the threshold itself, visible.
        var resultat = Un(Dimension("trancheAge", ("<26", 1), ("26-49", 5), (">=50", 4)));
        Assert.Equal(["<26", ">=50"], Masquees(resultat));
    }

    [Fact]
    public void Case_a_zero_n_est_pas_masquee_pour_elle_meme()
    {
        var resultat = Un(Dimension("niveau", ("Infra3", 0), ("Niveau3", 8), ("Niveau4", 0), ("Niveau5", 11)));
        Assert.Empty(Masquees(resultat));
    }

    [Fact]
    public void Une_seule_case_masquee_la_plus_petite_autre_l_est_aussi()
    {
        // Total 3 + 9 + 20 = 32 is known: with « < 5 » alone, 32 − 9 − 20 would give the 3 back. 9 is hidden too.
        var resultat = Un(Dimension("trancheAge", ("<26", 9), ("26-49", 20), (">=50", 3)));
        Assert.Equal(["<26", ">=50"], Masquees(resultat));
        Assert.Equal([9, 20, 3], resultat.Cellules.Select(c => c.Nombre));
    }

    [Fact]
    public void La_seconde_case_peut_etre_un_zero()
    {
        // F 3, M 0: with M shown as 0, F = total. M is the smallest other cell, hidden too.
        var resultat = Un(Dimension("sexe", ("F", 3), ("M", 0)));
        Assert.Equal(["F", "M"], Masquees(resultat));
    }

    [Fact]
    public void A_egalite_la_seconde_case_est_le_premier_code_dans_l_ordre()
    {
        var resultat = Un(Dimension("niveau", ("Infra3", 12), ("Niveau3", 2), ("Niveau4", 7), ("Niveau5", 7), ("Niveau6", 12)));
        Assert.Equal(["Niveau3", "Niveau4"], Masquees(resultat));
    }

    [Fact]
    public void A_egalite_de_zeros_le_premier_code_est_masque()
    {
        var resultat = Un(Dimension("qpv", ("Oui", 0), ("Non", 0), ("Autre", 4)));
        Assert.Equal(["Oui", "Autre"], Masquees(resultat));
    }

    [Fact]
    public void Deux_cases_masquees_aucune_autre_ne_l_est()
    {
        var resultat = Un(Dimension("categorie", ("RSA", 2), ("DELD12", 30), ("Jeune26", 3), ("Senior50", 6)));
        Assert.Equal(["RSA", "Jeune26"], Masquees(resultat));
    }

    [Fact]
    public void Chaque_dimension_est_masquee_seule()
    {
        var resultat = Masquage.Masquer(
            [Dimension("sexe", ("F", 2), ("M", 40)), Dimension("qpv", ("Oui", 20), ("Non", 22))], Seuil);
        Assert.Equal(["F", "M"], Masquees(resultat[0]));
        Assert.Empty(Masquees(resultat[1]));
        Assert.Equal(["sexe", "qpv"], resultat.Select(d => d.Code));
    }

    [Fact]
    public void Le_seuil_est_celui_de_la_structure()
    {
        var dimension = Dimension("sexe", ("F", 7), ("M", 40), ("X", 25));
        Assert.Empty(Masquees(Un(dimension, 5)));
        Assert.Equal(["F", "X"], Masquees(Un(dimension, 10)));
    }

    [Fact]
    public void Seuil_de_un_ne_masque_rien()
    {
        Assert.Empty(Masquees(Un(Dimension("sexe", ("F", 1), ("M", 0)), 1)));
    }

    [Fact]
    public void Appliquer_deux_fois_donne_les_memes_cases()
    {
        var une = Un(Dimension("trancheAge", ("<26", 9), ("26-49", 20), (">=50", 3)));
        var deux = Un(une);
        Assert.Equal(Masquees(une), Masquees(deux));
        // A cell hidden beforehand (by an earlier pass) counts as hidden: 20 is not hidden as a « second » one.
        var deja = Un(new DimensionProfil("sexe", "Sexe", [new("F", "F", 30, Masquee: true), new("M", "M", 20)]));
        Assert.Equal(["F", "M"], Masquees(deja));
    }

    [Fact]
    public void Aucune_case_masquee_ne_se_retrouve_par_soustraction()
    {
        // Every split of 1..40 people in three cells: whenever a cell is hidden, at least two are, so the total minus
        // the visible cells gives a sum of two or more unknowns, never one count alone.
        for (var a = 0; a <= 20; a++)
            for (var b = 0; b <= 20; b++)
                for (var c = 0; c <= 20; c++)
                {
                    var masquees = Masquees(Un(Dimension("d", ("A", a), ("B", b), ("C", c))));
                    Assert.True(masquees.Length != 1, $"{a}/{b}/{c} : une seule case masquée");
                    if (a is > 0 and < Seuil) Assert.Contains("A", masquees);
                }
    }

    [Fact]
    public void Seuil_invalide_refuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Masquage.Masquer([], 0));
    }
}
