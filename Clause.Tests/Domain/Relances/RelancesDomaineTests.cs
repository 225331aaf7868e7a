using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Relances;
using Clause.Domain.Structures;

namespace Clause.Tests.Domain.Relances;

/// <summary>The rules of issue 12 items 3 and 4 written in the domain: the reminder calendar, the penalty, the alerts' thresholds, the réglages' check.</summary>
public sealed class RelancesDomaineTests
{
    private static readonly StructureId Structure = StructureId.De(Guid.CreateVersion7());

    private static Reglages Reglages(int limite = 10, int premiere = 11, int seconde = 18)
    {
        var r = Clause.Domain.Structures.Reglages.ParDefaut(Structure);
        Modifier(r, limite, premiere, seconde);
        return r;
    }

    private static void Modifier(Reglages r, int limite, int premiere, int seconde, int? seuilRetard = null, int ageSenior = 50) =>
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, r.FenetreEligibiliteMois, ageSenior,
            r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
            limite, premiere, seconde, r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois, seuilRetard);

    [Theory]
    [InlineData(10, null)]
    [InlineData(1, null)]
    [InlineData(11, RangRelance.Premiere)]
    [InlineData(17, RangRelance.Premiere)]
    [InlineData(18, RangRelance.Seconde)]
    [InlineData(31, RangRelance.Seconde)]
    public void Rang_de_la_relance_selon_le_jour_du_mois(int jour, RangRelance? attendu)
    {
        Assert.Equal(attendu, CalendrierRelances.RangDu(new DateOnly(2026, 3, jour), Reglages()));
        Assert.Equal(new Mois(2026, 2), CalendrierRelances.MoisRelance(new DateOnly(2026, 3, jour)));
    }

    [Fact]
    public void Rang_lu_dans_les_reglages()
    {
        var r = Reglages(5, 7, 25);
        Assert.Null(CalendrierRelances.RangDu(new DateOnly(2026, 3, 6), r));
        Assert.Equal(RangRelance.Premiere, CalendrierRelances.RangDu(new DateOnly(2026, 3, 7), r));
        Assert.Equal(RangRelance.Premiere, CalendrierRelances.RangDu(new DateOnly(2026, 3, 24), r));
        Assert.Equal(RangRelance.Seconde, CalendrierRelances.RangDu(new DateOnly(2026, 3, 25), r));
        Assert.Equal(new Mois(2025, 12), CalendrierRelances.MoisRelance(new DateOnly(2026, 1, 25)));
    }

    [Fact]
    public void Penalite_proposee_exemple_du_ccap()
    {
        // 833 h due, 500,50 h done, 150,00 € per missing hour: 332,50 h × 150,00 € = 49 875,00 €.
        var penalite = TacheRelance.Penalite(Duree.Heures(833), new Duree(30_030), Montant.Euros(150));
        Assert.Equal(Montant.Euros(49_875), penalite);
    }

    [Fact]
    public void Penalite_nulle_quand_les_heures_dues_sont_atteintes_et_absente_sans_taux()
    {
        Assert.Equal(new Montant(0), TacheRelance.Penalite(Duree.Heures(833), Duree.Heures(900), Montant.Euros(150)));
        Assert.Null(TacheRelance.Penalite(Duree.Heures(833), Duree.Heures(100), null));
    }

    [Fact]
    public void Penalite_arrondie_une_fois_au_centime_demi_vers_le_haut()
    {
        // 1 minute × 1,00 € per hour = 1,666… cent → 2 cents; 1 minute × 0,30 € = 0,5 cent → 1 cent.
        Assert.Equal(new Montant(2), TacheRelance.Penalite(new Duree(61), Duree.Heures(1), Montant.Euros(1)));
        Assert.Equal(new Montant(1), TacheRelance.Penalite(new Duree(61), Duree.Heures(1), new Montant(30)));
    }

    [Fact]
    public void Tache_porte_les_chiffres_et_la_penalite_et_se_traite_une_fois()
    {
        var tache = TacheRelance.Creer(Structure, LotId.De(Guid.CreateVersion7()), EntrepriseId.De(Guid.CreateVersion7()), new Mois(2026, 1), Duree.Heures(833), Duree.Heures(100),
            Montant.Euros(150), DateTimeOffset.UnixEpoch);
        Assert.Equal(733 * 150_00L, tache.PenaliteProposeeCentimes);
        Assert.Equal(Duree.Heures(733), tache.Manquantes);
        tache.Traiter("Camille Girard", DateTimeOffset.UnixEpoch);
        Assert.True(tache.Traitee);
        Assert.Throws<RegleMetierException>(() => tache.Traiter("Camille Girard", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(TypeContrat.CDI, null, true)]
    [InlineData(TypeContrat.CDIInclusion, null, true)]
    [InlineData(TypeContrat.CDD, "2026-07-04", true)] // 05/01 → 04/07: six months
    [InlineData(TypeContrat.CDD, "2026-07-03", false)]
    [InlineData(TypeContrat.CDDChantier, "2026-12-31", true)]
    [InlineData(TypeContrat.CDD, null, false)]
    [InlineData(TypeContrat.CDDI, "2026-12-31", false)]
    [InlineData(TypeContrat.Interim, "2026-12-31", false)]
    public void Emploi_durable_cdi_ou_cdd_de_six_mois(TypeContrat type, string? fin, bool attendu) =>
        Assert.Equal(attendu, ReglesAlertes.EstEmploiDurable(type, new DateOnly(2026, 1, 5), fin is null ? null : DateOnly.Parse(fin, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Lot_en_retard_sous_le_seuil_de_la_cible()
    {
        // Target 400 h at 80 %: 320 h is on the line (not behind), 319,98 h is behind; no target, never behind.
        Assert.False(ReglesAlertes.EnRetard(Duree.Heures(320), Duree.Heures(400), 8_000));
        Assert.True(ReglesAlertes.EnRetard(new Duree(320 * 60 - 1), Duree.Heures(400), 8_000));
        Assert.True(ReglesAlertes.EnRetard(Duree.Heures(359), Duree.Heures(400), 9_000));
        Assert.False(ReglesAlertes.EnRetard(new Duree(0), new Duree(0), 8_000));
    }

    [Fact]
    public void Cible_lineaire_a_la_fin_du_mois()
    {
        // 2026 (365 days), 833 h due: end of January = 833 h × 31 / 365 = 70,75 h (4 245 min, half-up).
        Assert.Equal(new Duree(4_245), CibleLineaire.FinDuMois(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 833 * 60, new Mois(2026, 1)));
        Assert.Equal(new Duree(0), CibleLineaire.FinDuMois(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 833 * 60, new Mois(2025, 12)));
        Assert.Equal(Duree.Heures(833), CibleLineaire.FinDuMois(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 833 * 60, new Mois(2027, 3)));
    }

    [Theory]
    [InlineData(10, 11, 29, new[] { "JourSecondeRelance" })]
    [InlineData(10, 9, 18, new[] { "JourPremiereRelance" })]
    [InlineData(10, 18, 11, new[] { "JourSecondeRelance" })]
    [InlineData(10, 10, 10, new[] { "JourPremiereRelance", "JourSecondeRelance" })]
    [InlineData(30, 31, 32, new[] { "JourLimiteDeclaration", "JourPremiereRelance", "JourSecondeRelance" })]
    [InlineData(0, 11, 18, new[] { "JourLimiteDeclaration" })]
    public void Jours_de_relance_hors_bornes_ou_dans_le_desordre_refuses_tous_ensemble(int limite, int premiere, int seconde, string[] champs)
    {
        var r = Clause.Domain.Structures.Reglages.ParDefaut(Structure);

        var ex = Assert.Throws<RegleMetierException>(() => Modifier(r, limite, premiere, seconde, seuilRetard: 0, ageSenior: 30));

        // Every refusal at once: the calendar's fields, plus the two other bad values of the same call.
        var attendus = champs.Append(nameof(Clause.Domain.Structures.Reglages.SeuilRetardLotPdb)).Append(nameof(Clause.Domain.Structures.Reglages.AgeSenior));
        Assert.Equal(attendus.Order(StringComparer.Ordinal), ex.Toutes.Select(e => e.Champ).Order(StringComparer.Ordinal));
        Assert.All(ex.Toutes, e => Assert.StartsWith("Le champ « ", e.Message, StringComparison.Ordinal));
        // Nothing changed.
        Assert.Equal((10, 11, 18, 50, 8_000), (r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.AgeSenior, r.SeuilRetardLotPdb));
    }

    [Fact]
    public void Messages_des_jours_de_relance()
    {
        var r = Clause.Domain.Structures.Reglages.ParDefaut(Structure);
        var ex = Assert.Throws<RegleMetierException>(() => Modifier(r, 10, 9, 29));
        Assert.Equal(
            ["Le champ « Jour de la seconde relance » doit être compris entre 1 et 28.",
             "Le champ « Jour de la première relance » doit venir après le jour limite de déclaration."],
            ex.Toutes.Select(e => e.Message).ToArray());
    }

    [Fact]
    public void Seuil_de_retard_enregistre()
    {
        var r = Clause.Domain.Structures.Reglages.ParDefaut(Structure);
        Assert.Equal(8_000, r.SeuilRetardLotPdb);
        Modifier(r, 10, 11, 18, seuilRetard: 7_500);
        Assert.Equal(7_500, r.SeuilRetardLotPdb);
        Modifier(r, 10, 11, 18); // not given: unchanged
        Assert.Equal(7_500, r.SeuilRetardLotPdb);
    }
}
