using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Parcours;
using Clause.Domain.Participants;
using Clause.Tests.Support;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Tests.Domain.Parcours;

/// <summary>DOMAIN.md §10 and issue 13: opening, étapes, sortie, reopening, and every « Bad input » rule.</summary>
public sealed class ParcoursTests
{
    private static readonly Guid ReferentId = Guid.Parse("0193a000-0000-7000-8000-0000000000f1");
    private static readonly DateOnly Aujourdhui = new(2026, 12, 20);

    private readonly SituationsContrats _s = new();

    private ReferentCandidat Referent() => new(ReferentId, _s.StructureId, EstReferent: true);

    private static DonneesOuverture Ouverture(DateOnly? entree = null, Guid? referentId = null) =>
        new(referentId ?? ReferentId, entree ?? new DateOnly(2025, 3, 1), Prescripteur.Plie, TrancheInactivite.UnADeuxAns);

    private ParcoursPlie UnParcours(DateOnly? entree = null) =>
        ParcoursPlie.Ouvrir(_s.Participant, Ouverture(entree), Referent(), aUnParcoursOuvert: false, Aujourdhui);

    private static DonneesEtape UneEtape(DateOnly debut, DateOnly? fin, TypeEtape type = TypeEtape.Mobilisation) =>
        new(type, debut, fin, "Association Tremplin", true, "Bilan tripartite positif.");

    private static IEnumerable<string> Champs(RegleMetierException ex) => ex.Toutes.Select(e => e.Champ);

    [Fact]
    public void Ouvrir_photographie_le_participant_a_l_entree()
    {
        var parcours = UnParcours();

        Assert.True(parcours.EstOuvert);
        Assert.True(parcours.Rsa);
        Assert.False(parcours.Deld);
        Assert.False(parcours.Th);
        Assert.False(parcours.AutrePublic);
        Assert.Equal(Sexe.F, parcours.Sexe);
        Assert.Equal(34, parcours.AgeEntree);
        Assert.Equal(NiveauQualification.Niveau3, parcours.Niveau);
        Assert.Equal(TrancheInactivite.UnADeuxAns, parcours.TrancheInactivite);
        Assert.Equal(ReferentId, parcours.ReferentId);
    }

    [Fact]
    public void La_categorie_TH_vient_de_la_decision_et_les_autres_publics_de_l_absence_de_categorie()
    {
        var th = ParticipantsDeTest.UnParticipant(_s.StructureId);
        th.Valider(new DateOnly(2025, 1, 10), CategorieEligibilite.AAH);
        var sansDecision = ParticipantsDeTest.UnParticipant(_s.StructureId);

        var parcoursTh = ParcoursPlie.Ouvrir(th, Ouverture(), Referent(), false, Aujourdhui);
        var parcoursAutre = ParcoursPlie.Ouvrir(sansDecision, Ouverture(), Referent(), false, Aujourdhui);

        Assert.True(parcoursTh.Th);
        Assert.False(parcoursTh.AutrePublic);
        Assert.True(parcoursAutre.AutrePublic);
    }

    [Fact]
    public void Un_second_parcours_ouvert_est_refuse_en_nommant_le_participant()
    {
        var ex = Assert.Throws<RegleMetierException>(() => ParcoursPlie.Ouvrir(_s.Participant, Ouverture(), Referent(), aUnParcoursOuvert: true, Aujourdhui));

        Assert.Equal(nameof(ParcoursPlie.ParticipantId), ex.Champ);
        Assert.Contains("déjà un parcours ouvert", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_date_d_entree_future_est_refusee()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            ParcoursPlie.Ouvrir(_s.Participant, Ouverture(Aujourdhui.AddDays(1)), Referent(), false, Aujourdhui));

        Assert.Equal(nameof(ParcoursPlie.DateEntree), ex.Champ);
        Assert.Contains("« Date d'entrée » ne peut pas être dans le futur", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Un_referent_d_une_autre_structure_ou_sans_le_role_est_refuse()
    {
        var autreStructure = new ReferentCandidat(ReferentId, StructureId.De(Guid.NewGuid()), true);
        var sansRole = new ReferentCandidat(ReferentId, _s.StructureId, false);

        foreach (var candidat in new ReferentCandidat?[] { autreStructure, sansRole, null })
        {
            var ex = Assert.Throws<RegleMetierException>(() => ParcoursPlie.Ouvrir(_s.Participant, Ouverture(), candidat, false, Aujourdhui));
            Assert.Equal(nameof(ParcoursPlie.ReferentId), ex.Champ);
            Assert.Contains("« Référent »", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ouvrir_donne_toutes_les_erreurs_en_une_passe()
    {
        var ex = Assert.Throws<RegleMetierException>(() => ParcoursPlie.Ouvrir(_s.Participant,
            new DonneesOuverture(null, Aujourdhui.AddDays(3), null, null), null, aUnParcoursOuvert: true, Aujourdhui));

        Assert.Equal(["ParticipantId", "ReferentId", "DateEntree", "TrancheInactivite"], Champs(ex));
    }

    [Fact]
    public void Une_etape_commencant_avant_l_entree_est_refusee()
    {
        var parcours = UnParcours();

        var ex = Assert.Throws<RegleMetierException>(() => parcours.AjouterEtape(UneEtape(new DateOnly(2025, 2, 1), null)));

        Assert.Equal(nameof(Etape.DateDebut), ex.Champ);
        Assert.Contains("« Début » ne peut pas précéder l'entrée dans le parcours (01/03/2025)", ex.Message, StringComparison.Ordinal);
        Assert.Empty(parcours.Etapes);
    }

    [Fact]
    public void Une_etape_finissant_avant_de_commencer_est_refusee()
    {
        var parcours = UnParcours();

        var ex = Assert.Throws<RegleMetierException>(() => parcours.AjouterEtape(UneEtape(new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1))));

        Assert.Equal(nameof(Etape.DateFin), ex.Champ);
        Assert.Empty(parcours.Etapes);
    }

    [Fact]
    public void Une_etape_d_un_parcours_clos_est_refusee_puis_acceptee_apres_reouverture()
    {
        var parcours = UnParcours();
        parcours.Cloturer(TypeSortie.Abandon, new DateOnly(2025, 6, 1), [], _s.Reglages, Aujourdhui);

        var ex = Assert.Throws<RegleMetierException>(() => parcours.AjouterEtape(UneEtape(new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 1))));
        Assert.Equal(["", "DateDebut", "DateFin"], Champs(ex));

        parcours.Rouvrir("Reprise de contact en juillet.", aUnAutreParcoursOuvert: false, Aujourdhui);
        parcours.AjouterEtape(UneEtape(new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 1)));

        Assert.True(parcours.EstOuvert);
        Assert.Single(parcours.Etapes);
        Assert.Equal("Reprise de contact en juillet.", parcours.MotifReouverture);
    }

    [Fact]
    public void Une_sortie_avant_le_debut_de_la_derniere_etape_est_refusee()
    {
        var parcours = UnParcours();
        parcours.AjouterEtape(UneEtape(new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 31)));
        parcours.AjouterEtape(UneEtape(new DateOnly(2025, 9, 1), null, TypeEtape.FormationQualifiante));
        var etapes = parcours.Composer([], _s.Reglages);

        var ex = Assert.Throws<RegleMetierException>(() => parcours.Cloturer(TypeSortie.FormationQualifiante, new DateOnly(2025, 8, 31), etapes, _s.Reglages, Aujourdhui));

        Assert.Equal(nameof(ParcoursPlie.DateSortie), ex.Champ);
        Assert.Contains("dernière étape (01/09/2025)", ex.Message, StringComparison.Ordinal);
        Assert.True(parcours.EstOuvert);

        parcours.Cloturer(TypeSortie.FormationQualifiante, new DateOnly(2025, 9, 1), etapes, _s.Reglages, Aujourdhui);
        Assert.Equal(TypeSortie.FormationQualifiante, parcours.TypeSortie);
    }

    [Fact]
    public void Une_sortie_sans_type_ni_date_donne_les_deux_erreurs()
    {
        var parcours = UnParcours();

        var ex = Assert.Throws<RegleMetierException>(() => parcours.Cloturer(null, null, [], _s.Reglages, Aujourdhui));

        Assert.Equal(["TypeSortie", "DateSortie"], Champs(ex));
    }

    [Fact]
    public void Rouvrir_demande_un_motif_et_aucun_autre_parcours_ouvert()
    {
        var parcours = UnParcours();
        parcours.Cloturer(TypeSortie.DemenagementDecesRetraite, new DateOnly(2025, 6, 1), [], _s.Reglages, Aujourdhui);

        var ex = Assert.Throws<RegleMetierException>(() => parcours.Rouvrir(" ", aUnAutreParcoursOuvert: true, Aujourdhui));

        Assert.Equal(["", "MotifReouverture"], Champs(ex));
        Assert.False(parcours.EstOuvert);
    }

    // The contrat → étape projection (DOMAIN.md §10), for each contract type and employer type.
    [Theory]
    [InlineData(TypeContrat.CDI, TypeEmployeur.Classique, null, TypeEtape.EmploiDurable)]
    [InlineData(TypeContrat.CDD, TypeEmployeur.Classique, "2026-06-30", TypeEtape.EmploiDurable)]
    [InlineData(TypeContrat.CDD, TypeEmployeur.Classique, "2026-06-29", TypeEtape.EmploiParcours)]
    [InlineData(TypeContrat.CDD, TypeEmployeur.ETT, "2026-12-31", TypeEtape.EmploiDurable)]
    [InlineData(TypeContrat.Interim, TypeEmployeur.ETT, "2026-12-31", TypeEtape.EmploiParcours)]
    [InlineData(TypeContrat.CDDChantier, TypeEmployeur.Classique, "2026-12-31", TypeEtape.EmploiParcours)]
    [InlineData(TypeContrat.Apprentissage, TypeEmployeur.Classique, "2027-12-31", TypeEtape.EmploiParcours)]
    [InlineData(TypeContrat.CDDI, TypeEmployeur.ACI, "2026-12-31", TypeEtape.Siae)]
    [InlineData(TypeContrat.CDDI, TypeEmployeur.EI, "2026-12-31", TypeEtape.Siae)]
    [InlineData(TypeContrat.InterimInsertion, TypeEmployeur.ETTI, "2026-03-31", TypeEtape.Siae)]
    [InlineData(TypeContrat.MiseADispositionAi, TypeEmployeur.AI, "2026-03-31", TypeEtape.Siae)]
    [InlineData(TypeContrat.CDDI, TypeEmployeur.RegieQuartier, "2026-12-31", TypeEtape.Siae)]
    [InlineData(TypeContrat.Geiq, TypeEmployeur.GEIQ, "2027-12-31", TypeEtape.Siae)]
    // The rule's order (DOMAIN.md §10): a lasting job is EmploiDurable even at a SIAE; a short one there is Siae.
    [InlineData(TypeContrat.CDI, TypeEmployeur.EI, null, TypeEtape.EmploiDurable)]
    [InlineData(TypeContrat.CDD, TypeEmployeur.GEIQ, "2026-12-31", TypeEtape.EmploiDurable)]
    [InlineData(TypeContrat.CDD, TypeEmployeur.GEIQ, "2026-03-31", TypeEtape.Siae)]
    [InlineData(TypeContrat.CDD, TypeEmployeur.EA, "2026-03-31", TypeEtape.EmploiParcours)]
    public void Le_type_d_etape_d_un_contrat_suit_son_type_et_son_employeur(TypeContrat type, TypeEmployeur employeur, string? fin, TypeEtape attendu)
    {
        var finPrevue = fin is null ? (DateOnly?)null : DateOnly.Parse(fin, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(attendu, ParcoursPlie.DeContrat(type, new DateOnly(2026, 1, 1), finPrevue, employeur, _s.Reglages));
    }

    private static ContratDuParcours Projection(Contrat c, Entreprise employeur) =>
        ContratDuParcours.De(c, employeur.TypeEmployeur, employeur.RaisonSociale);

    [Fact]
    public void Un_contrat_valide_est_une_etape_et_suit_ses_modifications()
    {
        var parcours = UnParcours(new DateOnly(2025, 12, 1));
        var contrat = _s.UnContratPropose(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 8, 4));

        Assert.Empty(parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages));

        contrat.Valider(_s.Participant, _s.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        var etape = Assert.Single(parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages));
        // A CDDI on a classic employer: not a CDD ≥ 6 months → emploi de parcours.
        Assert.Equal(TypeEtape.EmploiParcours, etape.Type);
        Assert.Equal(contrat.Id, etape.ContratId);

        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 8, 4), type: TypeContrat.CDD),
            _s.Lot, _s.Titulaire, _s.Participant, _s.Reglages);
        Assert.Equal(TypeEtape.EmploiDurable, Assert.Single(parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages)).Type);

        contrat.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 4, 4), type: TypeContrat.CDD),
            _s.Lot, _s.Titulaire, _s.Participant, _s.Reglages);
        var raccourci = Assert.Single(parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages));
        Assert.Equal(TypeEtape.EmploiParcours, raccourci.Type);
        Assert.Equal(new DateOnly(2026, 4, 4), raccourci.DateFin);
    }

    [Fact]
    public void Un_contrat_refuse_n_est_pas_une_etape()
    {
        var parcours = UnParcours(new DateOnly(2025, 12, 1));
        var contrat = _s.UnContratPropose();
        contrat.Refuser("Poste déjà pourvu.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);

        Assert.Empty(parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages));
    }

    [Fact]
    public void Un_contrat_hors_des_dates_du_parcours_n_en_est_pas_une_etape()
    {
        var parcours = UnParcours(new DateOnly(2025, 3, 1));
        parcours.Cloturer(TypeSortie.Abandon, new DateOnly(2025, 10, 1), [], _s.Reglages, Aujourdhui);
        var contrat = _s.UnContratValide(debut: new DateOnly(2026, 1, 5));

        Assert.Empty(parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages));
    }

    [Fact]
    public void Les_etapes_composees_sont_dans_l_ordre_des_debuts()
    {
        var parcours = UnParcours(new DateOnly(2025, 12, 1));
        parcours.AjouterEtape(UneEtape(new DateOnly(2025, 12, 2), new DateOnly(2025, 12, 20)));
        parcours.AjouterEtape(UneEtape(new DateOnly(2026, 9, 1), null, TypeEtape.MediationEmploi));
        var contrat = _s.UnContratValide(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 6, 30));

        var etapes = parcours.Composer([Projection(contrat, _s.Titulaire)], _s.Reglages);

        Assert.Equal([TypeEtape.Mobilisation, TypeEtape.EmploiParcours, TypeEtape.MediationEmploi], etapes.Select(e => e.Type));
        Assert.Equal(TypeEtape.MediationEmploi, ParcoursPlie.EtapeCourante(etapes, Aujourdhui)!.Type);
    }
}
