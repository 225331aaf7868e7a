using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// Contrats and hours in the real database: the counting query equals the domain's arithmetic, the per-participant
/// monthly maximum reads every lot, the database refuses what the domain refuses, and another structure sees nothing.
/// </summary>
public sealed class HeuresPersistanceTests : IDisposable
{
    private static readonly Mois Mars = new(2026, 3);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly BaseDeTest _base = new();
    private readonly FakeTimeProvider _horloge = new(SituationsContrats.Maintenant);

    public void Dispose() => _base.Dispose();

    /// <summary>A structure with the lot of <see cref="SituationsContrats"/> (lot A), a second lot B held by the same company, and the participant.</summary>
    private async Task<(SituationsContrats S, Lot LotB)> SituationEnregistreeAsync()
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var lotB = s.Marches.UnMarche("2026-002").Lots[0];
        lotB.Attribuer(s.Titulaire, RoleAttribution.Attributaire, null);
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.Add(s.Titulaire);
        db.Marches.AddRange(s.Lot.Marche, lotB.Marche);
        db.Participants.Add(s.Participant);
        await db.SaveChangesAsync();
        return (s, lotB);
    }

    private async Task<Contrat> EnregistrerAsync(SituationsContrats s, Contrat contrat, params object[] autres)
    {
        await using var db = _base.Pour(s.StructureId);
        db.AddRange(autres);
        db.Contrats.Add(contrat);
        await db.SaveChangesAsync();
        return contrat;
    }

    private (ClauseDbContext Db, ServiceHeures Service, RequetesHeures Requetes) Services(StructureId structureId)
    {
        var db = _base.Pour(structureId);
        var requetes = new RequetesHeures(db);
        return (db, new ServiceHeures(db, requetes, _horloge), requetes);
    }

    private static async Task RefuseAsync(string contrainte, Func<Task> action)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(action);
        Assert.Contains(contrainte, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_comptage_en_base_egale_l_arithmetique_du_domaine()
    {
        var (s, _) = await SituationEnregistreeAsync();
        s.Lot.ModifierParametres(new Taux(s.Lot.PartMainOeuvrePdb), null, true, Taux.Pourcent(5));
        var siae = s.UnEmployeur(TypeEmployeur.ACI, "Chantier d'insertion Les Jardins de Loire");
        var organisme = s.UnEmployeur(TypeEmployeur.Classique, "AFPA Centre-Val de Loire");
        var autre = s.UnParticipantEligible("Leroy");
        var direct = s.UnContratValide(debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 4, 30));
        var sousTraitance = s.UnContratValide(ModaliteContrat.SousTraitanceSiae, siae, autre);
        var formation = s.UnContratValide(ModaliteContrat.Formation, organisme, autre, debut: new DateOnly(2026, 6, 1));
        var propose = s.UnContratPropose(participant: autre, debut: new DateOnly(2026, 9, 1));
        await using (var db = _base.Pour(s.StructureId))
        {
            db.Entreprises.AddRange(siae, organisme);
            db.Participants.Add(autre);
            db.Contrats.AddRange(direct, sousTraitance, formation, propose);
            db.Lots.Update(s.Lot);
            await db.SaveChangesAsync();
        }

        var (ecriture, service, requetes) = Services(s.StructureId);
        await using (ecriture)
        {
            var f = SituationsContrats.Facilitateur;
            var e = SituationsContrats.Entreprise;
            await service.DeclarerAsync(direct.Id, new Mois(2026, 1), SaisieHeures.EnHeures(Duree.Heures(120)), f);
            await service.DeclarerAsync(direct.Id, new Mois(2026, 2), SaisieHeures.EnHeures(Duree.Heures(130)), f);
            var rejetee = await service.DeclarerAsync(direct.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(90)), e);
            await service.RejeterAsync(rejetee.Id, "Relevé d'heures non signé.", f);
            await service.DeclarerAsync(direct.Id, new Mois(2026, 4), SaisieHeures.EnHeures(Duree.Heures(100)), e);
            await service.DeclarerAsync(direct.Id, new Mois(2026, 6), SaisieHeures.EnHeures(Duree.Heures(40)), f);
            await service.DeclarerAsync(sousTraitance.Id, Mars, SaisieHeures.ParMontant(Montant.Euros(12_000)), f);
            await service.DeclarerAsync(formation.Id, new Mois(2026, 6), SaisieHeures.EnHeures(Duree.Heures(70)), f);
            await service.DeclarerAsync(propose.Id, new Mois(2026, 9), SaisieHeures.EnHeures(Duree.Heures(35)), f);
        }

        await using var lecture = _base.Pour(s.StructureId);
        var lot = await lecture.Lots.SingleAsync(l => l.Id == s.Lot.Id);
        var contrats = await lecture.Contrats.ToDictionaryAsync(c => c.Id);
        var lignes = (await lecture.DeclarationsHeures.Where(d => d.LotId == lot.Id).ToListAsync()).Select(d => LigneComptage.De(d, contrats[d.ContratId])).ToList();
        var attendu = Comptage.Bilan(ParametresComptage.De(lot), lignes);
        var enBase = await new RequetesHeures(lecture).BilanAsync(lot.Id);

        Assert.Equal(attendu, enBase);
        // 120 + 130 h direct (March rejected, April pending, June out of the contrat) + 200 h converted (12 000 € × 50 % / 30 €)
        // + training 70 h capped at 5 % of 833 h = 2 499 min.
        Assert.Equal(H(450) + 2_499, enBase!.RealiseesMinutes);
        Assert.Equal(H(100), enBase.EnAttenteMinutes);
        Assert.Equal(Comptage.Serie(ParametresComptage.De(lot), Comptage.MinutesComptees(lignes)), await new RequetesHeures(lecture).SerieAsync(lot.Id));
        Assert.Equal([H(120), H(130), H(200), 0, 0, 2_499], (await new RequetesHeures(lecture).SerieAsync(lot.Id)).Select(p => p.Minutes));
        Assert.Equal(enBase, (await new RequetesHeures(lecture).BilansAsync([lot.Id]))[lot.Id]);
    }

    [Fact]
    public async Task Maximum_mensuel_du_participant_lu_sur_tous_les_lots_et_rien_n_est_ecrit()
    {
        var (s, lotB) = await SituationEnregistreeAsync();
        var surA = await EnregistrerAsync(s, s.UnContratValide());
        var surB = await EnregistrerAsync(s, s.UnContratValide(lot: lotB));
        var (db, service, _) = Services(s.StructureId);
        await using (db)
        {
            await service.DeclarerAsync(surA.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(150)), SituationsContrats.Entreprise);

            var ex = await Assert.ThrowsAsync<RegleMetierException>(() =>
                service.DeclarerAsync(surB.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(120)), SituationsContrats.Entreprise));

            Assert.Equal("Heures", ex.Champ);
            Assert.Contains("maximum de 250,00 h par mois, tous lots confondus", SituationsMarches.Espaces(ex.Message), StringComparison.Ordinal);
        }
        await using var lecture = _base.Pour(s.StructureId);
        Assert.Equal(1, await lecture.DeclarationsHeures.CountAsync());
        Assert.Equal(1, await lecture.VersionsDeclaration.CountAsync());
    }

    [Fact]
    public async Task Ligne_rejetee_ne_compte_pas_et_ne_bloque_pas_le_maximum()
    {
        var (s, lotB) = await SituationEnregistreeAsync();
        var surA = await EnregistrerAsync(s, s.UnContratValide());
        var surB = await EnregistrerAsync(s, s.UnContratValide(lot: lotB));
        var (db, service, requetes) = Services(s.StructureId);
        await using (db)
        {
            var ligneA = await service.DeclarerAsync(surA.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(150)), SituationsContrats.Entreprise);
            await service.RejeterAsync(ligneA.Id, "Heures en double avec le lot B.", SituationsContrats.Facilitateur);

            var ligneB = await service.DeclarerAsync(surB.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(120)), SituationsContrats.Facilitateur);

            Assert.Equal(H(120), ligneB.Minutes);
            Assert.Equal(0, (await requetes.BilanAsync(s.Lot.Id))!.RealiseesMinutes);
            Assert.Equal(H(120), (await requetes.BilanAsync(lotB.Id))!.RealiseesMinutes);
            Assert.Equal(H(120), (await requetes.SituationAsync(s.Participant.Id, surA.Id, Mars)).AutresMinutesParticipant);
        }
    }

    [Fact]
    public async Task Seconde_declaration_refusee_et_correction_sans_double_compte()
    {
        var (s, _) = await SituationEnregistreeAsync();
        var contrat = await EnregistrerAsync(s, s.UnContratValide());
        var (db, service, requetes) = Services(s.StructureId);
        await using (db)
        {
            var ligne = await service.DeclarerAsync(contrat.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(120)), SituationsContrats.Facilitateur);

            var ex = await Assert.ThrowsAsync<RegleMetierException>(() =>
                service.DeclarerAsync(contrat.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(140)), SituationsContrats.Facilitateur));
            Assert.Equal("Mois", ex.Champ);
            Assert.Equal(H(120), (await requetes.BilanAsync(s.Lot.Id))!.RealiseesMinutes);

            // The grid corrects the existing line; 140 h would not fit next to the line's own 120 h if they were counted twice.
            await service.SaisirAsync(contrat.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(140)), null, SituationsContrats.Facilitateur);
            await service.CorrigerAsync(ligne.Id, SaisieHeures.EnHeures(Duree.Heures(200)), "Relevé rectifié par l'entreprise", SituationsContrats.Facilitateur);

            Assert.Equal(H(200), (await requetes.BilanAsync(s.Lot.Id))!.RealiseesMinutes);
        }
        await using var lecture = _base.Pour(s.StructureId);
        var relue = await lecture.DeclarationsHeures.Include(d => d.Versions).SingleAsync();
        Assert.Equal([H(120), H(140), H(200)], relue.Versions.Select(v => v.Minutes));
        Assert.Equal(3, relue.VersionCourante);
    }

    [Fact]
    public async Task Changement_des_dates_du_contrat_reevalue_les_lignes_hors_periode()
    {
        var (s, _) = await SituationEnregistreeAsync();
        var contrat = await EnregistrerAsync(s, s.UnContratValide(debut: new DateOnly(2026, 4, 1)));
        var (db, service, requetes) = Services(s.StructureId);
        await using (db)
        {
            await service.DeclarerAsync(contrat.Id, Mars, SaisieHeures.EnHeures(Duree.Heures(60)), SituationsContrats.Facilitateur);
            Assert.Equal(0, (await requetes.BilanAsync(s.Lot.Id))!.RealiseesMinutes);

            var charge = await db.Contrats.SingleAsync(c => c.Id == contrat.Id);
            var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == s.Lot.Id);
            var participant = await db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == s.Participant.Id);
            var employeur = await db.Entreprises.SingleAsync(e => e.Id == charge.EmployeurId);
            charge.Modifier(SituationsContrats.Donnees(debut: new DateOnly(2026, 3, 16)), lot, employeur, participant, await db.Reglages.SingleAsync());
            await db.SaveChangesAsync();

            // No call to re-evaluate: the contrat's DatesContratModifiees event did it in the same save.
            Assert.Equal(H(60), (await requetes.BilanAsync(s.Lot.Id))!.RealiseesMinutes);
        }
    }

    [Fact]
    public async Task La_base_refuse_une_seconde_ligne_pour_le_meme_contrat_et_le_meme_mois()
    {
        var (s, _) = await SituationEnregistreeAsync();
        var contrat = await EnregistrerAsync(s, s.UnContratValide());
        await using (var db = _base.Pour(s.StructureId))
        {
            db.DeclarationsHeures.Add(s.Declarer(contrat, Mars, 100));
            await db.SaveChangesAsync();
        }

        await using var doublon = _base.Pour(s.StructureId);
        // The domain is bypassed (a situation that ignores the existing line): the unique index still refuses.
        doublon.DeclarationsHeures.Add(s.Declarer(contrat, Mars, 50));
        await RefuseAsync("UNIQUE", () => doublon.SaveChangesAsync());
    }

    [Fact]
    public async Task La_base_refuse_minutes_nulles_et_dates_incoherentes()
    {
        var (s, _) = await SituationEnregistreeAsync();
        var contrat = await EnregistrerAsync(s, s.UnContratValide());
        await using (var ecriture = _base.Pour(s.StructureId))
        {
            ecriture.DeclarationsHeures.Add(s.Declarer(contrat, Mars, 100, par: SituationsContrats.Facilitateur));
            await ecriture.SaveChangesAsync();
        }

        await using var db = _base.Pour(s.StructureId);
        await RefuseAsync("CK_DeclarationsHeures_Minutes", () => db.DeclarationsHeures.ExecuteUpdateAsync(u => u.SetProperty(d => d.Minutes, 0L)));
        await RefuseAsync("CK_DeclarationsHeures_Minutes", () => db.DeclarationsHeures.ExecuteUpdateAsync(u => u.SetProperty(d => d.Minutes, -60L)));
        await RefuseAsync("CK_VersionsDeclaration_Minutes", () => db.VersionsDeclaration.ExecuteUpdateAsync(u => u.SetProperty(v => v.Minutes, 0L)));
        await RefuseAsync("CK_DeclarationsHeures_Mois", () => db.DeclarationsHeures.ExecuteUpdateAsync(u => u.SetProperty(d => d.Mois, new Mois(2026, 13))));
        await RefuseAsync("CK_VersionsDeclaration_Conversion", () => db.VersionsDeclaration.ExecuteUpdateAsync(u => u.SetProperty(v => v.MontantFactureCentimes, 0L)));
        await RefuseAsync("CK_VersionsDeclaration_Rejet", () => db.VersionsDeclaration.ExecuteUpdateAsync(u => u.SetProperty(v => v.Statut, StatutDeclaration.Rejetee)));
        await RefuseAsync("CK_Contrats_Dates", () => db.Contrats.ExecuteUpdateAsync(u => u.SetProperty(c => c.FinPrevue, new DateOnly(2025, 12, 31))));
        await RefuseAsync("CK_Contrats_Refus", () => db.Contrats.ExecuteUpdateAsync(u => u.SetProperty(c => c.Statut, StatutContrat.Refuse).SetProperty(c => c.EligibiliteValide, false)));
        await RefuseAsync("CK_Contrats_Eligibilite", () => db.Contrats.ExecuteUpdateAsync(u => u.SetProperty(c => c.Statut, StatutContrat.Propose)));
        await RefuseAsync("CK_Contrats_Derogation", () => db.Contrats.ExecuteUpdateAsync(u => u.SetProperty(c => c.MotifDerogation, "Dérogation incomplète")));
        await RefuseAsync("CK_Contrats_HeuresHebdo", () => db.Contrats.ExecuteUpdateAsync(u => u.SetProperty(c => c.HeuresHebdoMinutes, 0L)));
    }

    [Fact]
    public async Task Le_contrat_d_une_autre_structure_est_invisible()
    {
        var (s, _) = await SituationEnregistreeAsync();
        var contrat = await EnregistrerAsync(s, s.UnContratValide());
        var (autre, _) = await SituationEnregistreeAsync();
        await using (var db = _base.Pour(s.StructureId))
        {
            db.DeclarationsHeures.Add(s.Declarer(contrat, Mars, 100, par: SituationsContrats.Facilitateur));
            await db.SaveChangesAsync();
        }

        var (intrus, service, requetes) = Services(autre.StructureId);
        await using (intrus)
        {
            Assert.False(await intrus.Contrats.AnyAsync(c => c.Id == contrat.Id));
            Assert.False(await intrus.DeclarationsHeures.AnyAsync());
            Assert.False(await intrus.VersionsDeclaration.AnyAsync());
            Assert.Null(await requetes.BilanAsync(s.Lot.Id));
            Assert.Empty(await requetes.SerieAsync(s.Lot.Id));
            await Assert.ThrowsAsync<KeyNotFoundException>(() =>
                service.DeclarerAsync(contrat.Id, new Mois(2026, 4), SaisieHeures.EnHeures(Duree.Heures(10)), SituationsContrats.Facilitateur));
        }
        await using var proprietaire = _base.Pour(s.StructureId);
        Assert.Equal(1, await proprietaire.DeclarationsHeures.CountAsync());
    }

    [Fact]
    public async Task Le_contrat_se_relit_et_le_motif_de_derogation_est_masque_dans_le_journal()
    {
        var (s, _) = await SituationEnregistreeAsync();
        var ancien = s.UnParticipantEligible("Bernard", new DateOnly(2024, 1, 10));
        var contrat = s.UnContratPropose(participant: ancien, debut: new DateOnly(2026, 1, 11));
        contrat.Valider(ancien, s.Reglages, "Embauche décalée d'un jour par l'entreprise (intempéries).", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await EnregistrerAsync(s, contrat, ancien);

        await using var lecture = _base.Pour(s.StructureId);
        var relu = await lecture.Contrats.SingleAsync(c => c.Id == contrat.Id);
        Assert.Equal(StatutContrat.Valide, relu.Statut);
        Assert.True(relu.EligibiliteValide);
        Assert.Equal(ancien.Decisions[0].Id, relu.DecisionEligibiliteId);
        Assert.Equal("Embauche décalée d'un jour par l'entreprise (intempéries).", relu.MotifDerogation);
        Assert.Equal(ModaliteContrat.EmbaucheDirecte, relu.Modalite);
        Assert.Equal(1, await lecture.Contrats.CountAsync(c => c.Modalite == ModaliteContrat.EmbaucheDirecte && c.EligibiliteValide));
        var journal = await lecture.JournalAudit.SingleAsync(j => j.EntiteId == contrat.Id.Valeur);
        var changements = JsonSerializer.Deserialize<List<ChangementChamp>>(journal.Changements, Json)!;
        Assert.Contains(changements, c => c.Champ == "MotifDerogation" && c.Apres == JournalAudit.ValeurMasquee);
        Assert.Contains(changements, c => c.Champ == "DerogationParNom" && c.Apres == ParticipantsDeTest.FacilitateurNom);
    }

    private static long H(long heures) => heures * 60;
}
