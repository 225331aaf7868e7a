using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Heures;

/// <summary>
/// A company's declaration of a month (issue 9): the draft, the submission (immutable once submitted), a validated
/// line locked for a company but not for a facilitateur, and a submission refused outside the periods (§7.2).
/// </summary>
public sealed class SoumissionsDomaineTests
{
    private static readonly Mois Mars = new(2026, 3);

    private static SoumissionHeures Brouillon(SituationsContrats s) =>
        SoumissionHeures.Creer(s.StructureId, s.Titulaire.Id, Mars, SituationsContrats.Entreprise, SituationsContrats.Maintenant);

    [Fact]
    public void Un_brouillon_garde_les_cases_remplies_dans_l_ordre_et_les_remplace_a_chaque_enregistrement()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var brouillon = Brouillon(s);

        brouillon.RemplacerLignes([new SaisieBrouillon(contrat.Id, 35 * 60, null), new SaisieBrouillon(ContratId.De(Guid.NewGuid()), null, null)],
            SituationsContrats.Maintenant);
        brouillon.RemplacerLignes([new SaisieBrouillon(contrat.Id, null, 120_000)], SituationsContrats.Maintenant);

        var ligne = Assert.Single(brouillon.Lignes);
        Assert.Null(ligne.Minutes);
        Assert.Equal(120_000, ligne.MontantFactureCentimes);
        Assert.Equal(StatutSoumission.Brouillon, brouillon.Statut);
    }

    [Fact]
    public void Une_soumission_est_immuable_et_garde_qui_l_a_soumise()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var soumission = Brouillon(s);
        soumission.RemplacerLignes([new SaisieBrouillon(contrat.Id, 35 * 60, null)], SituationsContrats.Maintenant);

        soumission.Soumettre(SituationsContrats.Entreprise, "rh@batiments-val.fr", SituationsContrats.Maintenant);

        Assert.Equal(StatutSoumission.Soumise, soumission.Statut);
        Assert.Equal("rh@batiments-val.fr", soumission.SoumiseParEmail);
        Assert.Equal(SituationsContrats.Entreprise.Id, soumission.SoumiseParId);
        Assert.Equal(SituationsContrats.Maintenant, soumission.SoumiseLe);
        Assert.Equal("Statut", Assert.Throws<RegleMetierException>(() =>
            soumission.RemplacerLignes([new SaisieBrouillon(contrat.Id, 10 * 60, null)], SituationsContrats.Maintenant)).Champ);
        Assert.Equal("Statut", Assert.Throws<RegleMetierException>(() =>
            soumission.Soumettre(SituationsContrats.Entreprise, null, SituationsContrats.Maintenant)).Champ);
        Assert.Equal(35 * 60, Assert.Single(soumission.Lignes).Minutes);
    }

    [Fact]
    public void Une_soumission_vide_ou_a_l_adresse_invalide_est_refusee()
    {
        var s = new SituationsContrats();
        var vide = Brouillon(s);
        Assert.Contains("rien à soumettre", Assert.Throws<RegleMetierException>(() =>
            vide.Soumettre(SituationsContrats.Entreprise, null, SituationsContrats.Maintenant)).Message, StringComparison.Ordinal);

        var soumission = Brouillon(s);
        soumission.RemplacerLignes([new SaisieBrouillon(s.UnContratValide().Id, 60, null)], SituationsContrats.Maintenant);
        Assert.Equal("SoumiseParEmail", Assert.Throws<RegleMetierException>(() =>
            soumission.Soumettre(SituationsContrats.Entreprise, "pas-une-adresse", SituationsContrats.Maintenant)).Champ);
        Assert.Equal(StatutSoumission.Brouillon, soumission.Statut);
    }

    [Fact]
    public void Une_ligne_validee_est_verrouillee_pour_l_entreprise_mais_pas_pour_le_facilitateur()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var ligne = s.Declarer(contrat, Mars, 35);
        ligne.Valider(SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        var refus = Assert.Throws<RegleMetierException>(() => ligne.Corriger(contrat, s.Lot, SaisieHeures.EnHeures(Duree.Heures(30)), null,
            new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant));
        Assert.Equal("Heures", refus.Champ);
        Assert.Contains("validées par le facilitateur", refus.Message, StringComparison.Ordinal);
        Assert.Equal(1, ligne.VersionCourante);

        ligne.Corriger(contrat, s.Lot, SaisieHeures.EnHeures(Duree.Heures(30)), "Relevé corrigé", new SituationMois(0), s.Reglages,
            SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        Assert.Equal(2, ligne.VersionCourante);
    }

    [Fact]
    public void Une_ligne_rejetee_ou_declaree_se_corrige_par_l_entreprise_et_garde_sa_soumission()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var premiere = SoumissionId.De(Guid.NewGuid());
        var seconde = SoumissionId.De(Guid.NewGuid());
        var ligne = DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.EnHeures(Duree.Heures(35)), new SituationMois(0), s.Reglages,
            SituationsContrats.Entreprise, SituationsContrats.Maintenant, premiere);
        ligne.Rejeter("Relevé illisible", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        ligne.Corriger(contrat, s.Lot, SaisieHeures.EnHeures(Duree.Heures(32)), null, new SituationMois(0), s.Reglages,
            SituationsContrats.Entreprise, SituationsContrats.Maintenant, seconde);

        Assert.Equal([premiere, seconde], ligne.Versions.Select(v => v.SoumissionId!.Value));
        Assert.Equal(StatutDeclaration.Declaree, ligne.Statut);
    }

    [Fact]
    public void Une_soumission_hors_des_periodes_est_refusee_une_saisie_du_personnel_est_signalee()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide(fin: new DateOnly(2026, 2, 28));

        var refus = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.EnHeures(Duree.Heures(35)),
            new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant, SoumissionId.De(Guid.NewGuid())));
        Assert.Equal("Mois", refus.Champ);

        Assert.True(s.Declarer(contrat, Mars, 35).HorsPeriode);
    }

    [Fact]
    public void La_grille_de_plusieurs_lots_refuse_un_contrat_qui_n_en_est_pas()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var grille = new GrilleHeures([s.Lot], s.Reglages, [], [], []);

        grille.Appliquer(contrat.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(35)), SituationsContrats.Entreprise, SituationsContrats.Maintenant);

        Assert.Contains("n'est pas un contrat validé de votre entreprise", Assert.Single(grille.Refus).Erreur.Message, StringComparison.Ordinal);
        Assert.Empty(grille.Nouvelles);
    }

    [Fact]
    public void Le_meme_montant_sur_une_ligne_convertie_n_ajoute_pas_de_version()
    {
        var s = new SituationsContrats();
        var siae = s.UnEmployeur(Clause.Domain.Entreprises.TypeEmployeur.ACI);
        var contrat = s.UnContratValide(Clause.Domain.Contrats.ModaliteContrat.SousTraitanceSiae, siae);
        var ligne = DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.ParMontant(Montant.Euros(3000)), new SituationMois(0), s.Reglages,
            SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        var grille = new GrilleHeures([s.Lot], s.Reglages, [contrat], [ligne], []);

        grille.Appliquer(contrat.Id, Mars, SaisieHeures.ParMontant(Montant.Euros(3000)), SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        Assert.Equal(0, grille.Ecrites);
        grille.Appliquer(contrat.Id, Mars, SaisieHeures.ParMontant(Montant.Euros(3100)), SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        Assert.Equal(1, grille.Ecrites);
        Assert.Equal(2, ligne.VersionCourante);
    }
}
