using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Parcours;
using Clause.Domain.Participants;
using Clause.Tests.Support;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Tests.Domain.Parcours;

/// <summary>
/// The 6-month rule (DOMAIN.md §10): an emploi durable opens a follow-up; the sortie EmploiDurable is validated only
/// from 6 months (réglage) in the job; a job ended earlier cancels the prompt. Worked example: CDD from 05/01/2026 to
/// 04/08/2026 (7 months) → follow-up due 05/07/2026.
/// </summary>
public sealed class RegleSixMoisTests
{
    private static readonly Guid ReferentId = Guid.Parse("0193a000-0000-7000-8000-0000000000f1");
    private static readonly DateOnly Echeance = new(2026, 7, 5);

    private readonly SituationsContrats _s = new();

    private ParcoursPlie UnParcours() => ParcoursPlie.Ouvrir(_s.Participant,
        new DonneesOuverture(ReferentId, new DateOnly(2025, 12, 1), null, TrancheInactivite.MoinsUnAn),
        new ReferentCandidat(ReferentId, _s.StructureId, true), false, new DateOnly(2025, 12, 1));

    private IReadOnlyList<EtapeComposee> EtapesAvecCdd(ParcoursPlie parcours, DateOnly? finReelle = null)
    {
        var contrat = _s.UnContratValide(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 8, 4));
        contrat.Modifier(new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDD, new DateOnly(2026, 1, 5), new DateOnly(2026, 8, 4), finReelle,
            Duree.Heures(35), "Maçon", null), _s.Lot, _s.Titulaire, _s.Participant, _s.Reglages);
        return parcours.Composer([ContratDuParcours.De(contrat, _s.Titulaire.TypeEmployeur, _s.Titulaire.RaisonSociale)], _s.Reglages);
    }

    [Fact]
    public void Le_suivi_est_en_cours_avant_six_mois_puis_a_valider_a_six_mois()
    {
        var etapes = EtapesAvecCdd(UnParcours());

        var avant = Assert.Single(ParcoursPlie.Suivis(etapes, _s.Reglages, Echeance.AddDays(-1)));
        var le = Assert.Single(ParcoursPlie.Suivis(etapes, _s.Reglages, Echeance));

        Assert.Equal(Echeance, avant.Echeance);
        Assert.Equal(EtatSuivi.EnCours, avant.Etat);
        Assert.Equal(EtatSuivi.AValider, le.Etat);
    }

    [Fact]
    public void La_sortie_emploi_durable_est_refusee_avant_six_mois_et_acceptee_a_six_mois()
    {
        var parcours = UnParcours();
        var etapes = EtapesAvecCdd(parcours);

        var ex = Assert.Throws<RegleMetierException>(() =>
            parcours.Cloturer(TypeSortie.EmploiDurable, Echeance.AddDays(-1), etapes, _s.Reglages, Echeance.AddDays(-1)));
        Assert.Equal(nameof(ParcoursPlie.TypeSortie), ex.Champ);
        Assert.Contains("qu'après 6 mois dans l'emploi : pas avant le 05/07/2026", ex.Message, StringComparison.Ordinal);
        Assert.True(parcours.EstOuvert);

        parcours.Cloturer(TypeSortie.EmploiDurable, Echeance, etapes, _s.Reglages, Echeance);
        Assert.Equal(TypeSortie.EmploiDurable, parcours.TypeSortie);
    }

    [Fact]
    public void Un_emploi_termine_avant_six_mois_annule_le_suivi_et_la_sortie_emploi_durable()
    {
        var parcours = UnParcours();
        var etapes = EtapesAvecCdd(parcours, finReelle: new DateOnly(2026, 3, 31));

        Assert.Equal(EtatSuivi.Annule, Assert.Single(ParcoursPlie.Suivis(etapes, _s.Reglages, new DateOnly(2026, 8, 1))).Etat);
        var ex = Assert.Throws<RegleMetierException>(() =>
            parcours.Cloturer(TypeSortie.EmploiDurable, new DateOnly(2026, 8, 1), etapes, _s.Reglages, new DateOnly(2026, 8, 1)));
        Assert.Contains("demande un emploi durable tenu 6 mois", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_emploi_tenu_jusqu_a_la_veille_de_l_echeance_compte_ses_six_mois()
    {
        var etapes = EtapesAvecCdd(UnParcours(), finReelle: Echeance.AddDays(-1));

        Assert.Equal(EtatSuivi.AValider, Assert.Single(ParcoursPlie.Suivis(etapes, _s.Reglages, Echeance)).Etat);
    }

    [Fact]
    public void Le_delai_est_un_reglage_de_la_structure()
    {
        var r = _s.Reglages;
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, r.FenetreEligibiliteMois, r.AgeSenior,
            r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
            r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite, 3, r.ConservationMois);
        var etapes = EtapesAvecCdd(UnParcours());

        Assert.Equal(new DateOnly(2026, 4, 5), Assert.Single(ParcoursPlie.Suivis(etapes, r, new DateOnly(2026, 4, 5))).Echeance);
    }
}
