using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Structures;

namespace Clause.Tests.Domain.Heures;

/// <summary>DOMAIN.md §7.7: hours of month M are due by day 10 (réglage) of M+1; the months a company still has to declare on a lot.</summary>
public class CalendrierDeclarationTests
{
    private static readonly Reglages Defaut = Reglages.ParDefaut(StructureId.De(Guid.NewGuid()));
    private static readonly Periode Execution2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    private static readonly DateOnly Le15Avril = new(2026, 4, 15);

    private static Reglages JourLimite(int jour)
    {
        var r = Reglages.ParDefaut(StructureId.De(Guid.NewGuid()));
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, r.FenetreEligibiliteMois, r.AgeSenior,
            r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
            jour, jour + 1, jour + 2, r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois);
        return r;
    }

    private static ContratADeclarer Contrat(DateOnly debut, DateOnly? fin = null, params Mois[] declares) =>
        new(new Periode(debut, fin ?? DateOnly.MaxValue), declares.ToHashSet());

    [Fact]
    public void Les_heures_de_mars_sont_dues_le_10_avril()
    {
        Assert.Equal(new DateOnly(2026, 4, 10), CalendrierDeclaration.Echeance(new Mois(2026, 3), Defaut));
        Assert.Equal(new DateOnly(2027, 1, 10), CalendrierDeclaration.Echeance(new Mois(2026, 12), Defaut));
    }

    [Fact]
    public void Le_jour_limite_vient_du_reglage_de_la_structure()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), CalendrierDeclaration.Echeance(new Mois(2026, 3), JourLimite(5)));
    }

    [Fact]
    public void Le_jour_limite_est_encore_a_temps_le_lendemain_est_en_retard()
    {
        Assert.False(CalendrierDeclaration.EnRetard(new Mois(2026, 3), Defaut, new DateOnly(2026, 4, 10)));
        Assert.True(CalendrierDeclaration.EnRetard(new Mois(2026, 3), Defaut, new DateOnly(2026, 4, 11)));
    }

    [Fact]
    public void Un_contrat_sans_ligne_laisse_a_declarer_chaque_mois_ecoule_jusqu_au_mois_dernier()
    {
        var mois = CalendrierDeclaration.MoisADeclarer(Execution2026, [Contrat(new DateOnly(2026, 1, 5))], Defaut, Le15Avril);
        Assert.Equal([new Mois(2026, 1), new Mois(2026, 2), new Mois(2026, 3)], mois.Select(m => m.Mois));
        // January and February are past their deadline; March is due on 10/04: on 15/04 it is late too.
        Assert.All(mois, m => Assert.True(m.EnRetard));
        Assert.Equal(new DateOnly(2026, 2, 10), mois[0].Echeance);
    }

    [Fact]
    public void Un_mois_qui_a_une_ligne_n_est_plus_a_declarer()
    {
        var mois = CalendrierDeclaration.MoisADeclarer(Execution2026, [Contrat(new DateOnly(2026, 1, 5), null, new Mois(2026, 1), new Mois(2026, 3))],
            Defaut, Le15Avril);
        Assert.Equal([new Mois(2026, 2)], mois.Select(m => m.Mois));
    }

    [Fact]
    public void Un_mois_ou_aucun_contrat_n_est_actif_n_est_pas_a_declarer()
    {
        // The contrat runs from February to 10 March: January and April onward have nothing to declare.
        var mois = CalendrierDeclaration.MoisADeclarer(Execution2026, [Contrat(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 10))], Defaut,
            new DateOnly(2026, 6, 20));
        Assert.Equal([new Mois(2026, 2), new Mois(2026, 3)], mois.Select(m => m.Mois));
    }

    [Fact]
    public void Les_mois_hors_de_l_execution_du_lot_ne_sont_pas_a_declarer()
    {
        // A contrat starting before the lot (anticipation, §6) and running after its end.
        var execution = new Periode(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));
        var mois = CalendrierDeclaration.MoisADeclarer(execution, [Contrat(new DateOnly(2026, 1, 10))], Defaut, new DateOnly(2026, 8, 1));
        Assert.Equal([new Mois(2026, 2), new Mois(2026, 3)], mois.Select(m => m.Mois));
    }

    [Fact]
    public void Le_mois_en_cours_n_est_pas_encore_a_declarer()
    {
        var mois = CalendrierDeclaration.MoisADeclarer(Execution2026, [Contrat(new DateOnly(2026, 4, 1))], Defaut, Le15Avril);
        Assert.Empty(mois);
    }

    [Fact]
    public void Les_mois_en_retard_viennent_d_abord_puis_les_autres_et_chaque_mois_compte_ses_contrats_sans_ligne()
    {
        // On 05/04 March is not late yet (due 10/04), February is.
        var mois = CalendrierDeclaration.MoisADeclarer(Execution2026,
            [Contrat(new DateOnly(2026, 2, 1)), Contrat(new DateOnly(2026, 3, 1)), Contrat(new DateOnly(2026, 3, 1), null, new Mois(2026, 3))],
            Defaut, new DateOnly(2026, 4, 5));
        Assert.Equal([(new Mois(2026, 2), true, 1), (new Mois(2026, 3), false, 2)], mois.Select(m => (m.Mois, m.EnRetard, m.Contrats)));
    }
}
