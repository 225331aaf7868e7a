using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Situations = Clause.Tests.Support.SituationsMarches;

namespace Clause.Tests.Domain.Marches;

/// <summary>
/// The lot's forms each make one domain call: « Modifier le lot » (label, dates and parameters) and « Modifier
/// l'obligation » (the F1 share and hourly cost, then the new version); and the marché's lot count at creation.
/// </summary>
public class OperationsDuFormulaireLotTests
{
    private readonly Situations _s = new();

    [Fact]
    public void Modifier_le_lot_change_en_une_fois_libelle_dates_et_parametres_sans_recalculer_les_heures_dues()
    {
        var marche = _s.UnMarche();
        var lot = marche.Lots[0];

        lot.Modifier(marche, "Peinture", new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 30), Taux.Pourcent(40), Montant.Euros(25), true, Taux.Pourcent(10));

        Assert.Equal("Peinture", lot.Libelle);
        Assert.Equal(new Periode(new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 30)), lot.PeriodeExecution);
        Assert.Equal(4_000, lot.PartMainOeuvrePdb);
        Assert.Equal(2_500, lot.CoutHoraireReferenceCentimes);
        Assert.True(lot.FormationComptabilisee);
        Assert.Equal(1_000, lot.PlafondFormationPdb);
        // 1 000 000 € × 50 % × 5 % / 30 € = 833 h, kept: only « Modifier l'obligation » recomputes them.
        Assert.Equal(Duree.Heures(833), lot.HeuresDues);
        Assert.Equal(1, lot.ObligationCourante!.Version);
    }

    [Fact]
    public void Modifier_le_lot_refuse_une_fin_hors_du_marche_puis_une_part_de_main_d_oeuvre_nulle()
    {
        var marche = _s.UnMarche();
        var lot = marche.Lots[0];

        var dates = Assert.Throws<RegleMetierException>(() =>
            lot.Modifier(marche, "Peinture", new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), Taux.Pourcent(40), null, false, null));
        Assert.Equal(nameof(Lot.FinExecution), dates.Champ);
        var part = Assert.Throws<RegleMetierException>(() =>
            lot.Modifier(marche, "Peinture", new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 30), new Taux(0), null, false, null));
        Assert.Equal(nameof(Lot.PartMainOeuvrePdb), part.Champ);
    }

    [Fact]
    public void Modifier_l_obligation_prend_la_part_et_le_cout_saisis_et_garde_les_regles_de_formation()
    {
        var marche = _s.UnMarche();
        var lot = marche.Lots[0];
        lot.ModifierParametres(Taux.Pourcent(50), null, true, Taux.Pourcent(10));

        lot.ModifierObligation(Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(5)), Taux.Pourcent(40), Montant.Euros(25),
            new DateOnly(2026, 2, 1), "Part de main-d'œuvre et coût horaire du CCAP", _s.Reglages, _s.Horloge);

        // 1 000 000 € × 40 % × 5 % / 25 € = 800 h
        Assert.Equal(Duree.Heures(800), lot.HeuresDues);
        Assert.Equal(2, lot.ObligationCourante!.Version);
        Assert.Equal(4_000, lot.PartMainOeuvrePdb);
        Assert.Equal(2_500, lot.CoutHoraireReferenceCentimes);
        Assert.True(lot.FormationComptabilisee);
        Assert.Equal(1_000, lot.PlafondFormationPdb);
    }

    [Fact]
    public void Un_marche_est_cree_avec_au_plus_60_lots()
    {
        var soixante = Enumerable.Range(1, Marche.LotsMax).Select(i => Situations.LotF1($"Lot {i}", 10_000, numero: i)).ToArray();
        Assert.Equal(60, _s.UnMarche(lots: soixante).Lots.Count);

        var ex = Assert.Throws<RegleMetierException>(() =>
            _s.UnMarche(numero: "2026-002", lots: [.. soixante, Situations.LotF1("Lot 61", 10_000, numero: 61)]));
        Assert.Equal(string.Empty, ex.Champ);
        Assert.Equal("Un marché est créé avec au plus 60 lots.", ex.Message);
    }
}
