using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Situations = Clause.Tests.Support.SituationsMarches;

namespace Clause.Tests.Domain.Marches;

public class MarcheTests
{
    private readonly Situations _s = new();

    [Fact]
    public void Un_marche_est_cree_avec_ses_lots_numerotes()
    {
        var marche = _s.UnMarche(euros: 1_500_000, lots: [Situations.LotF1("Gros œuvre", 1_000_000), Situations.LotF1("Peinture", 500_000)]);

        Assert.Equal(2, marche.Lots.Count);
        Assert.Equal([1, 2], marche.Lots.Select(l => l.Numero));
        Assert.Equal("Peinture", marche.Lots[1].Libelle);
        Assert.All(marche.Lots, l => Assert.Equal(_s.StructureId, l.StructureId));
        Assert.All(marche.Lots, l => Assert.Equal(marche.Id, l.MarcheId));
        Assert.Equal(_s.DonneurOrdre.Id, marche.DonneurOrdreId);
        Assert.Equal(new Duree(833 * 60), marche.Lots[0].HeuresDues);
    }

    [Fact]
    public void Un_marche_sans_lot_recoit_un_lot_unique_avec_son_montant_et_ses_dates()
    {
        var marche = Marche.Creer(_s.Operation, "2026-002", "Entretien des espaces verts", TypeMarche.Ordinaire, null,
            Situations.Debut, Situations.Fin, Montant.Euros(80_000), [], _s.Reglages, _s.Horloge);

        var lot = Assert.Single(marche.Lots);
        Assert.Equal(1, lot.Numero);
        Assert.Equal("Lot unique", lot.Libelle);
        Assert.Equal(Montant.Euros(80_000), lot.MontantHT);
        Assert.Equal(marche.PeriodeExecution, lot.PeriodeExecution);
        Assert.False(lot.AvecClause);
        Assert.Equal(default, lot.HeuresDues);
    }

    [Fact]
    public void Un_lot_unique_peut_porter_la_clause()
    {
        var marche = Marche.Creer(_s.Operation, "2026-003", "Nettoyage des locaux", TypeMarche.Ordinaire, null, Situations.Debut, Situations.Fin,
            Montant.Euros(1_000_000), [NouveauLot.Unique(Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(5)))], _s.Reglages, _s.Horloge);

        var lot = Assert.Single(marche.Lots);
        Assert.Equal("Lot unique", lot.Libelle);
        Assert.Equal(Duree.Heures(833), lot.HeuresDues);
    }

    [Fact]
    public void Un_lot_cree_avec_sa_part_de_main_d_oeuvre_et_son_cout_horaire_les_utilise_des_la_premiere_version()
    {
        // 1 000 000 € × 40 % × 5 % / 25 € = 800 h.
        var lot = _s.UnLot(Situations.LotF1() with { PartMainOeuvre = Taux.Pourcent(40), CoutHoraireReference = Montant.Euros(25) });

        Assert.Equal(4_000, lot.PartMainOeuvrePdb);
        Assert.Equal(2_500, lot.CoutHoraireReferenceCentimes);
        var version = Assert.Single(lot.Obligations);
        Assert.Equal(Duree.Heures(800), version.HeuresDues);
        Assert.Equal("1 000 000,00 € × 40 % × 5 % / 25,00 € = 800 h", Situations.Espaces(lot.ExplicationHeuresDues()));
    }

    [Fact]
    public void Une_part_de_main_d_oeuvre_au_dela_de_100_pourcent_est_refusee_en_nommant_le_lot() =>
        Assert.Equal("Lots[0].PartMainOeuvrePdb", Assert.Throws<RegleMetierException>(() =>
            _s.UnMarche(lots: Situations.LotF1() with { PartMainOeuvre = Taux.Pourcent(101) })).Champ);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Un_montant_nul_ou_negatif_est_refuse(long euros) =>
        Assert.Equal(nameof(Marche.MontantHT), Assert.Throws<RegleMetierException>(() => _s.UnMarche(euros: euros)).Champ);

    [Fact]
    public void Des_dates_d_execution_inversees_sont_refusees() =>
        Assert.Equal(nameof(Marche.FinExecution), Assert.Throws<RegleMetierException>(() => Marche.Creer(_s.Operation, "2026-004", "Objet",
            TypeMarche.Ordinaire, null, Situations.Fin, Situations.Debut, Montant.Euros(1_000), [], _s.Reglages, _s.Horloge)).Champ);

    [Fact]
    public void Un_lot_hors_des_dates_du_marche_est_refuse_en_nommant_le_lot()
    {
        var horsPeriode = Situations.LotF1() with { FinExecution = Situations.Fin.AddDays(1) };

        var ex = Assert.Throws<RegleMetierException>(() => _s.UnMarche(lots: [Situations.LotF1("VRD"), horsPeriode]));

        Assert.Equal("Lots[1].FinExecution", ex.Champ);
    }

    [Fact]
    public void Un_lot_de_montant_nul_est_refuse_en_nommant_le_lot() =>
        Assert.Equal("Lots[0].MontantHT", Assert.Throws<RegleMetierException>(() => _s.UnMarche(lots: Situations.LotF1(euros: 0))).Champ);

    [Fact]
    public void Deux_lots_de_meme_numero_sont_refuses() =>
        Assert.Equal("Lots[1].Numero", Assert.Throws<RegleMetierException>(() =>
            _s.UnMarche(lots: [Situations.LotF1(numero: 1), Situations.LotF1("Peinture", numero: 1)])).Champ);

    [Fact]
    public void Un_libelle_trop_long_est_refuse() =>
        Assert.Equal("Lots[0].Libelle", Assert.Throws<RegleMetierException>(() =>
            _s.UnMarche(lots: Situations.LotF1(new string('x', Lot.LibelleLongueurMax + 1)))).Champ);

    [Fact]
    public void Le_marche_ne_se_raccourcit_pas_en_laissant_un_lot_dehors()
    {
        var marche = _s.UnMarche();
        var ex = Assert.Throws<RegleMetierException>(() =>
            marche.Modifier(marche.Numero, marche.Objet, null, Situations.Debut, Situations.Fin.AddMonths(-1), marche.MontantHT));
        Assert.Equal(nameof(Marche.DebutExecution), ex.Champ);
    }

    [Fact]
    public void Les_dates_d_un_lot_se_modifient_dans_celles_du_marche()
    {
        var marche = _s.UnMarche();
        var lot = marche.Lots[0];
        lot.Modifier(marche, "Gros œuvre – bâtiment A", new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30));
        Assert.Equal(new DateOnly(2026, 3, 1), lot.DebutExecution);
        Assert.Equal(214, lot.DureeExecutionJours);
        Assert.Equal(nameof(Lot.DebutExecution), Assert.Throws<RegleMetierException>(() =>
            lot.Modifier(marche, "Gros œuvre", new DateOnly(2025, 12, 31), Situations.Fin)).Champ);
    }

    [Fact]
    public void Une_operation_close_ne_recoit_plus_de_marche()
    {
        _s.Operation.Valider();
        _s.Operation.MettreEnConsultation();
        _s.Operation.MettreEnExecution();
        _s.Operation.Clore();
        Assert.Equal(nameof(Marche.OperationId), Assert.Throws<RegleMetierException>(() => _s.UnMarche()).Champ);
    }
}
