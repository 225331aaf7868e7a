using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// Derived state follows its inputs in the save that changes them (domain events dispatched in SaveChanges): one test
/// per input of a line's « hors période » (§7.2) and of a contrat's eligibility (§5, §7.3). Nothing here calls a
/// re-evaluation: each test fails when its event is not raised or not handled.
/// </summary>
public sealed class ReevaluationDeriveesTests : IDisposable
{
    private static readonly Mois Septembre = new(2026, 9);
    private static readonly Mois Octobre = new(2026, 10);
    private static readonly Mois Novembre = new(2026, 11);

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private static long H(long heures) => heures * 60;

    /// <summary>The lot over 2026, a validated contrat 05/01 → 31/12/2026, validated lines (by a facilitateur) for the months given.</summary>
    private async Task<(SituationsContrats S, Contrat Contrat)> SituationAsync(params (Mois Mois, long Heures)[] lignes)
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var contrat = s.UnContratValide();
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.Add(s.Titulaire);
        db.Marches.Add(s.Lot.Marche);
        db.Participants.Add(s.Participant);
        db.Contrats.Add(contrat);
        db.DeclarationsHeures.AddRange(lignes.Select(l => s.Declarer(contrat, l.Mois, l.Heures, par: SituationsContrats.Facilitateur)));
        await db.SaveChangesAsync();
        return (s, contrat);
    }

    private async Task<long> RealiseesAsync(SituationsContrats s)
    {
        await using var db = _base.Pour(s.StructureId);
        return (await new RequetesHeures(db).BilanAsync(s.Lot.Id))!.RealiseesMinutes;
    }

    private async Task<Contrat> ContratAsync(SituationsContrats s, ContratId id)
    {
        await using var db = _base.Pour(s.StructureId);
        return await db.Contrats.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task ModifierAsync(StructureId structureId, Func<ClauseDbContext, Task> modification)
    {
        await using var db = _base.Pour(structureId);
        await modification(db);
        await db.SaveChangesAsync();
    }

    private static void Regler(Reglages r, int? toleranceJours = null, int? fenetreMois = null) =>
        r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, fenetreMois ?? r.FenetreEligibiliteMois,
            r.AgeSenior, r.AnticipationDebutContratJours, r.MaxMinutesParMois, toleranceJours ?? r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut,
            r.PlafondFormationDefautPdb, r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite,
            r.DelaiSortieEmploiDurableMois, r.ConservationMois);

    private static async Task RaccourcirLotAsync(ClauseDbContext db, LotId lotId, DateOnly fin)
    {
        var lot = await db.Lots.Include(l => l.Marche).SingleAsync(l => l.Id == lotId);
        lot.Modifier(lot.Marche, lot.Libelle, lot.DebutExecution, fin);
    }

    [Fact]
    public async Task Lot_raccourci_au_30_septembre_ne_compte_plus_ses_heures_de_novembre()
    {
        var (s, _) = await SituationAsync((Septembre, 100), (Novembre, 80));
        Assert.Equal(H(180), await RealiseesAsync(s));

        await ModifierAsync(s.StructureId, db => RaccourcirLotAsync(db, s.Lot.Id, new DateOnly(2026, 9, 30)));

        Assert.Equal(H(100), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Tolerance_apres_la_fin_du_lot_remet_dans_la_periode_le_mois_qu_elle_atteint()
    {
        var (s, _) = await SituationAsync((Septembre, 100), (Octobre, 50), (Novembre, 80));
        await ModifierAsync(s.StructureId, db => RaccourcirLotAsync(db, s.Lot.Id, new DateOnly(2026, 9, 30)));
        Assert.Equal(H(100), await RealiseesAsync(s));

        // 30/09 + 1 day = 01/10: October overlaps the extended execution, November does not.
        await ModifierAsync(s.StructureId, async db => Regler(await db.Reglages.SingleAsync(), toleranceJours: 1));

        Assert.Equal(H(150), await RealiseesAsync(s));
    }

    /// <summary>
    /// A structure without a réglages row (an older one): the Réglages page adds the row and changes it in one save. The
    /// added row is not returned by a query yet, so the re-evaluation must read it from the tracked entities.
    /// </summary>
    [Fact]
    public async Task Tolerance_saisie_sur_une_structure_sans_reglages_reevalue_ses_lignes_dans_la_meme_sauvegarde()
    {
        var (s, _) = await SituationAsync((Septembre, 100), (Octobre, 50), (Novembre, 80));
        await ModifierAsync(s.StructureId, db => RaccourcirLotAsync(db, s.Lot.Id, new DateOnly(2026, 9, 30)));
        await ModifierAsync(s.StructureId, db => db.Reglages.ExecuteDeleteAsync());
        Assert.Equal(H(100), await RealiseesAsync(s));

        await ModifierAsync(s.StructureId, db =>
        {
            var reglages = Reglages.ParDefaut(s.StructureId);
            db.Reglages.Add(reglages);
            Regler(reglages, toleranceJours: 1);
            return Task.CompletedTask;
        });

        Assert.Equal(H(150), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Fenetre_saisie_sur_une_structure_sans_reglages_reevalue_ses_contrats_dans_la_meme_sauvegarde()
    {
        var (s, contrat) = await SituationAsync((Septembre, 100));
        await ModifierAsync(s.StructureId, db => db.Reglages.ExecuteDeleteAsync());

        await ModifierAsync(s.StructureId, db =>
        {
            var reglages = Reglages.ParDefaut(s.StructureId);
            db.Reglages.Add(reglages);
            Regler(reglages, fenetreMois: 6);
            return Task.CompletedTask;
        });

        Assert.False((await ContratAsync(s, contrat.Id)).EligibiliteValide);
    }

    [Fact]
    public async Task Fin_reelle_avancee_du_contrat_sort_ses_mois_suivants_de_la_periode()
    {
        var (s, contrat) = await SituationAsync((Septembre, 100), (Novembre, 80));

        await ModifierAsync(s.StructureId, async db => (await db.Contrats.SingleAsync(c => c.Id == contrat.Id)).EnregistrerFin(new DateOnly(2026, 10, 15)));

        Assert.Equal(H(100), await RealiseesAsync(s));
    }

    /// <summary>Corrects the contrat through its form (the same checks as the page), with the lot, employer, participant and réglages loaded.</summary>
    private static async Task CorrigerContratAsync(ClauseDbContext db, ContratId contratId, DonneesContrat donnees)
    {
        var charge = await db.Contrats.SingleAsync(c => c.Id == contratId);
        var lot = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == charge.LotId);
        var participant = await db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == charge.ParticipantId);
        var employeur = await db.Entreprises.SingleAsync(e => e.Id == charge.EmployeurId);
        charge.Modifier(donnees, lot, employeur, participant, await db.Reglages.SingleAsync());
    }

    private async Task<bool> HorsPeriodeAsync(SituationsContrats s, ContratId contratId, Mois mois)
    {
        await using var db = _base.Pour(s.StructureId);
        return await db.DeclarationsHeures.AsNoTracking().Where(d => d.ContratId == contratId && d.Mois == mois)
            .Select(d => d.HorsPeriode).SingleAsync();
    }

    [Fact]
    public async Task Fin_prevue_avancee_au_15_octobre_sort_novembre_de_la_periode()
    {
        // Contrat 05/01 → 31/12/2026, 100 h in September and 80 h in November. The planned end corrected to 15/10 (start
        // unchanged): November no longer overlaps the contrat → hors période, 100 h counted instead of 180.
        var (s, contrat) = await SituationAsync((Septembre, 100), (Novembre, 80));

        await ModifierAsync(s.StructureId, db => CorrigerContratAsync(db, contrat.Id, SituationsContrats.Donnees(fin: new DateOnly(2026, 10, 15))));

        Assert.True(await HorsPeriodeAsync(s, contrat.Id, Novembre));
        Assert.False(await HorsPeriodeAsync(s, contrat.Id, Septembre));
        Assert.Equal(H(100), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Fin_reelle_saisie_dans_le_formulaire_du_contrat_sort_ses_mois_suivants_de_la_periode()
    {
        // Same contrat; only the actual end is typed in the form (15/10, planned end and start unchanged): November is
        // after it → hors période, 100 h counted.
        var (s, contrat) = await SituationAsync((Septembre, 100), (Novembre, 80));

        await ModifierAsync(s.StructureId, db => CorrigerContratAsync(db, contrat.Id,
            SituationsContrats.Donnees() with { FinReelle = new DateOnly(2026, 10, 15) }));

        Assert.True(await HorsPeriodeAsync(s, contrat.Id, Novembre));
        Assert.Equal(H(100), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Lot_qui_debute_au_1er_octobre_ne_compte_plus_ses_heures_de_septembre()
    {
        // Lot 01/01 → 31/12/2026, 100 h in September and 80 h in November. Its start moved to 01/10 (end unchanged):
        // September no longer overlaps the execution → hors période, 80 h counted instead of 180.
        var (s, contrat) = await SituationAsync((Septembre, 100), (Novembre, 80));

        await ModifierAsync(s.StructureId, async db =>
        {
            var lot = await db.Lots.Include(l => l.Marche).SingleAsync(l => l.Id == s.Lot.Id);
            lot.Modifier(lot.Marche, lot.Libelle, new DateOnly(2026, 10, 1), lot.FinExecution);
        });

        Assert.True(await HorsPeriodeAsync(s, contrat.Id, Septembre));
        Assert.False(await HorsPeriodeAsync(s, contrat.Id, Novembre));
        Assert.Equal(H(80), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Fenetre_d_eligibilite_reduite_signale_le_contrat_qui_n_y_debute_plus()
    {
        // Decision of 10/01/2025, contrat starting 05/01/2026: inside 24 months, outside 6.
        var (s, contrat) = await SituationAsync((Septembre, 100));

        await ModifierAsync(s.StructureId, async db => Regler(await db.Reglages.SingleAsync(), fenetreMois: 6));

        Assert.False((await ContratAsync(s, contrat.Id)).EligibiliteValide);
        Assert.Equal(0, await RealiseesAsync(s));
    }

    [Fact]
    public async Task Nouvelle_decision_d_eligibilite_couvrant_le_debut_retablit_le_contrat_signale()
    {
        var (s, contrat) = await SituationAsync((Septembre, 100));
        await ModifierAsync(s.StructureId, async db => Regler(await db.Reglages.SingleAsync(), fenetreMois: 6));
        Assert.False((await ContratAsync(s, contrat.Id)).EligibiliteValide);

        await ModifierAsync(s.StructureId, async db =>
        {
            var participant = await db.Participants.SingleAsync(p => p.Id == s.Participant.Id);
            participant.Valider(new DateOnly(2025, 12, 1), CategorieEligibilite.RSA);
        });

        Assert.True((await ContratAsync(s, contrat.Id)).EligibiliteValide);
        Assert.Equal(H(100), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Derogation_sur_un_contrat_signale_fait_compter_ses_heures()
    {
        var (s, contrat) = await SituationAsync((Septembre, 100));
        await ModifierAsync(s.StructureId, async db => Regler(await db.Reglages.SingleAsync(), fenetreMois: 6));

        await ModifierAsync(s.StructureId, async db =>
        {
            var charge = await db.Contrats.SingleAsync(c => c.Id == contrat.Id);
            var participant = await db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == s.Participant.Id);
            charge.Deroger(participant, await db.Reglages.SingleAsync(), "Démarrage reporté par l'entreprise, accord du maître d'ouvrage.",
                SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        });

        Assert.True((await ContratAsync(s, contrat.Id)).EligibiliteValide);
        Assert.Equal(H(100), await RealiseesAsync(s));
    }

    [Fact]
    public async Task Reevaluation_d_un_lot_coute_autant_de_requetes_pour_une_ligne_que_pour_cinq()
    {
        var (une, _) = await SituationAsync((Novembre, 10));
        var (cinq, _) = await SituationAsync((new Mois(2026, 1), 10), (new Mois(2026, 2), 10), (new Mois(2026, 3), 10), (Octobre, 10), (Novembre, 10));

        Assert.Equal(await CommandesDuRaccourciAsync(une), await CommandesDuRaccourciAsync(cinq));
    }

    private async Task<int> CommandesDuRaccourciAsync(SituationsContrats s)
    {
        var compteur = new CompteurCommandes();
        await using var db = _base.Pour(s.StructureId, intercepteurs: compteur);
        await RaccourcirLotAsync(db, s.Lot.Id, new DateOnly(2026, 9, 30));
        compteur.Remettre();
        await db.SaveChangesAsync();
        // Lines, contrats, lots and réglages: one query each, whatever the number of lines; plus the audit chain's last
        // link of the structure (ChaineAudit, one read per save).
        Assert.Equal(5, compteur.Requetes);
        return compteur.Requetes;
    }
}
