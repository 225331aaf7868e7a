using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Contrats;

public class ContratTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;

    [Fact]
    public void Proposition_par_une_entreprise_puis_validation_par_le_facilitateur()
    {
        var s = new SituationsContrats();

        var contrat = s.UnContratPropose();

        Assert.Equal(StatutContrat.Propose, contrat.Statut);
        Assert.Equal(OrigineProposition.Entreprise, contrat.Origine);
        Assert.Equal(SituationsContrats.Entreprise.Nom, contrat.ProposeParNom);
        Assert.Null(contrat.AvertissementEligibilite);
        Assert.False(contrat.EligibiliteValide);
        Assert.Equal("F1703", contrat.CodeRome);
        Assert.Equal(35 * 60, contrat.HeuresHebdoMinutes);

        contrat.Valider(s.Participant, s.Reglages, null, SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.True(contrat.EligibiliteValide);
        Assert.Equal(StatutEligibilite.Couvert, contrat.Eligibilite);
        Assert.Equal(s.Participant.Decisions[0].Id, contrat.DecisionEligibiliteId);
        Assert.Equal(ParticipantsDeTest.FacilitateurNom, contrat.DecideParNom);
        Assert.Equal(Maintenant, contrat.DecideLe);
        Assert.False(contrat.AvecDerogation);
    }

    [Fact]
    public void Seul_un_facilitateur_valide_ou_refuse_un_contrat()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratPropose();

        var ex = Assert.Throws<RegleMetierException>(() => contrat.Valider(s.Participant, s.Reglages, null, SituationsContrats.Entreprise, Maintenant));
        Assert.Equal("Statut", ex.Champ);
        Assert.Equal("Seul un facilitateur peut valider un contrat.", ex.Message);
        Assert.Throws<RegleMetierException>(() => contrat.Refuser("Poste sans lien avec le lot.", SituationsContrats.Entreprise, Maintenant));
        Assert.Equal(StatutContrat.Propose, contrat.Statut);
    }

    [Fact]
    public void Refus_avec_motif_et_refus_sans_motif_refuse()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratPropose();

        var ex = Assert.Throws<RegleMetierException>(() => contrat.Refuser("  ", SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("MotifRefus", ex.Champ);
        Assert.Equal(StatutContrat.Propose, contrat.Statut);

        contrat.Refuser("Le poste ne relève pas du lot.", SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(StatutContrat.Refuse, contrat.Statut);
        Assert.Equal("Le poste ne relève pas du lot.", contrat.MotifRefus);
        Assert.False(contrat.EligibiliteValide);
        var revalidation = Assert.Throws<RegleMetierException>(() => contrat.Valider(s.Participant, s.Reglages, null, SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("Un contrat au statut « Refusé » ne peut pas être validé.", revalidation.Message);
    }

    [Fact]
    public void Contrat_avant_toute_decision_d_eligibilite_avertit_puis_est_refuse_a_la_validation()
    {
        var s = new SituationsContrats();
        var sansDecision = ParticipantsDeTest.UnParticipant(s.StructureId, nom: "Durand");

        var contrat = s.UnContratPropose(participant: sansDecision);

        Assert.Equal(StatutEligibilite.SansDecision, contrat.Eligibilite);
        Assert.Contains("pas encore de décision d'éligibilité", contrat.AvertissementEligibilite, StringComparison.Ordinal);
        var ex = Assert.Throws<RegleMetierException>(() =>
            contrat.Valider(sansDecision, s.Reglages, "Dérogation demandée par l'entreprise.", SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("DateDebut", ex.Champ);
        Assert.Equal(StatutContrat.Propose, contrat.Statut);
        Assert.False(contrat.EligibiliteValide);
    }

    [Fact]
    public void Fenetre_de_24_mois_le_10_janvier_2026_compte_le_11_exige_une_derogation()
    {
        var s = new SituationsContrats();
        var participant = s.UnParticipantEligible("Bernard", new DateOnly(2024, 1, 10));

        var le10 = s.UnContratValide(participant: participant, debut: new DateOnly(2026, 1, 10));
        Assert.True(le10.EligibiliteValide);
        Assert.False(le10.AvecDerogation);

        var le11 = s.UnContratPropose(participant: participant, debut: new DateOnly(2026, 1, 11));
        Assert.Equal(StatutEligibilite.HorsFenetre, le11.Eligibilite);
        Assert.NotNull(le11.AvertissementEligibilite);
        var ex = Assert.Throws<RegleMetierException>(() => le11.Valider(participant, s.Reglages, null, SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("DateDebut", ex.Champ);
        Assert.Equal(StatutContrat.Propose, le11.Statut);
        var court = Assert.Throws<RegleMetierException>(() => le11.Valider(participant, s.Reglages, "bref", SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("MotifDerogation", court.Champ);

        le11.Valider(participant, s.Reglages, "Embauche décalée d'un jour par l'entreprise (intempéries).", SituationsContrats.Facilitateur, Maintenant);

        Assert.True(le11.EligibiliteValide);
        Assert.True(le11.AvecDerogation);
        Assert.Equal("Embauche décalée d'un jour par l'entreprise (intempéries).", le11.MotifDerogation);
        Assert.Equal(ParticipantsDeTest.FacilitateurNom, le11.DerogationParNom);
        Assert.Equal(Maintenant, le11.DerogationLe);
        Assert.Equal(participant.Decisions[0].Id, le11.DecisionEligibiliteId);
    }

    [Fact]
    public void Debut_deplace_hors_fenetre_apres_validation_signale_le_contrat_sans_le_refuser()
    {
        var s = new SituationsContrats();
        var participant = s.UnParticipantEligible("Petit", new DateOnly(2024, 1, 10));
        var contrat = s.UnContratValide(participant: participant, debut: new DateOnly(2026, 1, 5));

        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 2, 1)), s.Lot, s.Titulaire, participant, s.Reglages);

        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.False(contrat.EligibiliteValide);
        Assert.False(contrat.EligibiliteValide);
        Assert.NotNull(contrat.AvertissementEligibilite);

        contrat.Deroger(participant, s.Reglages, "Démarrage reporté par l'entreprise, accord du maître d'ouvrage.", SituationsContrats.Facilitateur, Maintenant);

        Assert.True(contrat.EligibiliteValide);
        Assert.Null(contrat.AvertissementEligibilite);
    }

    [Theory]
    [InlineData(ModaliteContrat.MiseADispositionEtti, TypeEmployeur.ETTI, true)]
    [InlineData(ModaliteContrat.MiseADispositionEtti, TypeEmployeur.ETT, false)]
    [InlineData(ModaliteContrat.MiseADispositionAi, TypeEmployeur.AI, true)]
    [InlineData(ModaliteContrat.MiseADispositionAi, TypeEmployeur.ACI, false)]
    [InlineData(ModaliteContrat.MiseADispositionGeiq, TypeEmployeur.GEIQ, true)]
    [InlineData(ModaliteContrat.MiseADispositionEtt, TypeEmployeur.ETT, true)]
    [InlineData(ModaliteContrat.MiseADispositionEtt, TypeEmployeur.Classique, false)]
    [InlineData(ModaliteContrat.SousTraitanceSiae, TypeEmployeur.ACI, true)]
    [InlineData(ModaliteContrat.SousTraitanceSiae, TypeEmployeur.RegieQuartier, true)]
    [InlineData(ModaliteContrat.SousTraitanceSiae, TypeEmployeur.GEIQ, false)]
    [InlineData(ModaliteContrat.CoTraitanceSiae, TypeEmployeur.EI, true)]
    [InlineData(ModaliteContrat.CoTraitanceSiae, TypeEmployeur.EA, false)]
    [InlineData(ModaliteContrat.SousTraitanceEaEsat, TypeEmployeur.ESAT, true)]
    [InlineData(ModaliteContrat.SousTraitanceEaEsat, TypeEmployeur.EATT, true)]
    [InlineData(ModaliteContrat.SousTraitanceEaEsat, TypeEmployeur.ACI, false)]
    [InlineData(ModaliteContrat.Formation, TypeEmployeur.Classique, true)]
    [InlineData(ModaliteContrat.Formation, TypeEmployeur.GEIQ, true)]
    public void Employeur_doit_convenir_a_la_modalite(ModaliteContrat modalite, TypeEmployeur type, bool accepte)
    {
        var s = new SituationsContrats();
        var employeur = s.UnEmployeur(type, "Employeur de test");

        if (accepte)
        {
            Assert.Equal(employeur.Id, s.UnContratPropose(modalite, employeur).EmployeurId);
            return;
        }
        var ex = Assert.Throws<RegleMetierException>(() => s.UnContratPropose(modalite, employeur));
        Assert.Equal("EmployeurId", ex.Champ);
        Assert.StartsWith($"La modalité « {modalite.Libelle()} » demande {modalite.EmployeurAttendu()}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embauche_directe_par_une_entreprise_qui_ne_tient_pas_le_lot_refusee()
    {
        var s = new SituationsContrats();
        var autre = s.UnEmployeur(TypeEmployeur.Classique, "Loire Peinture");
        var cotraitant = s.UnEmployeur(TypeEmployeur.Classique, "Val Couverture");
        var soustraitant = s.UnEmployeur(TypeEmployeur.Classique, "Val Étanchéité");
        s.Lot.Attribuer(cotraitant, RoleAttribution.CoTraitant, null);
        s.Lot.Attribuer(soustraitant, RoleAttribution.SousTraitant, null);

        var ex = Assert.Throws<RegleMetierException>(() => s.UnContratPropose(employeur: autre));
        Assert.Equal("EmployeurId", ex.Champ);
        Assert.Equal("La modalité « Embauche directe » demande une entreprise titulaire du lot (attributaire ou co-traitante) : "
            + "« Loire Peinture » n'est ni attributaire ni co-traitante de ce lot.", ex.Message);
        Assert.Throws<RegleMetierException>(() => s.UnContratPropose(employeur: soustraitant));
        Assert.Equal(cotraitant.Id, s.UnContratPropose(employeur: cotraitant).EmployeurId);
    }

    [Fact]
    public void Employeur_d_une_autre_structure_refuse()
    {
        var s = new SituationsContrats();
        var ailleurs = new SituationsMarches().UneEntreprise("Ailleurs SAS", TypeEmployeur.Classique);

        var ex = Assert.Throws<RegleMetierException>(() => s.UnContratPropose(ModaliteContrat.Formation, ailleurs));
        Assert.Equal("EmployeurId", ex.Champ);
    }

    [Fact]
    public void Debut_au_plus_tot_30_jours_avant_le_lot()
    {
        var s = new SituationsContrats();

        Assert.Equal(new DateOnly(2025, 12, 2), s.UnContratPropose(debut: new DateOnly(2025, 12, 2)).DateDebut);
        var ex = Assert.Throws<RegleMetierException>(() => s.UnContratPropose(debut: new DateOnly(2025, 12, 1)));

        Assert.Equal("DateDebut", ex.Champ);
        Assert.Equal("Le contrat ne peut pas débuter avant le 02/12/2025 : le lot commence le 01/01/2026 (anticipation de 30 jours au plus).", ex.Message);
    }

    [Fact]
    public void Dates_incoherentes_refusees()
    {
        var s = new SituationsContrats();

        var apresLot = Assert.Throws<RegleMetierException>(() => s.UnContratPropose(debut: new DateOnly(2027, 1, 1), fin: new DateOnly(2027, 6, 30)));
        Assert.Equal("DateDebut", apresLot.Champ);
        var finAvantDebut = Assert.Throws<RegleMetierException>(() => s.UnContratPropose(debut: new DateOnly(2026, 3, 1), fin: new DateOnly(2026, 2, 28)));
        Assert.Equal("FinPrevue", finAvantDebut.Champ);
        var contrat = s.UnContratValide();
        var fin = Assert.Throws<RegleMetierException>(() => contrat.EnregistrerFin(new DateOnly(2026, 1, 4)));
        Assert.Equal("FinReelle", fin.Champ);
        contrat.EnregistrerFin(new DateOnly(2026, 6, 30));
        Assert.Equal(new DateOnly(2026, 6, 30), contrat.FinEffective);
    }

    [Theory]
    [InlineData("F170", "CodeRome")]
    [InlineData("17035", "CodeRome")]
    [InlineData("FF703", "CodeRome")]
    public void Code_rome_mal_forme_refuse(string code, string champ)
    {
        var s = new SituationsContrats();
        var donnees = SituationsContrats.Donnees() with { CodeRome = code };

        var ex = Assert.Throws<RegleMetierException>(() => Contrat.Proposer(s.Participant, s.Lot, s.Titulaire, donnees, s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal(champ, ex.Champ);
    }

    [Fact]
    public void Code_rome_normalise_et_heures_hebdo_bornees()
    {
        var s = new SituationsContrats();

        var contrat = Contrat.Proposer(s.Participant, s.Lot, s.Titulaire, SituationsContrats.Donnees() with { CodeRome = " f 1703 " }, s.Reglages,
            SituationsContrats.Facilitateur, Maintenant);
        Assert.Equal("F1703", contrat.CodeRome);
        Assert.Equal(OrigineProposition.Facilitateur, contrat.Origine);
        foreach (var hebdo in new[] { Duree.Heures(0), Duree.Heures(49) })
        {
            var ex = Assert.Throws<RegleMetierException>(() => Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
                SituationsContrats.Donnees() with { HeuresHebdo = hebdo }, s.Reglages, SituationsContrats.Entreprise, Maintenant));
            Assert.Equal("HeuresHebdo", ex.Champ);
        }
    }

    [Fact]
    public void Champs_obligatoires_nommes()
    {
        var s = new SituationsContrats();

        var ex = Assert.Throws<RegleMetierException>(() => Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            SituationsContrats.Donnees() with { Modalite = null }, s.Reglages, SituationsContrats.Entreprise, Maintenant));
        Assert.Equal("Modalite", ex.Champ);
        ex = Assert.Throws<RegleMetierException>(() => Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            SituationsContrats.Donnees() with { FinPrevue = null }, s.Reglages, SituationsContrats.Entreprise, Maintenant));
        Assert.Equal("FinPrevue", ex.Champ);
    }

    [Fact]
    public void Contrat_refuse_ne_se_modifie_plus()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratPropose();
        contrat.Refuser("Doublon d'une autre proposition.", SituationsContrats.Facilitateur, Maintenant);

        var ex = Assert.Throws<RegleMetierException>(() => contrat.Modifier(SituationsContrats.Donnees(), s.Lot, s.Titulaire, s.Participant, s.Reglages));

        Assert.Equal("Statut", ex.Champ);
    }
}
