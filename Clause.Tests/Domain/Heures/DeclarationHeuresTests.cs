using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Heures;

public class DeclarationHeuresTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;
    private static readonly Mois Mars = new(2026, 3);

    [Fact]
    public void Conversion_12000_euros_a_60_pourcent_et_30_euros_donne_240_heures()
    {
        Assert.Equal(14_400, DeclarationHeures.Convertir(Montant.Euros(12_000), Taux.Pourcent(60), Montant.Euros(30)).Minutes);

        var s = new SituationsContrats();
        s.Lot.ModifierParametres(Taux.Pourcent(60), null, false, null);
        var siae = s.UnEmployeur(TypeEmployeur.ACI, "Chantier d'insertion Les Jardins de Loire");
        var contrat = s.UnContratValide(ModaliteContrat.SousTraitanceSiae, siae);

        // Defaults: the lot's labour share (60 %) and its effective hourly cost (the structure's 30,00 €).
        var ligne = DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.ParMontant(Montant.Euros(12_000)), new SituationMois(0),
            s.Reglages, SituationsContrats.Entreprise, Maintenant);

        Assert.Equal(14_400, ligne.Minutes);
        Assert.Equal("240,00 h", SituationsMarches.Espaces(ligne.Heures.ToString()));
        Assert.True(ligne.Converti);
        var version = Assert.Single(ligne.Versions);
        Assert.Equal(1_200_000, version.MontantFactureCentimes);
        Assert.Equal(6_000, version.PartMainOeuvrePdb);
        Assert.Equal(3_000, version.CoutHoraireCentimes);
    }

    [Fact]
    public void Conversion_arrondie_a_la_minute_avec_parametres_saisis()
    {
        var s = new SituationsContrats();
        var esat = s.UnEmployeur(TypeEmployeur.ESAT, "ESAT Les Tilleuls");
        var contrat = s.UnContratValide(ModaliteContrat.SousTraitanceEaEsat, esat);

        // 1 000,01 € × 45 % / 32,50 € = 13,846… h = 830,77… min → 831 min.
        var ligne = DeclarationHeures.Declarer(contrat, s.Lot, Mars,
            SaisieHeures.ParMontant(new Montant(100_001), Taux.Pourcent(45), new Montant(3_250)), new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant);

        Assert.Equal(831, ligne.Minutes);
    }

    [Fact]
    public void Montant_facture_refuse_hors_sous_traitance()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();

        var ex = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.ParMontant(Montant.Euros(5_000)),
            new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal("MontantFacture", ex.Champ);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-35L)]
    public void Heures_nulles_ou_negatives_refusees(long minutes)
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();

        var ex = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.EnHeures(new Duree(minutes)),
            new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal("Heures", ex.Champ);
        Assert.Equal("Les heures doivent être supérieures à 0.", ex.Message);
    }

    [Fact]
    public void Heures_au_dela_du_maximum_mensuel_refusees()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();

        Assert.Equal(250 * 60, s.Declarer(contrat, Mars, 250).Minutes);
        var ex = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, new Mois(2026, 4),
            SaisieHeures.EnHeures(new Duree(250 * 60 + 1)), new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal("Heures", ex.Champ);
        Assert.Equal("250,02 h dépasse le maximum de 250,00 h par mois pour une ligne.", SituationsMarches.Espaces(ex.Message));
    }

    [Fact]
    public void Maximum_par_participant_et_par_mois_tous_lots_confondus()
    {
        var s = new SituationsContrats();
        var lotB = s.Marches.UnMarche("2026-002").Lots[0];
        lotB.Attribuer(s.Titulaire, Clause.Domain.Marches.RoleAttribution.Attributaire, null);
        var surA = s.UnContratValide();
        var surB = s.UnContratValide(lot: lotB);
        var ligneA = s.Declarer(surA, Mars, 150);

        // The query gives the participant's other lines of March: 150 h on lot A.
        var ex = Assert.Throws<RegleMetierException>(() => s.Declarer(surB, Mars, 120, autresMinutes: ligneA.Minutes, lot: lotB));

        Assert.Equal("Heures", ex.Champ);
        Assert.Equal("Ce participant a déjà 150,00 h déclarées en mars 2026 sur ses autres lignes : avec 120,00 h de plus, "
            + "il dépasserait le maximum de 250,00 h par mois, tous lots confondus.", SituationsMarches.Espaces(ex.Message));
        Assert.Equal(100 * 60, s.Declarer(surB, Mars, 100, autresMinutes: ligneA.Minutes, lot: lotB).Minutes);
    }

    [Fact]
    public void Seconde_declaration_du_meme_mois_refusee_il_faut_corriger()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var premiere = s.Declarer(contrat, Mars, 120);

        var ex = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(contrat, s.Lot, Mars, SaisieHeures.EnHeures(Duree.Heures(10)),
            new SituationMois(premiere.Minutes, premiere.Id), s.Reglages, SituationsContrats.Entreprise, Maintenant));

        Assert.Equal("Mois", ex.Champ);
        Assert.Equal("Des heures sont déjà déclarées pour ce contrat en mars 2026 : modifiez cette ligne (une correction crée une nouvelle version).", ex.Message);
    }

    [Fact]
    public void Correction_cree_une_version_qui_remplace_la_precedente()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var ligne = s.Declarer(contrat, Mars, 120);
        // Rejected, not validated: a validated line is locked for the company (issue 9, SoumissionsDomaineTests).
        ligne.Rejeter("Relevé incomplet", SituationsContrats.Facilitateur, Maintenant);

        // The line's own minutes are not "other" minutes: the query leaves them out.
        var version = ligne.Corriger(contrat, s.Lot, SaisieHeures.EnHeures(Duree.Heures(140)), "Heures supplémentaires oubliées", new SituationMois(0),
            s.Reglages, SituationsContrats.Entreprise, Maintenant);

        Assert.Equal(2, version.Numero);
        Assert.Equal(2, ligne.VersionCourante);
        Assert.Equal(140 * 60, ligne.Minutes);
        Assert.Equal(StatutDeclaration.Declaree, ligne.Statut);
        Assert.Equal([StatutDeclaration.Rejetee, StatutDeclaration.Declaree], ligne.Versions.Select(v => v.Statut));
        Assert.Equal([120L * 60, 140L * 60], ligne.Versions.Select(v => v.Minutes));
        Assert.Equal("Heures supplémentaires oubliées", version.MotifCorrection);
    }

    [Fact]
    public void Saisie_du_facilitateur_validee_d_emblee()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();

        var ligne = s.Declarer(contrat, Mars, 151, par: SituationsContrats.Facilitateur);

        Assert.Equal(StatutDeclaration.Validee, ligne.Statut);
        var version = Assert.Single(ligne.Versions);
        Assert.True(version.SaisieParFacilitateur);
        Assert.Equal(ParticipantsDeTest.FacilitateurNom, version.DecideParNom);
    }

    [Fact]
    public void Ligne_declaree_validee_ou_rejetee_avec_motif_par_un_facilitateur()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var avril = s.Declarer(contrat, new Mois(2026, 4), 140);
        var mai = s.Declarer(contrat, new Mois(2026, 5), 150);

        Assert.Throws<RegleMetierException>(() => avril.Valider(SituationsContrats.Entreprise, Maintenant));
        avril.Valider(SituationsContrats.Facilitateur, Maintenant);
        var sansMotif = Assert.Throws<RegleMetierException>(() => mai.Rejeter(" ", SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("MotifRejet", sansMotif.Champ);
        mai.Rejeter("Heures non justifiées par le relevé mensuel.", SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(StatutDeclaration.Validee, avril.Statut);
        Assert.Equal(StatutDeclaration.Rejetee, mai.Statut);
        Assert.Equal("Heures non justifiées par le relevé mensuel.", mai.Courante!.MotifRejet);
        var deuxFois = Assert.Throws<RegleMetierException>(() => avril.Valider(SituationsContrats.Facilitateur, Maintenant));
        Assert.Equal("Une ligne au statut « Validée » ne peut pas être validée : seule une ligne déclarée attend une décision.", deuxFois.Message);
    }

    [Fact]
    public void Mois_hors_du_contrat_ou_du_lot_garde_et_signale_hors_periode()
    {
        var s = new SituationsContrats();
        // Starts before the lot (30 days of anticipation allowed), ends in May.
        var contrat = s.UnContratValide(debut: new DateOnly(2025, 12, 8), fin: new DateOnly(2026, 5, 15));

        var decembre = s.Declarer(contrat, new Mois(2025, 12), 60);
        var mai = s.Declarer(contrat, new Mois(2026, 5), 60);
        var juin = s.Declarer(contrat, new Mois(2026, 6), 60);

        Assert.True(decembre.HorsPeriode);
        Assert.False(mai.HorsPeriode);
        Assert.True(juin.HorsPeriode);
        Assert.Equal(60 * 60, juin.Minutes);
    }

    [Fact]
    public void Tolerance_apres_la_fin_du_lot_et_reevaluation_apres_changement_de_dates()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide(debut: new DateOnly(2026, 3, 1), fin: new DateOnly(2026, 12, 31));
        var fevrier = new Mois(2026, 2);
        Assert.False(DeclarationHeures.EstDansLaPeriode(fevrier, contrat, s.Lot, s.Reglages));
        Assert.False(DeclarationHeures.EstDansLaPeriode(new Mois(2027, 1), contrat, s.Lot, s.Reglages));
        var ligne = s.Declarer(contrat, fevrier, 35);
        Assert.True(ligne.HorsPeriode);

        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 2, 20)), s.Lot, s.Titulaire, s.Participant, s.Reglages);
        ligne.ReevaluerPeriode(contrat, s.Lot, s.Reglages);

        Assert.False(ligne.HorsPeriode);
    }

    [Fact]
    public void Contrat_refuse_ou_mois_a_venir_refuses()
    {
        var s = new SituationsContrats();
        var refuse = s.UnContratPropose();
        refuse.Refuser("Doublon.", SituationsContrats.Facilitateur, Maintenant);
        var valide = s.UnContratValide();

        Assert.Equal("Mois", Assert.Throws<RegleMetierException>(() => s.Declarer(refuse, Mars, 10)).Champ);
        var avenir = Assert.Throws<RegleMetierException>(() => DeclarationHeures.Declarer(valide, s.Lot, new Mois(2027, 1),
            SaisieHeures.EnHeures(Duree.Heures(10)), new SituationMois(0), s.Reglages, SituationsContrats.Entreprise, Maintenant));
        Assert.Equal("Mois", avenir.Champ);
    }
}
