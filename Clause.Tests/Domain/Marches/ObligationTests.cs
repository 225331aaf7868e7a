using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Situations = Clause.Tests.Support.SituationsMarches;

namespace Clause.Tests.Domain.Marches;

/// <summary>DOMAIN.md §3.1: hours due by F1, F2, F3, their explanation, the avenant and the versions.</summary>
public class ObligationTests
{
    private readonly Situations _s = new();

    [Fact]
    public void F1_un_million_a_50_pourcent_5_pourcent_30_euros_donne_833_heures()
    {
        Assert.Equal(Duree.Heures(833), CalculHeuresDues.F1(Montant.Euros(1_000_000), Taux.Pourcent(50), Taux.Pourcent(5), Montant.Euros(30)));

        var lot = _s.UnLot();

        Assert.Equal(Duree.Heures(833), lot.HeuresDues);
        Assert.Equal(833 * 60, lot.HeuresDuesMinutes);
        var obligation = Assert.Single(lot.Obligations);
        Assert.Equal(MethodeCalcul.F1, obligation.Methode);
        Assert.Equal(1_000_000_00, obligation.MontantHTCentimes);
        Assert.Equal(5_000, obligation.PartMainOeuvrePdb);
        Assert.Equal(500, obligation.TauxInsertionPdb);
        Assert.Equal(3_000, obligation.CoutHoraireReferenceCentimes);
        Assert.Equal(1, obligation.Version);
        Assert.Null(obligation.Motif);
        Assert.Equal(_s.Horloge.GetUtcNow(), obligation.CreeLe);
    }

    [Fact]
    public void F1_s_explique_en_format_francais()
    {
        var lot = _s.UnLot();
        Assert.Equal("1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h", Situations.Espaces(lot.ExplicationHeuresDues()));
    }

    [Fact]
    public void F2_cinq_pourcent_de_20000_heures_donne_1000_heures()
    {
        Assert.Equal(Duree.Heures(1_000), CalculHeuresDues.F2(Taux.Pourcent(5), Duree.Heures(20_000)));

        var lot = _s.UnLot(Situations.LotF1() with { Obligation = ParametresObligation.F2(Taux.Pourcent(5), Duree.Heures(20_000)) });

        Assert.Equal(Duree.Heures(1_000), lot.HeuresDues);
        Assert.Equal(20_000 * 60, lot.ObligationCourante!.HeuresTravailleesEstimeesMinutes);
        Assert.Null(lot.ObligationCourante.MontantHTCentimes);
        Assert.Equal("5 % × 20 000 h = 1 000 h", Situations.Espaces(lot.ExplicationHeuresDues()));
    }

    [Fact]
    public void F3_garde_les_heures_saisies()
    {
        var lot = _s.UnLot(Situations.LotF1() with { Obligation = ParametresObligation.F3(Duree.Heures(1_250)) });

        Assert.Equal(Duree.Heures(1_250), lot.HeuresDues);
        Assert.Equal("Heures fixées au marché : 1 250 h", Situations.Espaces(lot.ExplicationHeuresDues()));
    }

    [Fact]
    public void L_arrondi_a_l_heure_se_fait_a_la_demi_heure_superieure()
    {
        // 61 800 € × 50 % × 5 % / 30 € = 51,5 h → 52 h ; 61 740 € → 51,45 h → 51 h.
        Assert.Equal(Duree.Heures(52), CalculHeuresDues.F1(Montant.Euros(61_800), Taux.Pourcent(50), Taux.Pourcent(5), Montant.Euros(30)));
        Assert.Equal(Duree.Heures(51), CalculHeuresDues.F1(Montant.Euros(61_740), Taux.Pourcent(50), Taux.Pourcent(5), Montant.Euros(30)));
        // 5 % of 10 h = 0,5 h → 1 h.
        Assert.Equal(Duree.Heures(1), CalculHeuresDues.F2(Taux.Pourcent(5), Duree.Heures(10)));
    }

    [Fact]
    public void F1_prend_le_cout_horaire_propre_au_lot_sinon_celui_de_la_structure()
    {
        var marche = _s.UnMarche();
        var lot = marche.Lots[0];
        lot.ModifierParametres(Taux.Pourcent(40), Montant.Euros(25), false, null);

        lot.ModifierObligation(Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(5)), new DateOnly(2026, 2, 1),
            "Part de main-d'œuvre et coût horaire du CCAP", _s.Reglages, _s.Horloge);

        // 1 000 000 € × 40 % × 5 % / 25 € = 800 h
        Assert.Equal(Duree.Heures(800), lot.HeuresDues);
        Assert.Equal("1 000 000,00 € × 40 % × 5 % / 25,00 € = 800 h", Situations.Espaces(lot.ExplicationHeuresDues()));
        Assert.Equal(2, lot.ObligationCourante!.Version);
        Assert.Equal(OrigineObligation.Modification, lot.ObligationCourante.Origine);
    }

    [Fact]
    public void Un_changement_d_obligation_exige_un_motif()
    {
        var lot = _s.UnLot();
        var ex = Assert.Throws<RegleMetierException>(() =>
            lot.ModifierObligation(Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(7)), new DateOnly(2026, 2, 1), " ", _s.Reglages, _s.Horloge));
        Assert.Equal("Motif", ex.Champ);
        Assert.Single(lot.Obligations);
    }

    [Fact]
    public void Un_taux_au_dela_de_100_pourcent_est_refuse() =>
        Assert.Equal(nameof(ParametresObligation.TauxInsertion), Assert.Throws<RegleMetierException>(() => ParametresObligation.F1(new Taux(10_001))).Champ);

    [Fact]
    public void Avenant_sans_recalcul_garde_les_heures_et_date_la_version()
    {
        var lot = _s.UnLot();
        Assert.False(_s.Reglages.RecalculSurAvenant);

        lot.AppliquerAvenant(Montant.Euros(1_200_000), "Avenant n°2 : travaux supplémentaires en cage B", new DateOnly(2026, 6, 1), _s.Reglages, _s.Horloge);

        Assert.Equal(Montant.Euros(1_200_000), lot.MontantHT);
        Assert.Equal(Duree.Heures(833), lot.HeuresDues);
        Assert.Equal(2, lot.Obligations.Count);
        var version = lot.ObligationCourante!;
        Assert.Equal(OrigineObligation.Avenant, version.Origine);
        Assert.Equal(new DateOnly(2026, 6, 1), version.DateEffet);
        Assert.Equal("Avenant n°2 : travaux supplémentaires en cage B", version.Motif);
        Assert.Equal(1_200_000_00, version.MontantLotCentimes);
        Assert.Equal(1_000_000_00, version.MontantHTCentimes); // the formula's input, unchanged
    }

    [Fact]
    public void Avenant_avec_recalcul_recalcule_les_heures_sur_le_nouveau_montant()
    {
        var lot = _s.UnLot();
        var reglages = _s.AvecRecalculSurAvenant();

        lot.AppliquerAvenant(Montant.Euros(1_200_000), "Avenant n°2", new DateOnly(2026, 6, 1), reglages, _s.Horloge);

        // 1 200 000 € × 50 % × 5 % / 30 € = 1 000 h
        Assert.Equal(Duree.Heures(1_000), lot.HeuresDues);
        Assert.Equal([833 * 60L, 1_000 * 60L], lot.Obligations.Select(o => o.HeuresDuesMinutes));
        Assert.Equal("1 200 000,00 € × 50 % × 5 % / 30,00 € = 1 000 h", Situations.Espaces(lot.ExplicationHeuresDues()));
    }

    [Fact]
    public void Avenant_avec_recalcul_ne_change_pas_des_heures_fixees_au_marche()
    {
        var lot = _s.UnLot(Situations.LotF1() with { Obligation = ParametresObligation.F3(Duree.Heures(900)) });

        lot.AppliquerAvenant(Montant.Euros(2_000_000), "Avenant n°1", new DateOnly(2026, 6, 1), _s.AvecRecalculSurAvenant(), _s.Horloge);

        Assert.Equal(Duree.Heures(900), lot.HeuresDues);
        Assert.Equal(2, lot.Obligations.Count);
    }

    [Fact]
    public void Un_avenant_sans_motif_est_refuse_et_ne_change_rien()
    {
        var lot = _s.UnLot();
        Assert.Equal("Motif", Assert.Throws<RegleMetierException>(() =>
            lot.AppliquerAvenant(Montant.Euros(1_200_000), "", new DateOnly(2026, 6, 1), _s.Reglages, _s.Horloge)).Champ);
        Assert.Equal(Montant.Euros(1_000_000), lot.MontantHT);
        Assert.Single(lot.Obligations);
    }

    [Fact]
    public void Un_avenant_a_montant_nul_est_refuse() =>
        Assert.Equal(nameof(Lot.MontantHT), Assert.Throws<RegleMetierException>(() =>
            _s.UnLot().AppliquerAvenant(default, "Avenant n°1", new DateOnly(2026, 6, 1), _s.Reglages, _s.Horloge)).Champ);

    [Fact]
    public void Un_lot_sans_clause_doit_0_heure()
    {
        var lot = _s.UnLot(new NouveauLot(null, "Espaces verts", Montant.Euros(90_000), null, null, Fondement.Aucun, null));

        Assert.False(lot.AvecClause);
        Assert.Equal(default, lot.HeuresDues);
        Assert.Equal(MethodeCalcul.Aucune, lot.ObligationCourante!.Methode);
        Assert.Equal("Lot sans clause d'insertion : 0 h", lot.ExplicationHeuresDues());
    }

    [Fact]
    public void Un_lot_avec_clause_doit_avoir_une_methode_et_un_lot_sans_clause_aucune()
    {
        Assert.Equal("Lots[0].Methode", Assert.Throws<RegleMetierException>(() =>
            _s.UnMarche(lots: Situations.LotF1() with { Obligation = ParametresObligation.Aucune })).Champ);
        Assert.Equal("Lots[0].Methode", Assert.Throws<RegleMetierException>(() =>
            _s.UnMarche(lots: Situations.LotF1() with { Fondements = Fondement.Aucun })).Champ);
    }

    [Fact]
    public void Les_parametres_du_lot_viennent_des_reglages()
    {
        var lot = _s.UnLot();
        Assert.Equal(_s.Reglages.PartMainOeuvreDefautPdb, lot.PartMainOeuvrePdb);
        Assert.Null(lot.CoutHoraireReferenceCentimes);
        Assert.Equal(Montant.Euros(30), lot.CoutHoraireEffectif(_s.Reglages));
        Assert.False(lot.FormationComptabilisee);
        Assert.Null(lot.PlafondFormationPdb);
    }

    [Fact]
    public void Des_parametres_de_lot_hors_bornes_sont_refuses()
    {
        var lot = _s.UnLot();
        Assert.Equal(nameof(Lot.PartMainOeuvrePdb), Assert.Throws<RegleMetierException>(() => lot.ModifierParametres(new Taux(10_001), null, false, null)).Champ);
        Assert.Equal(nameof(Lot.CoutHoraireReferenceCentimes), Assert.Throws<RegleMetierException>(() => lot.ModifierParametres(Taux.Pourcent(50), new Montant(0), false, null)).Champ);
        Assert.Equal(nameof(Lot.PlafondFormationPdb), Assert.Throws<RegleMetierException>(() => lot.ModifierParametres(Taux.Pourcent(50), null, true, new Taux(10_001))).Champ);
    }

    [Fact]
    public void Le_mode_accord_cadre_par_defaut_est_le_prorata() =>
        Assert.Equal(ModeAccordCadre.Prorata, _s.Reglages.ModeAccordCadre);
}
