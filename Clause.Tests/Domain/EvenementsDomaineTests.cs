using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain;

/// <summary>
/// Each input of a derived value raises its event when, and only when, it changes (the persistence layer re-evaluates
/// the lines and contrats in the same save: ReevaluationDeriveesTests).
/// </summary>
public sealed class EvenementsDomaineTests
{
    private static void Regler(Reglages r, int? toleranceJours = null, int? fenetreMois = null, int? ageSenior = null) =>
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, fenetreMois ?? r.FenetreEligibiliteMois,
            ageSenior ?? r.AgeSenior, r.AnticipationDebutContratJours, r.MaxMinutesParMois, toleranceJours ?? r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut,
            r.PlafondFormationDefautPdb, r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite,
            r.DelaiSortieEmploiDurableMois, r.ConservationMois);

    [Fact]
    public void Les_dates_du_lot_levent_un_evenement_seulement_quand_elles_changent()
    {
        var s = new SituationsContrats();
        s.Lot.Modifier(s.Lot.Marche, "Autre libellé", s.Lot.DebutExecution, s.Lot.FinExecution);
        Assert.Empty(s.Lot.EvenementsEnAttente());

        s.Lot.Modifier(s.Lot.Marche, s.Lot.Libelle, s.Lot.DebutExecution, new DateOnly(2026, 9, 30));

        Assert.Equal([new DatesLotModifiees(s.Lot.Id)], s.Lot.EvenementsEnAttente());
    }

    [Fact]
    public void Le_debut_du_lot_seul_leve_aussi_l_evenement()
    {
        var s = new SituationsContrats();

        // Lot 01/01 → 31/12/2026; only the start moves (to 01/10), the end stays.
        s.Lot.Modifier(s.Lot.Marche, s.Lot.Libelle, new DateOnly(2026, 10, 1), s.Lot.FinExecution);

        Assert.Equal([new DatesLotModifiees(s.Lot.Id)], s.Lot.EvenementsEnAttente());
    }

    [Fact]
    public void La_tolerance_et_la_fenetre_levent_chacune_leur_evenement()
    {
        var reglages = Reglages.ParDefaut(StructureId.De(Guid.NewGuid()));
        Regler(reglages, ageSenior: 55);
        Assert.Empty(reglages.EvenementsEnAttente());

        Regler(reglages, toleranceJours: 15);
        Assert.Equal([new ToleranceApresFinModifiee(reglages.StructureId)], reglages.RetirerEvenements());

        Regler(reglages, fenetreMois: 12);
        Assert.Equal([new FenetreEligibiliteModifiee(reglages.StructureId)], reglages.RetirerEvenements());
    }

    [Fact]
    public void Une_decision_d_eligibilite_leve_son_evenement()
    {
        var participant = ParticipantsDeTest.UnParticipant();

        participant.Valider(new DateOnly(2025, 1, 10), CategorieEligibilite.RSA);

        Assert.Equal([new DecisionEligibiliteEnregistree(participant.Id)], participant.EvenementsEnAttente());
    }

    [Fact]
    public void Les_dates_d_un_contrat_corrige_levent_un_evenement_pas_sa_creation()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        Assert.Empty(contrat.EvenementsEnAttente());
        contrat.Modifier(SituationsContrats.Donnees() with { Poste = "Coffreur" }, s.Lot, s.Titulaire, s.Participant, s.Reglages);
        Assert.Empty(contrat.EvenementsEnAttente());

        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 2, 1)), s.Lot, s.Titulaire, s.Participant, s.Reglages);
        Assert.Equal([new DatesContratModifiees(contrat.Id)], contrat.RetirerEvenements());

        contrat.EnregistrerFin(new DateOnly(2026, 10, 15));
        Assert.Equal([new DatesContratModifiees(contrat.Id)], contrat.RetirerEvenements());
    }

    [Fact]
    public void La_fin_prevue_seule_puis_la_fin_reelle_seule_d_un_contrat_corrige_levent_chacune_l_evenement()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide(); // 05/01 → 31/12/2026, no actual end

        // Only the planned end changes (31/12 → 15/10).
        contrat.Modifier(SituationsContrats.Donnees(fin: new DateOnly(2026, 10, 15)), s.Lot, s.Titulaire, s.Participant, s.Reglages);
        Assert.Equal([new DatesContratModifiees(contrat.Id)], contrat.RetirerEvenements());

        // Only the actual end changes (none → 10/10), typed in the form rather than through EnregistrerFin.
        contrat.Modifier(SituationsContrats.Donnees(fin: new DateOnly(2026, 10, 15)) with { FinReelle = new DateOnly(2026, 10, 10) },
            s.Lot, s.Titulaire, s.Participant, s.Reglages);
        Assert.Equal([new DatesContratModifiees(contrat.Id)], contrat.RetirerEvenements());
    }
}
