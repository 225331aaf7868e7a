using Clause.Domain.Commun;
using Clause.Domain.Heures;

namespace Clause.Tests.Domain.Heures;

/// <summary>What a cell of the monthly grid asks to write (SaisieHeures.DepuisGrille): the rule the page used to hold.</summary>
public sealed class SaisieGrilleTests
{
    private static readonly Duree Quarante = Duree.Heures(40);
    private static readonly Montant Facture = Montant.Euros(12_000);

    [Fact]
    public void Une_case_inchangee_n_ecrit_rien() =>
        Assert.Null(SaisieHeures.DepuisGrille(Quarante, heuresChangees: false, null, montantChange: false));

    [Fact]
    public void Un_montant_seul_remplace_les_heures_encore_affichees()
    {
        var saisie = SaisieHeures.DepuisGrille(Quarante, heuresChangees: false, Facture, montantChange: true);

        Assert.Equal(SaisieHeures.ParMontant(Facture), saisie);
    }

    [Fact]
    public void Un_montant_avec_des_heures_effacees_est_un_montant()
    {
        var saisie = SaisieHeures.DepuisGrille(null, heuresChangees: true, Facture, montantChange: true);

        Assert.Equal(SaisieHeures.ParMontant(Facture), saisie);
    }

    [Fact]
    public void Des_heures_changees_avec_un_montant_sont_transmises_toutes_deux_pour_etre_refusees()
    {
        var saisie = SaisieHeures.DepuisGrille(Quarante, heuresChangees: true, Facture, montantChange: true);

        Assert.Equal(new SaisieHeures(Quarante, Facture), saisie);
    }

    [Fact]
    public void Des_heures_changees_seules_sont_des_heures() =>
        Assert.Equal(SaisieHeures.EnHeures(Quarante), SaisieHeures.DepuisGrille(Quarante, heuresChangees: true, null, montantChange: false));

    [Fact]
    public void Des_heures_declarees_ne_s_effacent_pas()
    {
        var ex = Assert.Throws<RegleMetierException>(() => SaisieHeures.DepuisGrille(null, heuresChangees: true, null, montantChange: false));

        Assert.Equal("Heures", ex.Champ);
        Assert.Contains("ne peuvent pas être effacées", ex.Message, StringComparison.Ordinal);
    }
}
