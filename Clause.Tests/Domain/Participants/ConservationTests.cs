using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Tests.Support;
using Conserv = Clause.Domain.Participants.Conservation;

namespace Clause.Tests.Domain.Participants;

/// <summary>
/// The retention rule of DOMAIN.md §12 (<see cref="Conserv"/>) clause by clause, with the worked example of docs/domain.md,
/// and <see cref="Participant.Anonymiser"/>.
/// </summary>
public sealed class ConservationTests
{
    private static readonly DateOnly Fiche = new(2024, 3, 2);

    private static EvenementsParticipant Evenements(DateOnly? finContrats = null, bool ouvert = false, Mois? heures = null, DateOnly? decision = null,
        DateOnly? fiche = null) => new(finContrats, ouvert, heures, decision, fiche ?? Fiche);

    [Fact]
    public void Exemple_de_la_doc_le_dernier_evenement_est_la_fin_du_contrat_et_l_anonymisation_vient_24_mois_apres()
    {
        // Contrat ended 30/06/2025, hours until May 2025, decision 10/01/2024, record changed 02/03/2024.
        var e = Evenements(new DateOnly(2025, 6, 30), heures: new Mois(2025, 5), decision: new DateOnly(2024, 1, 10));

        Assert.Equal(new DernierEvenement(new DateOnly(2025, 6, 30), NatureDernierEvenement.FinContrat), Conserv.Dernier(e));
        Assert.False(Conserv.EstEchu(e, 24, new DateOnly(2027, 6, 30)));
        Assert.True(Conserv.EstEchu(e, 24, new DateOnly(2027, 7, 1)));
    }

    [Fact]
    public void Le_dernier_mois_d_heures_compte_a_son_dernier_jour()
    {
        var e = Evenements(new DateOnly(2025, 6, 30), heures: new Mois(2025, 7));

        Assert.Equal(new DernierEvenement(new DateOnly(2025, 7, 31), NatureDernierEvenement.Heures), Conserv.Dernier(e));
    }

    [Fact]
    public void Une_decision_plus_recente_que_tout_le_reste_est_le_dernier_evenement()
    {
        var e = Evenements(new DateOnly(2025, 6, 30), heures: new Mois(2025, 5), decision: new DateOnly(2025, 9, 1));

        Assert.Equal(new DernierEvenement(new DateOnly(2025, 9, 1), NatureDernierEvenement.DecisionEligibilite), Conserv.Dernier(e));
    }

    [Fact]
    public void La_derniere_modification_de_la_fiche_compte_aussi()
    {
        var e = Evenements(new DateOnly(2025, 6, 30), fiche: new DateOnly(2026, 2, 1));

        Assert.Equal(new DernierEvenement(new DateOnly(2026, 2, 1), NatureDernierEvenement.ModificationFiche), Conserv.Dernier(e));
        Assert.False(Conserv.EstEchu(e, 24, new DateOnly(2027, 7, 1)));
    }

    [Fact]
    public void Un_contrat_encore_ouvert_empeche_toute_anonymisation()
    {
        var e = Evenements(new DateOnly(2020, 6, 30), ouvert: true);

        Assert.Null(Conserv.Dernier(e));
        Assert.False(Conserv.EstEchu(e, 24, new DateOnly(2040, 1, 1)));
    }

    [Fact]
    public void La_duree_de_conservation_est_le_reglage()
    {
        var e = Evenements(new DateOnly(2025, 6, 30));

        Assert.True(Conserv.EstEchu(e, 12, new DateOnly(2026, 7, 1)));
        Assert.False(Conserv.EstEchu(e, 24, new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void La_fin_d_un_contrat_est_sa_fin_reelle_sinon_prevue_sinon_son_debut_et_seul_un_contrat_sans_fin_non_refuse_est_ouvert()
    {
        var debut = new DateOnly(2025, 1, 6);
        Assert.Equal(new DateOnly(2025, 3, 1), Conserv.FinContrat(debut, new DateOnly(2025, 6, 30), new DateOnly(2025, 3, 1)));
        Assert.Equal(new DateOnly(2025, 6, 30), Conserv.FinContrat(debut, new DateOnly(2025, 6, 30), null));
        Assert.Equal(debut, Conserv.FinContrat(debut, null, null));
        Assert.True(Conserv.ContratOuvert(StatutContrat.Valide, null, null));
        Assert.True(Conserv.ContratOuvert(StatutContrat.Propose, null, null));
        Assert.False(Conserv.ContratOuvert(StatutContrat.Refuse, null, null));
        Assert.False(Conserv.ContratOuvert(StatutContrat.Valide, new DateOnly(2025, 6, 30), null));
        Assert.False(Conserv.ContratOuvert(StatutContrat.Valide, null, new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void Anonymiser_retire_l_identite_garde_l_annee_et_le_departement_et_fige_l_age_au_debut_des_contrats()
    {
        var s = new SituationsContrats();
        var participant = s.UnParticipantEligible();
        var contrat = s.UnContratValide(participant: participant, debut: new DateOnly(2026, 1, 5));
        var age = participant.AgeLe(contrat.DateDebut);
        var le = new DateTimeOffset(2029, 1, 15, 2, 30, 0, TimeSpan.Zero);

        participant.Anonymiser(7, [contrat], le);

        Assert.Equal(("Anonyme", "7"), (participant.Nom, participant.Prenom));
        Assert.Null(participant.Adresse);
        Assert.Null(participant.IdentifiantFranceTravail);
        Assert.Equal(new DateOnly(1990, 1, 1), participant.DateNaissance);
        Assert.Equal(("37000", "Département 37"), (participant.CodePostal, participant.Commune));
        Assert.Equal(le, participant.AnonymiseLe);
        Assert.Equal(age, contrat.AgeAuDebutFige);
        Assert.Equal(35, age); // born 01/06/1990: 35 on 05/01/2026, « born 01/01/1990 » would make 36
    }

    [Theory]
    [InlineData("37540", "37", "37000")]
    [InlineData("20167", "2A", "20000")]
    [InlineData("20600", "2B", "20000")]
    [InlineData("97411", "974", "97400")]
    public void Le_departement_vient_du_code_postal(string codePostal, string departement, string codeAnonyme)
    {
        Assert.Equal(departement, Participant.Departement(codePostal));
        var participant = Participant.Creer(StructureId.De(Guid.NewGuid()),
            ParticipantsDeTest.Donnees() with { CodePostal = codePostal }, new DateOnly(2024, 1, 5));
        participant.Anonymiser(1, [], DateTimeOffset.UnixEpoch);
        Assert.Equal((codeAnonyme, "Département " + departement), (participant.CodePostal, participant.Commune));
    }

    [Fact]
    public void Un_participant_anonymise_n_est_plus_modifiable_ni_anonymisable_une_seconde_fois()
    {
        var participant = ParticipantsDeTest.UnParticipant();
        participant.Anonymiser(1, [], DateTimeOffset.UnixEpoch);

        Assert.Equal(nameof(Participant.AnonymiseLe),
            Assert.Throws<RegleMetierException>(() => participant.Modifier(ParticipantsDeTest.Donnees(), new DateOnly(2029, 1, 1))).Champ);
        Assert.Throws<RegleMetierException>(() => participant.Valider(new DateOnly(2028, 1, 1), Clause.Domain.Participants.CategorieEligibilite.RSA));
        Assert.Throws<RegleMetierException>(() => participant.Anonymiser(2, [], DateTimeOffset.UnixEpoch));
        Assert.Equal("1", participant.Prenom);
    }

    [Fact]
    public void La_conservation_des_journaux_est_un_reglage_borne()
    {
        var reglages = ParticipantsDeTest.Reglages();
        Assert.Equal(12, reglages.ConservationJournauxMois);

        var erreur = Assert.Throws<RegleMetierException>(() => reglages.Modifier(3_000, 5_000, false, Clause.Domain.Structures.ModeAccordCadre.Prorata, 24, 50, 30,
            250 * 60, 0, false, null, 10, 11, 18, 5, 6, 24, conservationJournauxMois: 5));
        Assert.Contains(erreur.Toutes, e => e.Champ == nameof(reglages.ConservationJournauxMois));
        reglages.Modifier(3_000, 5_000, false, Clause.Domain.Structures.ModeAccordCadre.Prorata, 24, 50, 30, 250 * 60, 0, false, null, 10, 11, 18, 5, 6, 24,
            conservationJournauxMois: 36);
        Assert.Equal(36, reglages.ConservationJournauxMois);
    }

    [Fact]
    public void La_confirmation_de_la_Direction_garde_sa_premiere_date()
    {
        var reglages = ParticipantsDeTest.Reglages();
        var premiere = new DateTimeOffset(2028, 12, 1, 10, 0, 0, TimeSpan.Zero);

        reglages.ConfirmerAnonymisation("Dominique Direction", premiere);
        reglages.ConfirmerAnonymisation("Autre", premiere.AddDays(3));

        Assert.Equal((premiere, "Dominique Direction"), (reglages.AnonymisationConfirmeeLe!.Value, reglages.AnonymisationConfirmeeParNom));
    }
}
