using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Embauches;

/// <summary>
/// The hire proposal's rules (issue 9 item 3), one test per clause: the company holds the lot, the person's minimum
/// identity and a way to reach her, the contrat's own checks (Contrat.VerifierDonnees), then the facilitateur's link,
/// registration, validation (the contrat's eligibility rule) and refusal, the match and the company's reading.
/// "Today" is 20/12/2026 (SituationsContrats.Maintenant); the lot runs over 2026, held by « Bâtiments du Val SARL ».
/// </summary>
public class EmbauchesPropositionTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;
    private static readonly DateOnly Aujourdhui = DateOnly.FromDateTime(Maintenant.Date);
    private static readonly Auteur Facilitateur = SituationsContrats.Facilitateur;
    private static readonly Auteur Contact = SituationsContrats.Entreprise;

    private static PersonneProposee Personne(string? nom = "Martin", string? prenom = "Léa", DateOnly? naissance = null, string? email = "lea.martin@exemple.fr",
        string? telephone = null) => new(nom, prenom, naissance ?? new DateOnly(1990, 6, 1), email, telephone);

    private static PropositionEmbauche Proposer(SituationsContrats s, PersonneProposee? personne = null, DonneesContrat? donnees = null,
        Entreprise? employeur = null, EntrepriseId? proposant = null, Lot? lot = null) =>
        PropositionEmbauche.Proposer(proposant ?? s.Titulaire.Id, lot ?? s.Lot, employeur ?? s.Titulaire, personne ?? Personne(),
            donnees ?? SituationsContrats.Donnees(), s.Reglages, Contact, Maintenant, Aujourdhui);

    private static RegleMetierException Refus(Action action) => Assert.Throws<RegleMetierException>(action);

    [Fact]
    public void Une_entreprise_titulaire_propose_une_personne_pour_son_lot_en_attente()
    {
        var s = new SituationsContrats();

        var p = Proposer(s, Personne(email: "  lea.martin@exemple.fr ", telephone: "06 12 34 56 78"));

        Assert.Equal(StatutProposition.EnAttente, p.Statut);
        Assert.Equal(s.StructureId, p.StructureId);
        Assert.Equal(s.Titulaire.Id, p.EntrepriseId);
        Assert.Equal(s.Lot.Id, p.LotId);
        Assert.Equal(("Martin", "Léa", new DateOnly(1990, 6, 1)), (p.Nom, p.Prenom, p.DateNaissance));
        Assert.Equal("lea.martin@exemple.fr", p.Email);
        Assert.Equal("06 12 34 56 78", p.Telephone);
        Assert.Equal(s.Titulaire.Id, p.EmployeurId);
        Assert.Equal((ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDI), (p.Modalite, p.TypeContrat));
        Assert.Equal((new DateOnly(2026, 1, 5), (DateOnly?)new DateOnly(2026, 12, 31)), (p.DateDebut, p.FinPrevue));
        Assert.Equal(35 * 60, p.HeuresHebdoMinutes);
        Assert.Equal("Maçon VRD", p.Poste);
        Assert.Equal((Contact.Id, Contact.Nom, Maintenant), (p.ProposeeParId, (string?)p.ProposeeParNom, p.ProposeeLe));
        Assert.Null(p.ParticipantId);
        Assert.Null(p.ContratId);
    }

    [Fact]
    public void Une_entreprise_qui_ne_tient_pas_le_lot_ne_peut_rien_y_proposer()
    {
        var s = new SituationsContrats();
        var autre = s.Marches.UneEntreprise("Loire Peinture et Décoration");

        var ex = Refus(() => Proposer(s, proposant: autre.Id));

        Assert.Equal("LotId", ex.Champ);
        Assert.Contains("ne tient pas ce lot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_sous_traitant_du_lot_propose_aussi_avec_un_employeur_qui_convient_a_la_modalite()
    {
        var s = new SituationsContrats();
        var aci = s.UnEmployeur(TypeEmployeur.ACI, "Jardins de Loire");
        s.Lot.Attribuer(aci, RoleAttribution.SousTraitant, new DateOnly(2026, 1, 2));

        var p = Proposer(s, proposant: aci.Id, employeur: aci, donnees: SituationsContrats.Donnees(ModaliteContrat.SousTraitanceSiae));

        Assert.Equal(aci.Id, p.EntrepriseId);
        Assert.Equal(aci.Id, p.EmployeurId);
        // The same sous-traitant cannot hire directly: only a holder of the lot may (DOMAIN.md §6, the contrat's rule).
        Assert.Equal("EmployeurId", Refus(() => Proposer(s, proposant: aci.Id, employeur: aci)).Champ);
    }

    [Theory]
    [InlineData(null, "Léa", "Nom")]
    [InlineData("  ", "Léa", "Nom")]
    [InlineData("Martin", null, "Prenom")]
    [InlineData("Martin", " ", "Prenom")]
    public void Le_nom_et_le_prenom_sont_obligatoires(string? nom, string? prenom, string champ)
    {
        var s = new SituationsContrats();

        var ex = Refus(() => Proposer(s, Personne(nom, prenom)));

        Assert.Equal(champ, ex.Champ);
    }

    [Fact]
    public void La_date_de_naissance_est_obligatoire_pas_dans_le_futur_et_plausible()
    {
        var s = new SituationsContrats();

        var absente = Refus(() => Proposer(s, new PersonneProposee("Martin", "Léa", null, "lea@exemple.fr", null)));
        var future = Refus(() => Proposer(s, Personne(naissance: Aujourdhui.AddDays(1))));
        var enfant = Refus(() => Proposer(s, Personne(naissance: Aujourdhui.AddYears(-10))));

        Assert.Equal(("DateNaissance", "Le champ « Date de naissance » est obligatoire."), (absente.Champ, absente.Message));
        Assert.Equal(("DateNaissance", "La date de naissance ne peut pas être dans le futur."), (future.Champ, future.Message));
        Assert.Equal("DateNaissance", enfant.Champ);
        Assert.Contains("10 ans", enfant.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Il_faut_un_e_mail_ou_un_telephone_pour_joindre_la_personne()
    {
        var s = new SituationsContrats();

        var ni = Refus(() => Proposer(s, Personne(email: " ", telephone: null)));

        Assert.Equal("Email", ni.Champ);
        Assert.Contains("un e-mail ou un téléphone", ni.Message, StringComparison.Ordinal);
        Assert.Null(Proposer(s, Personne(email: null, telephone: "02 47 00 00 01")).Email);
        Assert.Null(Proposer(s, Personne(email: "lea@exemple.fr", telephone: null)).Telephone);
    }

    [Fact]
    public void Un_e_mail_ou_un_telephone_mal_ecrit_est_refuse()
    {
        var s = new SituationsContrats();

        Assert.Equal("Email", Refus(() => Proposer(s, Personne(email: "lea.exemple.fr"))).Champ);
        Assert.Equal("Telephone", Refus(() => Proposer(s, Personne(email: null, telephone: "appeler Léa"))).Champ);
    }

    [Fact]
    public void Les_regles_du_contrat_s_appliquent_a_la_proposition()
    {
        var s = new SituationsContrats();
        var classique = s.Marches.UneEntreprise("Loire Peinture et Décoration");

        var fin = Refus(() => Proposer(s, donnees: SituationsContrats.Donnees(debut: new DateOnly(2026, 6, 1), fin: new DateOnly(2026, 5, 31))));
        var directe = Refus(() => Proposer(s, employeur: classique));
        var etti = Refus(() => Proposer(s, donnees: SituationsContrats.Donnees(ModaliteContrat.MiseADispositionEtti)));
        var tot = Refus(() => Proposer(s, donnees: SituationsContrats.Donnees(debut: new DateOnly(2025, 11, 1))));
        var hebdo = Refus(() => Proposer(s, donnees: SituationsContrats.Donnees() with { HeuresHebdo = Duree.Heures(49) }));
        var cdi = Refus(() => Proposer(s, donnees: SituationsContrats.Donnees(type: TypeContrat.CDI)));

        Assert.Equal(("FinPrevue", "La fin prévue doit être postérieure ou égale à la date de début."), (fin.Champ, fin.Message));
        Assert.Equal("EmployeurId", directe.Champ);
        Assert.Contains("ni attributaire ni co-traitante", directe.Message, StringComparison.Ordinal);
        Assert.Equal("EmployeurId", etti.Champ);
        Assert.Contains("une ETTI", etti.Message, StringComparison.Ordinal);
        Assert.Equal("DateDebut", tot.Champ);
        Assert.Equal("HeuresHebdo", hebdo.Champ);
        Assert.Equal("FinPrevue", cdi.Champ);
    }

    [Fact]
    public void Un_facilitateur_lie_la_proposition_a_un_participant_ce_qui_cree_le_contrat_propose_par_l_entreprise()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);

        var contrat = p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant.AddDays(1));

        Assert.Equal(StatutProposition.Liee, p.Statut);
        Assert.Equal(s.Participant.Id, p.ParticipantId);
        Assert.Equal(contrat.Id, p.ContratId);
        Assert.Equal((Facilitateur.Id, Facilitateur.Nom, Maintenant.AddDays(1)), (p.LieeParId, p.LieeParNom, p.LieeLe));
        Assert.Equal(StatutContrat.Propose, contrat.Statut);
        Assert.Equal(OrigineProposition.Entreprise, contrat.Origine);
        Assert.Equal((Contact.Id, Contact.Nom, Maintenant), (contrat.ProposeParId, (string?)contrat.ProposeParNom, contrat.ProposeLe));
        Assert.Equal((s.Participant.Id, s.Lot.Id, s.Titulaire.Id), (contrat.ParticipantId, contrat.LotId, contrat.EmployeurId));
        Assert.Equal((ModaliteContrat.EmbaucheDirecte, TypeContrat.CDDI, new DateOnly(2026, 1, 5)), (contrat.Modalite, contrat.TypeContrat, contrat.DateDebut));
        Assert.Equal((35 * 60L, "Maçon VRD"), (contrat.HeuresHebdoMinutes!.Value, contrat.Poste));
    }

    [Fact]
    public void Seul_un_facilitateur_lie_et_une_seule_fois()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);

        var parEntreprise = Refus(() => p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Contact, Maintenant));
        Assert.Equal("ParticipantId", parEntreprise.Champ);
        Assert.Equal(StatutProposition.EnAttente, p.Statut);

        p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);
        var deuxieme = Refus(() => p.Lier(s.UnParticipantEligible("Bernard"), s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant));
        Assert.Equal("Statut", deuxieme.Champ);
    }

    [Fact]
    public void Un_participant_d_une_autre_structure_ne_peut_pas_etre_lie()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);
        var ailleurs = new SituationsContrats().Participant;

        var ex = Refus(() => p.Lier(ailleurs, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant));

        Assert.Equal("ParticipantId", ex.Champ);
        Assert.Equal(StatutProposition.EnAttente, p.Statut);
        Assert.Null(p.ContratId);
    }

    [Fact]
    public void Le_lien_reverifie_les_regles_du_contrat_sur_le_lot_tel_qu_il_est()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);
        // The holder withdrew between the proposal and the link: the embauche directe no longer fits.
        s.Lot.RetirerAttribution(s.Lot.Attributions.Single().Id);

        var ex = Refus(() => p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant));

        Assert.Equal("EmployeurId", ex.Champ);
        Assert.Equal(StatutProposition.EnAttente, p.Statut);
    }

    [Fact]
    public void Un_facilitateur_inscrit_la_personne_avec_les_regles_du_participant_et_lie_la_proposition()
    {
        var s = new SituationsContrats();
        var p = Proposer(s, Personne("Nouvelle", "Inès", new DateOnly(1995, 3, 2)));

        var inscription = p.InscrireEtLier(ParticipantsDeTest.Donnees(new DateOnly(1995, 3, 2), nom: "Nouvelle", prenom: "Inès"), Aujourdhui, s.Lot,
            s.Titulaire, s.Reglages, Facilitateur, Maintenant);

        Assert.Equal(("Nouvelle", "Inès", s.StructureId), (inscription.Participant.Nom, inscription.Participant.Prenom, inscription.Participant.StructureId));
        Assert.Equal(Aujourdhui, inscription.Participant.InscritLe);
        Assert.Equal(inscription.Participant.Id, p.ParticipantId);
        Assert.Equal(inscription.Contrat.Id, p.ContratId);
        Assert.Equal(inscription.Participant.Id, inscription.Contrat.ParticipantId);
        // A new participant has no eligibility decision yet: the contrat says so to the facilitateur.
        Assert.Equal(StatutEligibilite.SansDecision, inscription.Contrat.Eligibilite);
    }

    [Fact]
    public void L_inscription_refuse_une_fiche_incomplete_et_ne_lie_rien()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);

        var ex = Refus(() => p.InscrireEtLier(ParticipantsDeTest.Donnees(commune: " "), Aujourdhui, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant));

        Assert.Equal("Commune", ex.Champ);
        Assert.Equal(StatutProposition.EnAttente, p.Statut);
        Assert.Null(p.ParticipantId);
    }

    [Fact]
    public void La_validation_valide_le_contrat_par_la_regle_d_eligibilite()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);
        var contrat = p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);

        p.Valider(contrat, s.Participant, s.Reglages, null, Facilitateur, Maintenant.AddDays(2));

        Assert.Equal(StatutProposition.Validee, p.Statut);
        Assert.Equal((Facilitateur.Id, Facilitateur.Nom, Maintenant.AddDays(2)), (p.DecideeParId, p.DecideeParNom, p.DecideeLe));
        Assert.Equal(StatutContrat.Valide, contrat.Statut);
        Assert.True(contrat.EligibiliteValide);
    }

    [Fact]
    public void Sans_decision_d_eligibilite_la_validation_est_refusee_et_rien_ne_change()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);
        var inscription = p.InscrireEtLier(ParticipantsDeTest.Donnees(), Aujourdhui, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);

        var ex = Refus(() => p.Valider(inscription.Contrat, inscription.Participant, s.Reglages, null, Facilitateur, Maintenant));

        Assert.Equal("DateDebut", ex.Champ);
        Assert.Equal(StatutProposition.Liee, p.Statut);
        Assert.Equal(StatutContrat.Propose, inscription.Contrat.Statut);
    }

    [Fact]
    public void Hors_fenetre_la_validation_demande_un_motif_de_derogation()
    {
        var s = new SituationsContrats();
        var ancien = s.UnParticipantEligible("Bernard", new DateOnly(2023, 6, 1));
        var p = Proposer(s);
        var contrat = p.Lier(ancien, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);

        Assert.Equal("DateDebut", Refus(() => p.Valider(contrat, ancien, s.Reglages, null, Facilitateur, Maintenant)).Champ);
        Assert.Equal(StatutProposition.Liee, p.Statut);

        p.Valider(contrat, ancien, s.Reglages, "Embauche décalée par l'entreprise (intempéries).", Facilitateur, Maintenant);
        Assert.Equal(StatutProposition.Validee, p.Statut);
        Assert.True(contrat.AvecDerogation);
    }

    [Fact]
    public void Seul_un_facilitateur_valide_et_seulement_une_proposition_liee()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);
        var autre = Proposer(s);
        var contrat = p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);

        Assert.Equal("Statut", Refus(() => p.Valider(contrat, s.Participant, s.Reglages, null, Contact, Maintenant)).Champ);
        Assert.Equal("Statut", Refus(() => autre.Valider(contrat, s.Participant, s.Reglages, null, Facilitateur, Maintenant)).Champ);
        Assert.Throws<ArgumentException>(() => p.Valider(s.UnContratPropose(), s.Participant, s.Reglages, null, Facilitateur, Maintenant));
        Assert.Equal(StatutProposition.Liee, p.Statut);
        Assert.Equal(StatutContrat.Propose, contrat.Statut);
    }

    [Fact]
    public void Le_refus_demande_un_motif_que_l_entreprise_lira()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);

        Assert.Equal("MotifRefus", Refus(() => p.Refuser("  ", null, Facilitateur, Maintenant)).Champ);
        Assert.Equal("Statut", Refus(() => p.Refuser("Poste déjà pourvu.", null, Contact, Maintenant)).Champ);
        Assert.Equal(StatutProposition.EnAttente, p.Statut);

        p.Refuser(" Poste déjà pourvu. ", null, Facilitateur, Maintenant);

        Assert.Equal(StatutProposition.Refusee, p.Statut);
        Assert.Equal("Poste déjà pourvu.", p.MotifRefus);
        Assert.Equal((Facilitateur.Id, Facilitateur.Nom, Maintenant), (p.DecideeParId, p.DecideeParNom, p.DecideeLe));
        Assert.Equal("Statut", Refus(() => p.Refuser("Encore.", null, Facilitateur, Maintenant)).Champ);
        Assert.Equal("Statut", Refus(() => p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant)).Champ);
    }

    [Fact]
    public void Refuser_une_proposition_liee_refuse_son_contrat_et_une_proposition_validee_ne_se_refuse_plus()
    {
        var s = new SituationsContrats();
        var p = Proposer(s);
        var contrat = p.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);

        p.Refuser("La personne a décliné l'offre.", contrat, Facilitateur, Maintenant);

        Assert.Equal(StatutProposition.Refusee, p.Statut);
        Assert.Equal(StatutContrat.Refuse, contrat.Statut);
        Assert.Equal("La personne a décliné l'offre.", contrat.MotifRefus);

        var validee = Proposer(s);
        var c2 = validee.Lier(s.Participant, s.Lot, s.Titulaire, s.Reglages, Facilitateur, Maintenant);
        validee.Valider(c2, s.Participant, s.Reglages, null, Facilitateur, Maintenant);
        Assert.Equal("Statut", Refus(() => validee.Refuser("Trop tard.", c2, Facilitateur, Maintenant)).Champ);
        Assert.Equal(StatutContrat.Valide, c2.Statut);
    }

    [Theory]
    [InlineData("MARTIN", "lea", true)]
    [InlineData("Martin", "Léa", true)]
    [InlineData(" martin ", "LÉA", true)]
    [InlineData("Martin", "Léa-Marie", false)]
    [InlineData("Martine", "Léa", false)]
    [InlineData("Martin", "Lea", true)]
    public void La_correspondance_ignore_accents_casse_et_espaces_mais_pas_les_lettres(string nom, string prenom, bool attendu)
    {
        var s = new SituationsContrats();
        var p = Proposer(s);

        Assert.Equal(attendu, p.Correspond(nom, prenom, new DateOnly(1990, 6, 1)));
    }

    [Fact]
    public void La_correspondance_demande_la_meme_date_de_naissance_nom_et_prenom()
    {
        var s = new SituationsContrats();
        var p = Proposer(s, Personne("Le Goff-Hervé", "Jean Éric"));

        Assert.True(p.Correspond("LE GOFF HERVE", "jean-eric", new DateOnly(1990, 6, 1)));
        Assert.False(p.Correspond("Le Goff-Hervé", "Jean Éric", new DateOnly(1990, 6, 2)));
        Assert.False(p.Correspond("Le Goff", "Jean Éric", new DateOnly(1990, 6, 1)));
        Assert.False(p.Correspond("Le Goff-Hervé", "Jean", new DateOnly(1990, 6, 1)));
        var candidats = p.Correspondances(new[] { ("LE GOFF-HERVE", "Jean-Éric"), ("Le Goff", "Jean") }, c => (c.Item1, c.Item2, new DateOnly(1990, 6, 1)));
        Assert.Equal("LE GOFF-HERVE", Assert.Single(candidats).Item1);
    }

    [Theory]
    [InlineData(StatutProposition.EnAttente, null, StatutPourLEntreprise.EnAttente)]
    [InlineData(StatutProposition.Liee, StatutContrat.Propose, StatutPourLEntreprise.EnAttente)]
    [InlineData(StatutProposition.Liee, StatutContrat.Valide, StatutPourLEntreprise.Valide)]
    [InlineData(StatutProposition.Liee, StatutContrat.Refuse, StatutPourLEntreprise.Refuse)]
    [InlineData(StatutProposition.Validee, StatutContrat.Valide, StatutPourLEntreprise.Valide)]
    [InlineData(StatutProposition.Refusee, null, StatutPourLEntreprise.Refuse)]
    [InlineData(StatutProposition.Refusee, StatutContrat.Refuse, StatutPourLEntreprise.Refuse)]
    public void L_entreprise_lit_en_attente_valide_ou_refuse_le_contrat_faisant_foi_une_fois_lie(StatutProposition proposition, StatutContrat? contrat,
        StatutPourLEntreprise attendu)
    {
        Assert.Equal(attendu, SuiviProposition.PourLEntreprise(proposition, contrat));
        Assert.Equal("refusé", StatutPourLEntreprise.Refuse.Libelle());
        Assert.Equal("Motif", SuiviProposition.Motif("Motif", "Autre"));
        Assert.Equal("Autre", SuiviProposition.Motif(null, "Autre"));
    }
}
