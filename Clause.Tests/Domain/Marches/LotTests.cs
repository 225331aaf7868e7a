using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Situations = Clause.Tests.Support.SituationsMarches;

namespace Clause.Tests.Domain.Marches;

/// <summary>Fondements, accords-cadres à bons de commande, attributions and the lot's status pipeline.</summary>
public class LotTests
{
    private readonly Situations _s = new();

    [Fact]
    public void Un_lot_n_est_jamais_reserve_a_la_fois_aux_siae_et_aux_ea_esat()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            _s.UnLot(Situations.LotF1() with { Fondements = Fondement.MarcheReserveSiae | Fondement.MarcheReserveEaEsat }));
        Assert.Equal("Lots[0].Fondements", ex.Champ);
        Assert.Contains("SIAE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_d_execution_et_critere_d_attribution_coexistent()
    {
        var lot = _s.UnLot(Situations.LotF1() with { Fondements = Fondement.ConditionExecution | Fondement.CritereAttribution });
        Assert.Equal([Fondement.ConditionExecution, Fondement.CritereAttribution], lot.Fondements.Detailler());
        Assert.Equal("Condition d'exécution (L2112-2), Critère d'attribution (L2152-7)", lot.Fondements.Libelles());
    }

    [Fact]
    public void Aucun_exclut_tout_autre_fondement()
    {
        Assert.Equal(nameof(Lot.Fondements), Assert.Throws<RegleMetierException>(() =>
            ReglesFondement.Combiner([Fondement.Aucun, Fondement.ConditionExecution])).Champ);
        Assert.Equal(Fondement.Aucun, ReglesFondement.Combiner([Fondement.Aucun]));
        Assert.Equal(Fondement.ConditionExecution | Fondement.MarcheReserveSiae,
            ReglesFondement.Combiner([Fondement.ConditionExecution, Fondement.MarcheReserveSiae]));
        Assert.Throws<RegleMetierException>(() => ReglesFondement.Combiner([Fondement.MarcheReserveSiae, Fondement.MarcheReserveEaEsat]));
    }

    [Fact]
    public void Un_lot_reserve_ess_dure_au_plus_trois_ans()
    {
        var marche = Situations.LotF1() with { Fondements = Fondement.MarcheReserveEss };
        var s = new Situations();
        // Three years to the day before the 3rd anniversary: accepted (1 096 days with the leap day of 2028).
        var lot = s.UnMarcheLong(marche with { DebutExecution = new DateOnly(2026, 1, 1), FinExecution = new DateOnly(2028, 12, 31) });
        Assert.Equal(1_096, lot.DureeExecutionJours);

        var ex = Assert.Throws<RegleMetierException>(() =>
            s.UnMarcheLong(marche with { DebutExecution = new DateOnly(2026, 1, 1), FinExecution = new DateOnly(2029, 1, 1) }));
        Assert.Equal("Lots[0].FinExecution", ex.Champ);
    }

    [Fact]
    public void Prorata_des_bons_1000_heures_400000_euros_bons_de_100000_et_50000_donnent_375_heures()
    {
        var lot = _s.UnLot(Situations.LotF1(euros: 400_000) with { Obligation = ParametresObligation.F3(Duree.Heures(1_000)) },
            TypeMarche.AccordCadreBonsCommande);
        lot.AjouterBonCommande("BC-01", new DateOnly(2026, 2, 10), Montant.Euros(100_000), null);
        lot.AjouterBonCommande("BC-02", new DateOnly(2026, 4, 5), Montant.Euros(50_000), null);
        lot.AjouterBonCommande("BC-03", new DateOnly(2026, 9, 1), Montant.Euros(80_000), null);

        Assert.Equal(Duree.Heures(375), lot.HeuresDuesAu(new DateOnly(2026, 6, 30), ModeAccordCadre.Prorata));
        Assert.Equal(Duree.Heures(250), lot.HeuresDuesAu(new DateOnly(2026, 3, 1), _s.Reglages));
        Assert.Equal(Duree.Heures(1_000), lot.HeuresDues);
    }

    [Fact]
    public void Le_prorata_arrondit_a_l_heure_demi_superieure()
    {
        // 1 000 h × 100 050 € / 400 000 € = 250,125 h → 250 h ; × 100 200 € = 250,5 h → 251 h.
        Assert.Equal(Duree.Heures(250), CalculHeuresDues.Prorata(Duree.Heures(1_000), Montant.Euros(100_050), Montant.Euros(400_000)));
        Assert.Equal(Duree.Heures(251), CalculHeuresDues.Prorata(Duree.Heures(1_000), Montant.Euros(100_200), Montant.Euros(400_000)));
    }

    [Fact]
    public void Par_bon_les_heures_dues_sont_la_somme_des_heures_des_bons_notifies()
    {
        var lot = _s.UnLot(Situations.LotF1(euros: 400_000), TypeMarche.AccordCadreBonsCommande);
        lot.AjouterBonCommande("BC-01", new DateOnly(2026, 2, 10), Montant.Euros(100_000), Duree.Heures(120));
        lot.AjouterBonCommande("BC-02", new DateOnly(2026, 4, 5), Montant.Euros(50_000), Duree.Heures(60));
        lot.AjouterBonCommande("BC-03", new DateOnly(2026, 9, 1), Montant.Euros(80_000), Duree.Heures(100));

        Assert.Equal(Duree.Heures(180), lot.HeuresDuesAu(new DateOnly(2026, 6, 30), ModeAccordCadre.ParBon));
    }

    [Fact]
    public void Un_bon_de_commande_est_refuse_hors_accord_cadre_ou_a_montant_nul()
    {
        Assert.Equal(nameof(Lot.BonsCommande), Assert.Throws<RegleMetierException>(() =>
            _s.UnLot().AjouterBonCommande("BC-01", new DateOnly(2026, 2, 10), Montant.Euros(1_000), null)).Champ);
        var lot = _s.UnLot(type: TypeMarche.AccordCadreBonsCommande);
        Assert.Equal("MontantHT", Assert.Throws<RegleMetierException>(() =>
            lot.AjouterBonCommande("BC-01", new DateOnly(2026, 2, 10), new Montant(0), null)).Champ);
        lot.AjouterBonCommande("BC-01", new DateOnly(2026, 2, 10), Montant.Euros(1_000), null);
        Assert.Equal("Numero", Assert.Throws<RegleMetierException>(() =>
            lot.AjouterBonCommande("bc-01", new DateOnly(2026, 2, 11), Montant.Euros(1_000), null)).Champ);
    }

    [Fact]
    public void Un_lot_hors_accord_cadre_doit_toutes_ses_heures_a_toute_date() =>
        Assert.Equal(Duree.Heures(833), _s.UnLot().HeuresDuesAu(new DateOnly(2026, 1, 1), ModeAccordCadre.Prorata));

    [Fact]
    public void Un_lot_a_un_attributaire_des_co_traitants_et_des_sous_traitants()
    {
        var lot = _s.UnLot();
        var titulaire = _s.UneEntreprise("Bâtiments du Val SARL");
        var cotraitant = _s.UneEntreprise("Loire Peinture et Décoration");
        var soustraitant = _s.UneEntreprise("Chantier d'insertion Les Jardins de Loire", TypeEmployeur.ACI);

        lot.Attribuer(titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot.Attribuer(cotraitant, RoleAttribution.CoTraitant, new DateOnly(2025, 12, 15));
        lot.Attribuer(soustraitant, RoleAttribution.SousTraitant, new DateOnly(2026, 2, 1));

        Assert.Equal(titulaire.Id, lot.Attributaire!.EntrepriseId);
        Assert.Equal(3, lot.Attributions.Count);
        Assert.Equal(2, lot.Attributions.Count(a => a.EstTitulaire));
        Assert.All(lot.Attributions, a => Assert.Equal(lot.Id.Valeur, a.RacineId));
    }

    [Fact]
    public void Un_lot_n_a_qu_un_attributaire_et_une_entreprise_n_y_tient_qu_un_role()
    {
        var lot = _s.UnLot();
        var titulaire = _s.UneEntreprise();
        lot.Attribuer(titulaire, RoleAttribution.Attributaire, null);

        Assert.Equal("Role", Assert.Throws<RegleMetierException>(() =>
            lot.Attribuer(_s.UneEntreprise("Autre SAS"), RoleAttribution.Attributaire, null)).Champ);
        Assert.Equal("EntrepriseId", Assert.Throws<RegleMetierException>(() =>
            lot.Attribuer(titulaire, RoleAttribution.SousTraitant, null)).Champ);
    }

    [Fact]
    public void Une_entreprise_d_une_autre_structure_n_est_pas_attribuable()
    {
        var autre = new Situations().UneEntreprise();
        Assert.Equal("EntrepriseId", Assert.Throws<RegleMetierException>(() =>
            _s.UnLot().Attribuer(autre, RoleAttribution.Attributaire, null)).Champ);
    }

    [Fact]
    public void Un_lot_passe_en_execution_seulement_avec_un_attributaire()
    {
        var lot = _s.UnLot();
        lot.Lancer();
        Assert.Equal(nameof(Lot.Statut), Assert.Throws<RegleMetierException>(lot.MettreEnExecution).Champ);

        var attribution = lot.Attribuer(_s.UneEntreprise(), RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot.MettreEnExecution();
        Assert.Equal(StatutLot.EnExecution, lot.Statut);
        Assert.Throws<RegleMetierException>(() => lot.RetirerAttribution(attribution.Id));
    }

    [Fact]
    public void Le_statut_du_lot_suit_son_circuit_jusqu_a_la_cloture()
    {
        var lot = _s.UnLot();
        lot.Attribuer(_s.UneEntreprise(), RoleAttribution.Attributaire, null);
        Assert.Throws<RegleMetierException>(() => lot.ChangerStatut(StatutLot.EnExecution));
        lot.ChangerStatut(StatutLot.Lancement);
        lot.ChangerStatut(StatutLot.EnExecution);
        lot.ChangerStatut(StatutLot.ClotureAVerifier);
        Assert.Equal([StatutLot.CloseConforme, StatutLot.CloseNonConforme, StatutLot.EnExecution], lot.StatutsAccessibles());
        lot.ChangerStatut(StatutLot.CloseNonConforme);
        Assert.Equal(StatutLot.CloseNonConforme, lot.Statut);
        Assert.Throws<RegleMetierException>(() => lot.ChangerStatut(StatutLot.CloseConforme));

        Assert.Equal(nameof(Lot.MotifRetour), Assert.Throws<RegleMetierException>(() => lot.ChangerStatut(StatutLot.ClotureAVerifier)).Champ);
        lot.ChangerStatut(StatutLot.ClotureAVerifier, "Attestations d'heures reçues après la clôture");
        lot.CloreConforme();
        Assert.Equal(StatutLot.CloseConforme, lot.Statut);
    }
}
