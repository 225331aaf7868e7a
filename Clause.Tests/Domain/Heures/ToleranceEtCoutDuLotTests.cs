using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Structures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Heures;

/// <summary>
/// Two rules of §7 with their own worked examples: the tolerance after the lot's end (§7.2, réglage
/// <c>toleranceApresFin</c>) and the lot's own hourly reference cost in the conversion of an invoiced amount (§7.4).
/// </summary>
public class ToleranceEtCoutDuLotTests
{
    private static readonly Mois Octobre = new(2026, 10);

    /// <summary>The lot of the situation, ending on 30/09/2026, and a contrat running until 31/12/2026.</summary>
    private static (SituationsContrats S, Contrat Contrat) LotFinissantLe30Septembre()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 12, 31));
        s.Lot.Modifier(s.Lot.Marche, s.Lot.Libelle, s.Lot.DebutExecution, new DateOnly(2026, 9, 30));
        return (s, contrat);
    }

    private static Reglages AvecTolerance(Reglages r, int jours)
    {
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, r.FenetreEligibiliteMois, r.AgeSenior,
            r.AnticipationDebutContratJours, r.MaxMinutesParMois, jours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
            r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois);
        return r;
    }

    [Fact]
    public void Tolerance_de_15_jours_apres_une_fin_au_30_septembre_garde_octobre_dans_la_periode()
    {
        var (s, contrat) = LotFinissantLe30Septembre();
        var reglages = AvecTolerance(s.Reglages, 15);

        Assert.True(DeclarationHeures.EstDansLaPeriode(Octobre, contrat, s.Lot, reglages));
        var ligne = s.Declarer(contrat, Octobre, 35);
        Assert.False(ligne.HorsPeriode);
        // 30/09 + 15 days = 15/10: November stays outside.
        Assert.True(s.Declarer(contrat, new Mois(2026, 11), 35).HorsPeriode);
    }

    [Fact]
    public void Sans_tolerance_une_ligne_d_octobre_apres_une_fin_au_30_septembre_est_hors_periode()
    {
        var (s, contrat) = LotFinissantLe30Septembre();
        var reglages = AvecTolerance(s.Reglages, 0);

        Assert.False(DeclarationHeures.EstDansLaPeriode(Octobre, contrat, s.Lot, reglages));
        Assert.True(s.Declarer(contrat, Octobre, 35).HorsPeriode);
        Assert.False(s.Declarer(contrat, new Mois(2026, 9), 35).HorsPeriode);
    }

    [Fact]
    public void Conversion_d_un_montant_au_cout_horaire_propre_du_lot_et_non_a_celui_de_la_structure()
    {
        var s = new SituationsContrats();
        // The structure's reference cost is 30 €; the lot's own is 40 € (labour share 50 %).
        Assert.Equal(3_000, s.Reglages.CoutHoraireReferenceCentimes);
        s.Lot.ModifierParametres(Taux.Pourcent(50), Montant.Euros(40), false, null);
        var siae = s.UnEmployeur(TypeEmployeur.ACI, "Chantier d'insertion Les Jardins de Loire");
        var contrat = s.UnContratValide(ModaliteContrat.SousTraitanceSiae, siae);

        var ligne = DeclarationHeures.Declarer(contrat, s.Lot, new Mois(2026, 3), SaisieHeures.ParMontant(Montant.Euros(12_000)), new SituationMois(0),
            s.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        // 12 000 € × 50 % / 40 € = 150 h (at the structure's 30 € it would be 200 h).
        Assert.Equal(150 * 60, ligne.Minutes);
        Assert.True(ligne.Converti);
        Assert.Equal(4_000, ligne.Courante!.CoutHoraireCentimes);
    }
}
