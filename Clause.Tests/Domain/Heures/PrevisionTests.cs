using Clause.Domain.Commun;
using Clause.Domain.Heures;

namespace Clause.Tests.Domain.Heures;

/// <summary>
/// The forecast of a lot (issue 10 item 2, docs/domain.md « Prévision des heures d'un lot »): each clause with its worked
/// example — the last counted month and the due day, the 3-month window, zero months, the start of execution, the base at
/// the end of the last counted month, the training cap, the months remaining, the flag under 100 %.
/// </summary>
public class PrevisionTests
{
    private static readonly long Dues1666 = Duree.Heures(1_666).Minutes;
    private static readonly DateOnly Debut2026 = new(2026, 1, 1);
    private static readonly DateOnly FinJuin2027 = new(2027, 6, 30);

    private static ParametresComptage Lot(long dues, bool formation = true, int? plafondPdb = null) => new(dues, formation, plafondPdb);

    private static MinutesDuMois M(int annee, int mois, long heures, long heuresFormation = 0) =>
        new(new Mois(annee, mois), Duree.Heures(heures).Minutes, Duree.Heures(heuresFormation).Minutes);

    /// <summary>The worked example: 1 666 h due, 2026-01-01 → 2027-06-30, 1 000 h at the end of November 2026.</summary>
    private static readonly MinutesDuMois[] Exemple =
    [
        M(2026, 3, 100), M(2026, 5, 160), M(2026, 8, 500), M(2026, 9, 100), /* octobre : rien */ M(2026, 11, 140),
        M(2026, 12, 30), // déclarées en avance : hors de la base
    ];

    [Fact]
    public void Exemple_a_ce_rythme_1560_h_a_la_fin_soit_93_6_pourcent_et_95_15_h_par_mois_necessaires()
    {
        var p = Prevision.Calculer(Lot(Dues1666), Debut2026, FinJuin2027, Exemple, new Mois(2026, 11))!;

        // Window September–November: (100 + 0 + 140) / 3 = 80 h per month; 7 months remaining (December → June).
        Assert.Equal(Duree.Heures(80).Minutes, p.RythmeMinutesParMois);
        Assert.Equal(7, p.MoisRestants);
        // 1 000 h + 240 h × 7 / 3 = 1 560 h → 93,6 % of 1 666 h.
        Assert.Equal(Duree.Heures(1_560).Minutes, p.ProjectionFinMinutes);
        Assert.Equal(new Taux(9_360), p.TauxProjete);
        Assert.True(p.SousObjectif);
        // (1 666 h − 1 000 h) / 7 = 5 708,57… min → 5 709 min = 95,15 h per month.
        Assert.Equal(5_709, p.MinutesParMoisNecessaires);
        Assert.Equal("95,15 h", p.ParMoisNecessaires.ToString());
    }

    [Fact]
    public void Le_mois_precedent_entre_dans_le_rythme_le_lendemain_du_jour_limite_de_declaration()
    {
        Assert.Equal(new Mois(2026, 11), Prevision.DernierMoisCompte(new DateOnly(2026, 12, 11), 10));
        Assert.Equal(new Mois(2026, 10), Prevision.DernierMoisCompte(new DateOnly(2026, 12, 10), 10));
        Assert.Equal(new Mois(2026, 11), Prevision.DernierMoisCompte(new DateOnly(2027, 1, 5), 10));
        Assert.Equal(new Mois(2026, 12), Prevision.DernierMoisCompte(new DateOnly(2027, 1, 6), 5));
    }

    [Fact]
    public void Le_10_decembre_la_fenetre_va_d_aout_a_octobre()
    {
        var p = Prevision.Calculer(Lot(Dues1666), Debut2026, FinJuin2027, Exemple, Prevision.DernierMoisCompte(new DateOnly(2026, 12, 10), 10))!;

        // (500 + 100 + 0) / 3 = 200 h; base 860 h at the end of October; 8 months remaining; 860 + 1 600 = 2 460 h = 147,7 %.
        Assert.Equal(Duree.Heures(200).Minutes, p.RythmeMinutesParMois);
        Assert.Equal(8, p.MoisRestants);
        Assert.Equal(Duree.Heures(2_460).Minutes, p.ProjectionFinMinutes);
        Assert.Equal(new Taux(14_770), p.TauxProjete);
        Assert.False(p.SousObjectif);
        // (1 666 − 860) / 8 = 100,75 h.
        Assert.Equal(Duree.Heures(806).Minutes / 8, p.MinutesParMoisNecessaires);
    }

    [Fact]
    public void Au_debut_de_l_execution_la_fenetre_ne_compte_que_les_mois_d_execution()
    {
        var p = Prevision.Calculer(Lot(Dues1666), new DateOnly(2026, 10, 15), FinJuin2027, [M(2026, 10, 50), M(2026, 11, 130)], new Mois(2026, 11))!;

        // (50 + 130) / 2 = 90 h (not / 3); 180 + 180 × 7 / 2 = 810 h = 48,6 %; (1 666 − 180) / 7 = 12 737,14… min.
        Assert.Equal(Duree.Heures(90).Minutes, p.RythmeMinutesParMois);
        Assert.Equal(Duree.Heures(810).Minutes, p.ProjectionFinMinutes);
        Assert.Equal(new Taux(4_860), p.TauxProjete);
        Assert.Equal(12_737, p.MinutesParMoisNecessaires);
    }

    [Fact]
    public void Sans_mois_d_execution_compte_ni_heures_dues_pas_de_prevision()
    {
        Assert.Null(Prevision.Calculer(Lot(Dues1666), new DateOnly(2026, 12, 1), FinJuin2027, [], new Mois(2026, 11)));
        Assert.Null(Prevision.Calculer(Lot(0), Debut2026, FinJuin2027, Exemple, new Mois(2026, 11)));
        Assert.NotNull(Prevision.Calculer(Lot(Dues1666), new DateOnly(2026, 11, 30), FinJuin2027, [], new Mois(2026, 11)));
    }

    [Fact]
    public void Le_plafond_de_formation_s_applique_au_rythme()
    {
        // 10 % of 1 666 h = 166,6 h of training at most. September 100 h + 200 h of training, November 100 h + 50 h.
        MinutesDuMois[] mois = [M(2026, 9, 100, 200), M(2026, 11, 100, 50)];
        var plafonne = Prevision.Calculer(Lot(Dues1666, plafondPdb: 1_000), Debut2026, FinJuin2027, mois, new Mois(2026, 11))!;
        var sansPlafond = Prevision.Calculer(Lot(Dues1666), Debut2026, FinJuin2027, mois, new Mois(2026, 11))!;
        var sansFormation = Prevision.Calculer(Lot(Dues1666, formation: false), Debut2026, FinJuin2027, mois, new Mois(2026, 11))!;

        // Capped: 200 h + 166,6 h = 21 996 min over 3 months → 7 332 min.
        Assert.Equal(7_332, plafonne.RythmeMinutesParMois);
        Assert.Equal(Duree.Heures(150).Minutes, sansPlafond.RythmeMinutesParMois);
        Assert.Equal(4_000, sansFormation.RythmeMinutesParMois);
        Assert.Equal(21_996 + 21_996 * 7 / 3, plafonne.ProjectionFinMinutes);
    }

    [Fact]
    public void Exactement_les_heures_dues_n_est_pas_sous_l_objectif_une_minute_de_moins_l_est()
    {
        // 1 000 h due in 2026; 400 h by June, then 100 h in July, August and September; 15 October: 700 + 100 × 3 = 1 000 h.
        var dues = Duree.Heures(1_000).Minutes;
        MinutesDuMois[] juste = [M(2026, 3, 400), M(2026, 7, 100), M(2026, 8, 100), M(2026, 9, 100)];
        var p = Prevision.Calculer(Lot(dues), Debut2026, new DateOnly(2026, 12, 31), juste, new Mois(2026, 9))!;
        Assert.Equal(dues, p.ProjectionFinMinutes);
        Assert.Equal(new Taux(10_000), p.TauxProjete);
        Assert.False(p.SousObjectif);
        Assert.Equal(Duree.Heures(100).Minutes, p.MinutesParMoisNecessaires);

        // One minute less in September: 700 h − 1 min + (300 h − 1 min) × 3 / 3 = 1 000 h − 2 min.
        MinutesDuMois[] court = [M(2026, 3, 400), M(2026, 7, 100), M(2026, 8, 100), new(new Mois(2026, 9), Duree.Heures(100).Minutes - 1, 0)];
        var q = Prevision.Calculer(Lot(dues), Debut2026, new DateOnly(2026, 12, 31), court, new Mois(2026, 9))!;
        Assert.Equal(dues - 2, q.ProjectionFinMinutes);
        Assert.True(q.SousObjectif);
    }

    [Fact]
    public void Execution_finie_plus_aucun_mois_restant_la_projection_est_le_realise()
    {
        var p = Prevision.Calculer(Lot(Dues1666), Debut2026, new DateOnly(2026, 9, 30), Exemple, new Mois(2026, 11))!;
        Assert.Equal(0, p.MoisRestants);
        Assert.Null(p.MinutesParMoisNecessaires);
        Assert.Equal(Duree.Heures(1_000).Minutes, p.ProjectionFinMinutes);
        Assert.True(p.SousObjectif);

        // Already above the hours due: nothing more is needed.
        var depasse = Prevision.Calculer(Lot(Duree.Heures(500).Minutes), Debut2026, FinJuin2027, Exemple, new Mois(2026, 11))!;
        Assert.Equal(0, depasse.MinutesParMoisNecessaires);
        Assert.False(depasse.SousObjectif);
    }

    [Fact]
    public void La_serie_du_lot_donne_la_meme_prevision_que_ses_minutes_par_mois()
    {
        var lot = Lot(Dues1666, plafondPdb: 1_000);
        MinutesDuMois[] mois = [.. Exemple, M(2026, 9, 0, 300)];
        Assert.Equal(Prevision.Calculer(lot, Debut2026, FinJuin2027, mois, new Mois(2026, 11)),
            Prevision.Calculer(Dues1666, Debut2026, FinJuin2027, Comptage.Serie(lot, mois), new Mois(2026, 11)));
    }
}
