using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Participants;

public class DecisionEligibiliteTests
{
    private static readonly DateOnly NeLe15Mars2000 = new(2000, 3, 15);

    private static Participant Ne(DateOnly naissance) => ParticipantsDeTest.UnParticipant(naissance: naissance, inscritLe: new DateOnly(2024, 1, 5));

    [Fact]
    public void Jeune26_accepte_la_veille_des_26_ans()
    {
        var participant = Ne(NeLe15Mars2000);
        var decision = participant.Valider(new DateOnly(2026, 3, 14), CategorieEligibilite.Jeune26);

        Assert.Equal(25, participant.AgeLe(new DateOnly(2026, 3, 14)));
        Assert.Equal(CategorieEligibilite.Jeune26, Assert.Single(decision.Categories).Categorie);
    }

    [Fact]
    public void Jeune26_refuse_le_jour_des_26_ans()
    {
        var participant = Ne(NeLe15Mars2000);
        var ex = Assert.Throws<RegleMetierException>(() => participant.Valider(new DateOnly(2026, 3, 15), CategorieEligibilite.Jeune26));

        Assert.Equal(nameof(DecisionEligibilite.Categories), ex.Champ);
        Assert.Contains("26 ans", ex.Message, StringComparison.Ordinal);
        Assert.Empty(participant.Decisions);
    }

    [Fact]
    public void Senior50_accepte_a_50_ans_exactement()
    {
        var participant = Ne(new DateOnly(1976, 3, 15));
        var decision = participant.Valider(new DateOnly(2026, 3, 15), CategorieEligibilite.Senior50);
        Assert.Equal(CategorieEligibilite.Senior50, Assert.Single(decision.Categories).Categorie);
    }

    [Fact]
    public void Senior50_refuse_a_49_ans()
    {
        var participant = Ne(new DateOnly(1976, 3, 16));
        var ex = Assert.Throws<RegleMetierException>(() => participant.Valider(new DateOnly(2026, 3, 15), CategorieEligibilite.Senior50));
        Assert.Contains("49 ans", ex.Message, StringComparison.Ordinal);
        Assert.Contains("50 ans ou plus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_senior_lu_dans_les_reglages()
    {
        var participant = Ne(new DateOnly(1971, 3, 15)); // 55 on 2026-03-15
        var reglages = ParticipantsDeTest.Reglages(participant.StructureId);
        reglages.Modifier(reglages.CoutHoraireReferenceCentimes, reglages.PartMainOeuvreDefautPdb, reglages.RecalculSurAvenant, reglages.ModeAccordCadre,
            reglages.FenetreEligibiliteMois, 56, reglages.AnticipationDebutContratJours, reglages.MaxMinutesParMois, reglages.ToleranceApresFinJours,
            reglages.FormationComptabiliseeDefaut, reglages.PlafondFormationDefautPdb, reglages.JourLimiteDeclaration, reglages.JourPremiereRelance,
            reglages.JourSecondeRelance, reglages.SeuilConfidentialite, reglages.DelaiSortieEmploiDurableMois, reglages.ConservationMois);

        var ex = Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 15),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.Senior50)], null, null, ParticipantsDeTest.FacilitateurId, "F", reglages, new DateOnly(2026, 3, 15)));
        Assert.Contains("56 ans ou plus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liste_de_categories_vide_refusee()
    {
        var participant = Ne(NeLe15Mars2000);
        var ex = Assert.Throws<RegleMetierException>(() => participant.Valider(new DateOnly(2026, 3, 1)));
        Assert.Equal(nameof(DecisionEligibilite.Categories), ex.Champ);
        Assert.Equal("Cochez au moins une catégorie d'éligibilité.", ex.Message);
    }

    [Fact]
    public void Avis_motive_sans_motif_refuse()
    {
        var participant = Ne(NeLe15Mars2000);
        var ex = Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.AvisMotive)], Prescripteur.MissionLocale, "  ",
            ParticipantsDeTest.FacilitateurId, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1)));
        Assert.Equal(nameof(DecisionEligibilite.MotifAvis), ex.Champ);
        Assert.Empty(participant.Decisions);
    }

    [Fact]
    public void Avis_motive_sans_prescripteur_habilite_refuse()
    {
        var participant = Ne(NeLe15Mars2000);
        var ex = Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.AvisMotive)], Prescripteur.Siae, "Éloignement durable de l'emploi après une longue maladie.",
            ParticipantsDeTest.FacilitateurId, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1)));
        Assert.Equal(nameof(DecisionEligibilite.PrescripteurAvis), ex.Champ);
    }

    [Fact]
    public void Avis_motive_complet_garde_prescripteur_et_motif()
    {
        var participant = Ne(NeLe15Mars2000);
        var decision = participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.AvisMotive)], Prescripteur.MissionLocale, "Sortie d'hébergement d'urgence, aucune expérience professionnelle.",
            ParticipantsDeTest.FacilitateurId, ParticipantsDeTest.FacilitateurNom, ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1));
        Assert.Equal(Prescripteur.MissionLocale, decision.PrescripteurAvis);
        Assert.NotNull(decision.MotifAvis);
        Assert.Equal(ParticipantsDeTest.FacilitateurId, decision.ValideParId);
        Assert.Equal(ParticipantsDeTest.FacilitateurNom, decision.ValideParNom);
    }

    [Fact]
    public void Motif_et_prescripteur_ignores_sans_avis_motive()
    {
        var participant = Ne(NeLe15Mars2000);
        var decision = participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.RSA)], Prescripteur.MissionLocale, "un motif inutile ici",
            ParticipantsDeTest.FacilitateurId, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1));
        Assert.Null(decision.PrescripteurAvis);
        Assert.Null(decision.MotifAvis);
    }

    [Fact]
    public void Categorie_sensible_n_accepte_qu_un_justificatif_de_la_liste()
    {
        var participant = Ne(NeLe15Mars2000);
        var ex = Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [new CategorieSaisie(CategorieEligibilite.TH, "RQTH pour troubles psychiques")], null, null,
            ParticipantsDeTest.FacilitateurId, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1)));
        Assert.Contains("choisissez le justificatif dans la liste", ex.Message, StringComparison.Ordinal);

        var decision = participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [new CategorieSaisie(CategorieEligibilite.TH, "Notification RQTH en cours de validité", new DateOnly(2029, 12, 31))], null, null,
            ParticipantsDeTest.FacilitateurId, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1));
        Assert.True(decision.ContientSensible);
        Assert.Equal(new DateOnly(2029, 12, 31), decision.Categories[0].FinDroits);
    }

    [Fact]
    public void Justificatif_obligatoire_pour_chaque_categorie()
    {
        var participant = Ne(NeLe15Mars2000);
        var ex = Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.RSA), new CategorieSaisie(CategorieEligibilite.DELD12, " ")], null, null,
            ParticipantsDeTest.FacilitateurId, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1)));
        Assert.Contains("Justificatif — Demandeur d'emploi de longue durée", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chaque_categorie_a_une_suggestion_de_justificatif()
    {
        foreach (var categorie in Enum.GetValues<CategorieEligibilite>())
            Assert.False(string.IsNullOrWhiteSpace(categorie.JustificatifSuggere()));
        Assert.Equal("Attestation RSA de moins de 3 mois", CategorieEligibilite.RSA.JustificatifSuggere());
    }

    [Fact]
    public void Les_quatre_categories_sensibles()
    {
        Assert.Equal([CategorieEligibilite.AAH, CategorieEligibilite.PensionInvalidite, CategorieEligibilite.TH, CategorieEligibilite.SecteurAdapte],
            Enum.GetValues<CategorieEligibilite>().Where(c => c.EstSensible()));
    }

    [Fact]
    public void Validation_dans_le_futur_ou_deux_fois_le_meme_jour_refusee()
    {
        var participant = Ne(NeLe15Mars2000);
        var futur = Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 2),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.RSA)], null, null, ParticipantsDeTest.FacilitateurId, "F",
            ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1)));
        Assert.Equal(nameof(DecisionEligibilite.DateValidation), futur.Champ);

        participant.Valider(new DateOnly(2026, 3, 1), CategorieEligibilite.RSA);
        var doublon = Assert.Throws<RegleMetierException>(() => participant.Valider(new DateOnly(2026, 3, 1), CategorieEligibilite.DELD12));
        Assert.Equal(nameof(DecisionEligibilite.DateValidation), doublon.Champ);
    }

    [Fact]
    public void Validateur_obligatoire()
    {
        var participant = Ne(NeLe15Mars2000);
        Assert.Throws<RegleMetierException>(() => participant.ValiderEligibilite(new DateOnly(2026, 3, 1),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.RSA)], null, null, Guid.Empty, "F", ParticipantsDeTest.Reglages(), new DateOnly(2026, 3, 1)));
    }
}
