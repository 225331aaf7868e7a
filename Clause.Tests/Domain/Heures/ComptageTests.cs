using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Heures;

public class ComptageTests
{
    private static readonly DateTimeOffset Maintenant = SituationsContrats.Maintenant;

    private static long H(long heures) => heures * 60;

    [Fact]
    public void Taux_9500_heures_dues_11000_realisees_115_8_pourcent_non_plafonne_100_pourcent_plafonne()
    {
        var bilan = Comptage.Bilan(new ParametresComptage(H(9_500), false, null), [new MinutesDuMois(new Mois(2026, 3), H(11_000), 0)], 0);

        Assert.Equal(11_580, bilan.Taux!.Value.PointsDeBase);
        Assert.Equal("115,8 %", bilan.Taux.Value.ToString());
        Assert.Equal(10_000, bilan.TauxPlafonne!.Value.PointsDeBase);
        Assert.Equal("100 %", bilan.TauxPlafonne.Value.ToString());
        Assert.Equal(0, bilan.Restantes.Minutes);
    }

    [Fact]
    public void Taux_plafonne_agrege_somme_des_minimums_sur_somme_des_dues()
    {
        var avance = Comptage.Bilan(new ParametresComptage(H(9_500), false, null), [new MinutesDuMois(new Mois(2026, 3), H(11_000), 0)], 0);
        var enRetard = Comptage.Bilan(new ParametresComptage(H(1_000), false, null), [new MinutesDuMois(new Mois(2026, 3), H(500), 0)], H(35));
        var sansClause = Comptage.Bilan(new ParametresComptage(0, false, null), [new MinutesDuMois(new Mois(2026, 3), H(70), 0)], 0);

        var total = Comptage.Agreger([avance, enRetard, sansClause]);

        Assert.Null(sansClause.Taux);
        Assert.Equal(H(10_500), total.DuesMinutes);
        Assert.Equal(H(11_570), total.RealiseesMinutes);
        Assert.Equal(H(35), total.EnAttenteMinutes);
        // 11 500 / 10 500 = 109,52 % ; (9 500 + 500) / 10 500 = 95,24 %.
        Assert.Equal("109,5 %", total.Taux!.Value.ToString());
        Assert.Equal("95,2 %", total.TauxPlafonne!.Value.ToString());
        Assert.Equal(H(500), enRetard.Restantes.Minutes);
    }

    [Fact]
    public void Formation_comptee_seulement_si_le_lot_le_dit_et_plafonnee()
    {
        MinutesDuMois[] mois = [new(new Mois(2026, 3), H(500), H(80)), new(new Mois(2026, 4), 0, H(70))];

        Assert.Equal(H(500), Comptage.Bilan(new ParametresComptage(H(1_000), false, null), mois, 0).RealiseesMinutes);
        Assert.Equal(H(650), Comptage.Bilan(new ParametresComptage(H(1_000), true, null), mois, 0).RealiseesMinutes);
        // Cap 10 % of 1 000 h = 100 h of training.
        Assert.Equal(H(600), Comptage.Bilan(new ParametresComptage(H(1_000), true, 1_000), mois, 0).RealiseesMinutes);
    }

    [Fact]
    public void Serie_mensuelle_cumulee_sans_trou_et_plafond_de_formation_applique_au_cumul()
    {
        var lot = new ParametresComptage(H(1_000), true, 1_000);
        MinutesDuMois[] mois = [new(new Mois(2026, 1), H(100), H(80)), new(new Mois(2026, 3), H(50), H(70))];

        var serie = Comptage.Serie(lot, mois);

        Assert.Equal([new Mois(2026, 1), new Mois(2026, 2), new Mois(2026, 3)], serie.Select(p => p.Mois));
        Assert.Equal([H(180), 0, H(70)], serie.Select(p => p.Minutes));
        Assert.Equal([H(180), H(180), H(250)], serie.Select(p => p.CumulMinutes));
        Assert.Equal(Comptage.Bilan(lot, mois, 0).RealiseesMinutes, serie[^1].CumulMinutes);
    }

    [Fact]
    public void Seules_les_lignes_validees_dans_la_periode_de_contrats_valides_et_eligibles_comptent()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 4, 30));
        var propose = s.UnContratPropose(participant: s.UnParticipantEligible("Leroy"));
        var validee = Valider(s.Declarer(contrat, new Mois(2026, 3), 100));
        var horsPeriode = Valider(s.Declarer(contrat, new Mois(2026, 6), 40));
        var rejetee = s.Declarer(contrat, new Mois(2026, 2), 30);
        rejetee.Rejeter("Relevé illisible.", SituationsContrats.Facilitateur, Maintenant);
        var enAttente = s.Declarer(contrat, new Mois(2026, 4), 20);
        var surPropose = s.Declarer(propose, new Mois(2026, 3), 10, par: SituationsContrats.Facilitateur);

        var bilan = Comptage.Bilan(ParametresComptage.De(s.Lot),
            [L(validee, contrat), L(horsPeriode, contrat), L(rejetee, contrat), L(enAttente, contrat), L(surPropose, propose)]);

        Assert.True(horsPeriode.HorsPeriode);
        Assert.Equal(H(100), bilan.RealiseesMinutes);
        Assert.Equal(H(20), bilan.EnAttenteMinutes);
        Assert.Equal(H(833), bilan.DuesMinutes);
        Assert.Equal(H(733), bilan.Restantes.Minutes);
    }

    [Fact]
    public void Contrat_signale_hors_fenetre_ne_compte_plus()
    {
        var s = new SituationsContrats();
        var participant = s.UnParticipantEligible("Petit", new DateOnly(2024, 1, 10));
        var contrat = s.UnContratValide(participant: participant, debut: new DateOnly(2026, 1, 5));
        var ligne = Valider(s.Declarer(contrat, new Mois(2026, 3), 100));
        Assert.Equal(H(100), Comptage.Bilan(ParametresComptage.De(s.Lot), [L(ligne, contrat)]).RealiseesMinutes);

        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 2, 1)), s.Lot, s.Titulaire, participant, s.Reglages);

        Assert.Equal(0, Comptage.Bilan(ParametresComptage.De(s.Lot), [L(ligne, contrat)]).RealiseesMinutes);
    }

    [Fact]
    public void Correction_remplace_la_ligne_sans_double_compte()
    {
        var s = new SituationsContrats();
        var contrat = s.UnContratValide();
        var ligne = s.Declarer(contrat, new Mois(2026, 3), 120, par: SituationsContrats.Facilitateur);

        ligne.Corriger(contrat, s.Lot, SaisieHeures.EnHeures(Duree.Heures(90)), null, new SituationMois(0), s.Reglages, SituationsContrats.Facilitateur, Maintenant);

        Assert.Equal(H(90), Comptage.Bilan(ParametresComptage.De(s.Lot), [L(ligne, contrat)]).RealiseesMinutes);
    }

    [Fact]
    public void Heures_de_formation_d_un_contrat_en_formation_plafonnees_sur_le_lot()
    {
        var s = new SituationsContrats();
        s.Lot.ModifierParametres(new Taux(s.Lot.PartMainOeuvrePdb), null, true, Taux.Pourcent(5));
        var organisme = s.UnEmployeur(TypeEmployeur.Classique, "AFPA Centre-Val de Loire");
        var formation = s.UnContratValide(ModaliteContrat.Formation, organisme);
        var ligne = s.Declarer(formation, new Mois(2026, 3), 120, par: SituationsContrats.Facilitateur);

        // 5 % of 833 h = 41,65 h = 2 499 min.
        Assert.Equal(2_499, Comptage.Bilan(ParametresComptage.De(s.Lot), [L(ligne, formation)]).RealiseesMinutes);
    }

    private static LigneComptage L(DeclarationHeures ligne, Contrat contrat) => LigneComptage.De(ligne, contrat);

    private static DeclarationHeures Valider(DeclarationHeures ligne)
    {
        ligne.Valider(SituationsContrats.Facilitateur, Maintenant);
        return ligne;
    }
}
