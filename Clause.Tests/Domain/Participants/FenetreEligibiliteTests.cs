using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Participants;

public class FenetreEligibiliteTests
{
    private static readonly DateTimeOffset Maintenant = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);

    private static Participant ValideLe10Janvier2024()
    {
        var participant = ParticipantsDeTest.UnParticipant(inscritLe: new DateOnly(2024, 1, 5));
        participant.Valider(new DateOnly(2024, 1, 10), CategorieEligibilite.RSA);
        return participant;
    }

    [Fact]
    public void Contrat_debutant_le_dernier_jour_de_la_fenetre_compte()
    {
        var participant = ValideLe10Janvier2024();
        var reglages = ParticipantsDeTest.Reglages();

        var controle = participant.Verifier(new DateOnly(2026, 1, 10), reglages, null, ParticipantsDeTest.FacilitateurId, "F", Maintenant);

        Assert.True(controle.Compte);
        Assert.Null(controle.Derogation);
        Assert.Equal(participant.Decisions[0].Id, controle.DecisionId);
        Assert.True(participant.Decisions[0].Couvre(new DateOnly(2026, 1, 10), 24));
        Assert.Equal(new Periode(new DateOnly(2024, 1, 10), new DateOnly(2026, 1, 10)), participant.DerniereDecision?.Fenetre(reglages.FenetreEligibiliteMois));
    }

    [Fact]
    public void Contrat_debutant_le_lendemain_exige_une_derogation()
    {
        var participant = ValideLe10Janvier2024();
        Assert.False(participant.Decisions[0].Couvre(new DateOnly(2026, 1, 11), 24));

        var ex = Assert.Throws<RegleMetierException>(() =>
            participant.Verifier(new DateOnly(2026, 1, 11), ParticipantsDeTest.Reglages(), null, ParticipantsDeTest.FacilitateurId, "F", Maintenant));

        Assert.Equal("DateDebut", ex.Champ);
        Assert.Equal("Le contrat débute le 11/01/2026, hors de la fenêtre d'éligibilité (décision du 10/01/2024, fenêtre jusqu'au 10/01/2026) : "
            + "une dérogation motivée est nécessaire.", ex.Message);
    }

    [Fact]
    public void Derogation_motivee_fait_compter_le_contrat_hors_fenetre()
    {
        var participant = ValideLe10Janvier2024();

        var controle = participant.Verifier(new DateOnly(2026, 1, 11), ParticipantsDeTest.Reglages(),
            "Embauche décalée d'un jour par l'entreprise (intempéries).", ParticipantsDeTest.FacilitateurId, ParticipantsDeTest.FacilitateurNom, Maintenant);

        Assert.True(controle.Compte);
        Assert.NotNull(controle.Derogation);
        Assert.Equal(StatutEligibilite.HorsFenetre, controle.Statut);
        Assert.Equal(participant.Decisions[0].Id, controle.DecisionId);
        Assert.Equal(ParticipantsDeTest.FacilitateurNom, controle.Derogation!.ParNom);
        Assert.Equal(Maintenant, controle.Derogation.Le);
    }

    [Fact]
    public void Motif_de_derogation_trop_court_refuse()
    {
        var participant = ValideLe10Janvier2024();
        var ex = Assert.Throws<RegleMetierException>(() => participant.Verifier(new DateOnly(2026, 1, 11), ParticipantsDeTest.Reglages(),
            "Retard", ParticipantsDeTest.FacilitateurId, "F", Maintenant, champMotif: "Saisie.Motif"));
        Assert.Equal("Saisie.Motif", ex.Champ);
        Assert.Contains("au moins 10 caractères", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contrat_avant_la_decision_hors_fenetre()
    {
        var participant = ValideLe10Janvier2024();
        var controle = participant.Controler(new DateOnly(2024, 1, 9), ParticipantsDeTest.Reglages());
        Assert.Equal(StatutEligibilite.HorsFenetre, controle.Statut);
        Assert.False(controle.Compte);
    }

    [Fact]
    public void Sans_decision_rien_ne_compte_meme_avec_un_motif()
    {
        var participant = ParticipantsDeTest.UnParticipant();
        Assert.Equal(StatutEligibilite.SansDecision, participant.Controler(new DateOnly(2025, 1, 1), ParticipantsDeTest.Reglages()).Statut);
        var ex = Assert.Throws<RegleMetierException>(() => participant.Verifier(new DateOnly(2025, 1, 1), ParticipantsDeTest.Reglages(),
            "Un motif très détaillé et sincère.", ParticipantsDeTest.FacilitateurId, "F", Maintenant));
        Assert.Contains("aucune décision d'éligibilité", ex.Message, StringComparison.Ordinal);
        Assert.Null(participant.DerniereDecision);
    }

    [Fact]
    public void Renouvellement_la_decision_la_plus_recente_couvre()
    {
        var participant = ValideLe10Janvier2024();
        var renouvellement = participant.Valider(new DateOnly(2025, 12, 1), CategorieEligibilite.DETLD24);
        var reglages = ParticipantsDeTest.Reglages();

        Assert.Same(renouvellement, participant.DecisionCouvrant(new DateOnly(2025, 12, 15), reglages));
        Assert.Same(renouvellement, participant.DecisionCouvrant(new DateOnly(2027, 6, 1), reglages));
        Assert.Same(participant.Decisions[0], participant.DecisionCouvrant(new DateOnly(2024, 6, 1), reglages));
        Assert.Equal(new DateOnly(2027, 12, 1), participant.DerniereDecision!.Fenetre(reglages.FenetreEligibiliteMois).Fin);
    }

    [Fact]
    public void Fenetre_lue_dans_les_reglages()
    {
        var participant = ValideLe10Janvier2024();
        var reglages = ParticipantsDeTest.Reglages();
        reglages.Modifier(reglages.CoutHoraireReferenceCentimes, reglages.PartMainOeuvreDefautPdb, reglages.RecalculSurAvenant, reglages.ModeAccordCadre,
            12, reglages.AgeSenior, reglages.AnticipationDebutContratJours, reglages.MaxMinutesParMois, reglages.ToleranceApresFinJours,
            reglages.FormationComptabiliseeDefaut, reglages.PlafondFormationDefautPdb, reglages.JourLimiteDeclaration, reglages.JourPremiereRelance,
            reglages.JourSecondeRelance, reglages.SeuilConfidentialite, reglages.DelaiSortieEmploiDurableMois, reglages.ConservationMois);
        Assert.Equal(StatutEligibilite.Couvert, participant.Controler(new DateOnly(2025, 1, 10), reglages).Statut);
        Assert.Equal(StatutEligibilite.HorsFenetre, participant.Controler(new DateOnly(2025, 1, 11), reglages).Statut);
    }

    [Fact]
    public void Validations_dont_la_fenetre_ferme_dans_les_60_jours()
    {
        var plage = DecisionEligibilite.ValidationsDontLaFenetreFermeEntre(new DateOnly(2026, 11, 27), new DateOnly(2027, 1, 26), 24);
        Assert.Equal(new Periode(new DateOnly(2024, 11, 27), new DateOnly(2025, 1, 26)), plage);

        // Month ends: a decision of 29/02/2024 closes on 28/02/2026.
        var fevrier = DecisionEligibilite.ValidationsDontLaFenetreFermeEntre(new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 28), 24);
        Assert.Equal(new Periode(new DateOnly(2024, 2, 28), new DateOnly(2024, 2, 29)), fevrier);
        Assert.Null(DecisionEligibilite.ValidationsDontLaFenetreFermeEntre(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 31), 1));
    }
}
