using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Heures;

/// <summary>
/// The rules of one cell of hours give every refusal at once (issue 15 item 5): the month's, the value's, the amount's
/// share and cost, the lock and the reason of a correction, each naming its field; the line is left unchanged.
/// « Today » is 20/12/2026 (SituationsContrats.Maintenant).
/// </summary>
public class ReglesCaseEnUnePasseTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;
    private static readonly Mois Mars = new(2026, 3);
    private static readonly Mois Avril = new(2026, 4);
    private static readonly Mois Mai = new(2026, 5);
    private static readonly Mois Janvier2027 = new(2027, 1);

    [Fact]
    public void Un_mois_a_venir_et_des_heures_au_dela_du_maximum_sont_refuses_ensemble()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();

        var ex = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, Janvier2027, SaisieHeures.EnHeures(Duree.Heures(251)),
            new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal(
            [
                ("Mois", "Le mois de janvier 2027 n'est pas encore commencé : ses heures ne peuvent pas être déclarées."),
                ("Heures", "251,00 h dépasse le maximum de 250,00 h par mois pour une ligne."),
            ],
            ex.Toutes.Select(e => (e.Champ, SituationsMarches.Espaces(e.Message))).ToList());
    }

    [Fact]
    public void Un_montant_sa_part_de_main_d_oeuvre_et_son_cout_horaire_faux_sont_refuses_chacun_sur_son_champ()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide(ModaliteContrat.SousTraitanceSiae, s.UnEmployeur(TypeEmployeur.ACI));

        var ex = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, Mars,
            SaisieHeures.ParMontant(Montant.Euros(2_000_000), Taux.Pourcent(150), new Montant(0)), new SituationMois(0), s.Reglages,
            SituationsContrats.Entreprise, Maintenant));

        Assert.Equal(["MontantFacture", "PartMainOeuvre", "CoutHoraire"], ex.Toutes.Select(e => e.Champ).ToList());
        Assert.Equal("La part de main-d'œuvre doit être supérieure à 0 et au plus 100 %.", ex.Toutes[1].Message);
    }

    [Fact]
    public void Une_correction_d_une_ligne_validee_avec_un_motif_trop_long_et_trop_d_heures_donne_les_trois_refus_sans_rien_changer()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var ligne = DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.EnHeures(Duree.Heures(35)), new SituationMois(0), s.Reglages,
            SituationsContrats.Entreprise, Maintenant);
        ligne.Valider(SituationsContrats.Facilitateur, Maintenant);

        var ex = Assert.Throws<RegleMetierException>(() => ligne.Corriger(contrat, s.Lot, SaisieHeures.EnHeures(Duree.Heures(300)),
            new string('x', DeclarationHeures.MotifLongueurMax + 1), new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal(["Heures", "MotifCorrection", "Heures"], ex.Toutes.Select(e => e.Champ).ToList());
        Assert.StartsWith("Les heures de mars 2026 sont validées par le facilitateur", ex.Toutes[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, ligne.VersionCourante);
        Assert.Equal(35 * 60, ligne.Minutes);
        Assert.Equal(StatutDeclaration.Validee, ligne.Statut);
    }

    [Fact]
    public void Une_grille_de_trois_cases_fausses_pour_trois_raisons_donne_trois_refus_chacun_a_sa_case()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var grille = new GrilleHeures(s.Lot, s.Reglages, [contrat], [], []);

        grille.Appliquer(contrat.Id, Mars, SaisieHeures.EnHeures(new Duree(0)), SituationsContrats.Facilitateur, Maintenant);
        grille.Appliquer(contrat.Id, Avril, SaisieHeures.EnHeures(Duree.Heures(251)), SituationsContrats.Facilitateur, Maintenant);
        grille.Appliquer(contrat.Id, Mai, new SaisieHeures(Duree.Heures(10), Montant.Euros(100)), SituationsContrats.Facilitateur, Maintenant);
        grille.Appliquer(contrat.Id, Janvier2027, SaisieHeures.EnHeures(Duree.Heures(10)), SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(
            [
                (Mars, "Les heures doivent être supérieures à 0."),
                (Avril, "251,00 h dépasse le maximum de 250,00 h par mois pour une ligne."),
                (Mai, "Saisissez soit des heures, soit un montant facturé, pas les deux."),
                (Janvier2027, "Le mois de janvier 2027 n'est pas encore commencé : ses heures ne peuvent pas être déclarées."),
            ],
            grille.Refus.Select(r => (r.Mois, SituationsMarches.Espaces(Assert.Single(r.Erreur.Toutes).Message))).ToList());
        Assert.All(grille.Refus, r => Assert.Equal(contrat.Id, r.ContratId));
        Assert.Equal(0, grille.Ecrites);
    }
}
