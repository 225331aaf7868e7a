using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Placement;
using Clause.Domain.Structures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Placement;

/// <summary>The poste's and the candidature's rules (issue 14 items 2 and 3), one clause per test.</summary>
public class CandidatureTests
{
    private static readonly DateTimeOffset Le = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly Auteur Referent = new(Guid.Parse("0193a000-0000-7000-8000-0000000000a1"), "Rémi Référent", false);

    private static (Lot Lot, PosteAPourvoir Poste, Participant Eligible) Situation()
    {
        var marches = new SituationsMarches();
        var lot = marches.UnLot();
        var titulaire = marches.UneEntreprise();
        lot.Attribuer(titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot.Lancer();
        lot.MettreEnExecution();
        var poste = PosteAPourvoir.Creer(lot, titulaire.Id, Donnees(), SituationsContrats.Facilitateur, Le);
        var lea = ParticipantsDeTest.UnParticipant(lot.StructureId);
        lea.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        return (lot, poste, lea);
    }

    private static DonneesPoste Donnees(int? nombre = 2, DateOnly? debut = null, string? rome = "F1703") =>
        new("Maçon VRD", rome, nombre, TypeContrat.CDD, debut ?? new DateOnly(2026, 4, 1), Duree.Heures(35), "Tours", null);

    private static Reglages Reglages(Lot lot) => ParticipantsDeTest.Reglages(lot.StructureId);

    [Fact]
    public void Un_poste_refuse_donne_tous_ses_refus_en_une_passe()
    {
        var (lot, _, _) = Situation();
        var refus = Assert.Throws<RegleMetierException>(() =>
            PosteAPourvoir.Creer(lot, lot.Attributaire!.EntrepriseId, Donnees(nombre: 0, debut: new DateOnly(2027, 1, 2), rome: "12"), SituationsContrats.Facilitateur, Le));
        Assert.Equal(["CodeRome", "DateDebut", "Nombre"], refus.Toutes.Select(e => e.Champ).Order());
    }

    [Fact]
    public void Un_poste_sur_un_lot_a_notifier_est_refuse()
    {
        var marches = new SituationsMarches();
        var lot = marches.UnLot();
        var titulaire = marches.UneEntreprise();
        lot.Attribuer(titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        var refus = Assert.Throws<RegleMetierException>(() => PosteAPourvoir.Creer(lot, titulaire.Id, Donnees(), SituationsContrats.Facilitateur, Le));
        Assert.Equal("LotId", Assert.Single(refus.Toutes).Champ);
    }

    [Fact]
    public void Un_poste_pour_une_entreprise_qui_ne_tient_pas_le_lot_est_refuse()
    {
        var (lot, _, _) = Situation();
        var refus = Assert.Throws<RegleMetierException>(() =>
            PosteAPourvoir.Creer(lot, Clause.Domain.Commun.EntrepriseId.De(Guid.NewGuid()), Donnees(), SituationsContrats.Facilitateur, Le));
        Assert.Equal("EntrepriseId", Assert.Single(refus.Toutes).Champ);
    }

    [Fact]
    public void Seul_un_facilitateur_valide_l_entree()
    {
        var (lot, poste, lea) = Situation();
        var candidature = Candidature.Proposer(poste, lea, "lea@exemple.fr", null, Reglages(lot), Referent, Le);

        foreach (var auteur in new[] { Referent, SituationsContrats.Entreprise, new Auteur(Guid.NewGuid(), "Dora Direction", false) })
        {
            var refus = Assert.Throws<RegleMetierException>(() => candidature.Valider(poste, lea, Reglages(lot), null, auteur, Le));
            Assert.Contains("Seul un facilitateur", refus.Message, StringComparison.Ordinal);
            Assert.Equal(StatutCandidature.Proposee, candidature.Statut);
        }
        candidature.Valider(poste, lea, Reglages(lot), null, SituationsContrats.Facilitateur, Le);
        Assert.Equal(StatutCandidature.Validee, candidature.Statut);
    }

    [Fact]
    public void Un_candidat_sans_decision_est_propose_signale_puis_refuse_a_la_validation()
    {
        var (lot, poste, _) = Situation();
        var omar = ParticipantsDeTest.UnParticipant(lot.StructureId, nom: "Benali", prenom: "Omar");

        var candidature = Candidature.Proposer(poste, omar, null, "0612345678", Reglages(lot), Referent, Le);

        Assert.Equal(StatutEligibilite.SansDecision, candidature.Eligibilite);
        Assert.Contains("aucune décision d'éligibilité", candidature.RaisonEligibilite, StringComparison.Ordinal);
        Assert.Throws<RegleMetierException>(() => candidature.Valider(poste, omar, Reglages(lot), null, SituationsContrats.Facilitateur, Le));
        Assert.Equal(StatutCandidature.Proposee, candidature.Statut);
    }

    [Fact]
    public void Une_candidature_non_validee_ne_se_presente_pas()
    {
        var (lot, poste, lea) = Situation();
        var candidature = Candidature.Proposer(poste, lea, "lea@exemple.fr", null, Reglages(lot), Referent, Le);

        Assert.Throws<RegleMetierException>(() => Candidature.PresenterListe(poste, [candidature], SituationsContrats.Facilitateur, Le));
        Assert.Equal(StatutCandidature.Proposee, candidature.Statut);
    }

    [Fact]
    public void Seul_un_facilitateur_presente_la_liste()
    {
        var (lot, poste, lea) = Situation();
        var candidature = Candidature.Proposer(poste, lea, "lea@exemple.fr", null, Reglages(lot), Referent, Le);
        candidature.Valider(poste, lea, Reglages(lot), null, SituationsContrats.Facilitateur, Le);

        Assert.Throws<RegleMetierException>(() => Candidature.PresenterListe(poste, [candidature], Referent, Le));
        Assert.Equal(StatutCandidature.Validee, candidature.Statut);
    }

    [Fact]
    public void Un_non_retenu_sans_motif_ni_texte_est_refuse_et_avec_il_ouvre_la_tache_du_referent()
    {
        var (lot, poste, lea) = Situation();
        var candidature = Candidature.Proposer(poste, lea, "lea@exemple.fr", null, Reglages(lot), Referent, Le);
        candidature.Valider(poste, lea, Reglages(lot), null, SituationsContrats.Facilitateur, Le);
        Candidature.PresenterListe(poste, [candidature], SituationsContrats.Facilitateur, Le);

        var refus = Assert.Throws<RegleMetierException>(() => candidature.NePasRetenir(null, " ", SituationsContrats.Entreprise, Le));
        Assert.Equal(["MotifNonRetenu", "PrecisionNonRetenu"], refus.Toutes.Select(e => e.Champ).Order());

        candidature.NePasRetenir(MotifNonRetenu.ProfilInadapte, "Pas de CACES.", SituationsContrats.Entreprise, Le);
        Assert.True(candidature.SansSuite);
        candidature.NoterSuite("Formation CACES prévue.", Referent, Le);
        Assert.False(candidature.SansSuite);
    }

    [Fact]
    public void Une_candidature_a_un_poste_pourvu_est_refusee()
    {
        var (lot, poste, lea) = Situation();
        poste.ChangerStatut(StatutPoste.Pourvu);
        var refus = Assert.Throws<RegleMetierException>(() => Candidature.Proposer(poste, lea, "lea@exemple.fr", null, Reglages(lot), Referent, Le));
        Assert.Equal("PosteId", Assert.Single(refus.Toutes).Champ);
    }
}
