using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Clause.Tests.Infrastructure.Totaux.ScenarioTotaux;

namespace Clause.Tests.Infrastructure.Totaux;

/// <summary>
/// Issue 12 item 2: a change in each kind of input marks the right months dirty in the same save — hours, a contrat's
/// status, a contrat's dates, eligibility, a lot's dates, a lot's obligation — and the recompiled totals then equal the
/// live sums (the structure's row of each month against RequetesHeures.ParMoisAsync over the structure's lines, the
/// existing live path) and pass the consistency check. The scenario's months are compiled first (January to March, and
/// April, the current month, empty), so nothing is dirty.
/// </summary>
public sealed class MoisSalesTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task Une_ligne_declaree_marque_son_mois()
    {
        var sc = await CompileAsync();

        await ModifierAsync(sc, db =>
        {
            db.DeclarationsHeures.Add(sc.S.Declarer(sc.PetitLot1, Mars, 6));
            return Task.CompletedTask;
        });

        await AssertSalesPuisRecompilesAsync(sc, Mars);
    }

    [Fact]
    public async Task Une_ligne_validee_ou_corrigee_marque_son_mois()
    {
        var sc = await CompileAsync();

        await ModifierAsync(sc, async db =>
        {
            var ligne = await db.DeclarationsHeures.Include(d => d.Versions).SingleAsync(d => d.ContratId == sc.MartinLot1.Id && d.Mois == Fevrier);
            ligne.Valider(SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        });
        await AssertSalesPuisRecompilesAsync(sc, Fevrier);

        await ModifierAsync(sc, async db =>
        {
            var ligne = await db.DeclarationsHeures.Include(d => d.Versions).SingleAsync(d => d.ContratId == sc.LeroyLot3.Id && d.Mois == Janvier);
            var contrat = await db.Contrats.SingleAsync(c => c.Id == sc.LeroyLot3.Id);
            var lot = await db.Lots.SingleAsync(l => l.Id == sc.Lot3.Id);
            ligne.Corriger(contrat, lot, SaisieHeures.EnHeures(Duree.Heures(25)), "Relevé corrigé.", new SituationMois(0, ligne.Id),
                sc.S.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        });
        await AssertSalesPuisRecompilesAsync(sc, Janvier);
    }

    [Fact]
    public async Task Un_contrat_refuse_marque_chaque_mois_de_ses_lignes()
    {
        var sc = await CompileAsync();
        var moreau = sc.S.UnParticipantEligible("Moreau");
        var propose = sc.S.UnContratPropose(participant: moreau, lot: sc.Lot3);
        await ModifierAsync(sc, db =>
        {
            db.Participants.Add(moreau);
            db.Contrats.Add(propose);
            db.DeclarationsHeures.AddRange(sc.S.Declarer(propose, Janvier, 7, lot: sc.Lot3), sc.S.Declarer(propose, Mars, 9, lot: sc.Lot3));
            return Task.CompletedTask;
        });
        await AssertSalesPuisRecompilesAsync(sc, Janvier, Mars);

        // Its pending hours stop being pending: both months, and only them.
        await ModifierAsync(sc, async db => (await db.Contrats.SingleAsync(c => c.Id == propose.Id))
            .Refuser("Le participant n'a finalement pas été embauché.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant));

        await AssertSalesPuisRecompilesAsync(sc, Janvier, Mars);
    }

    [Fact]
    public async Task Les_dates_d_un_contrat_marquent_les_mois_qui_sortent_de_sa_periode()
    {
        var sc = await CompileAsync();

        // Martin's contrat on lot 1 ends on 31/01: his February line is now « hors période »; January is unchanged.
        await ModifierAsync(sc, async db => (await db.Contrats.SingleAsync(c => c.Id == sc.MartinLot1.Id)).EnregistrerFin(new DateOnly(2026, 1, 31)));

        await AssertSalesPuisRecompilesAsync(sc, Fevrier);
    }

    [Fact]
    public async Task L_eligibilite_marque_chaque_mois_des_contrats_qu_elle_change()
    {
        var sc = await CompileAsync();

        // A window of 6 months from 10/01/2025: no contrat starting on 05/01/2026 is eligible any more.
        await ModifierAsync(sc, async db =>
        {
            var r = await db.Reglages.SingleAsync();
            r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, 6,
                r.AgeSenior, r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut,
                r.PlafondFormationDefautPdb, r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite,
                r.DelaiSortieEmploiDurableMois, r.ConservationMois);
        });

        await AssertSalesPuisRecompilesAsync(sc, Janvier, Fevrier, Mars);
    }

    [Fact]
    public async Task Les_dates_d_un_lot_marquent_les_mois_qui_sortent_de_son_execution()
    {
        var sc = await CompileAsync();

        // Lot 3 ends on 31/01: Leroy's February line there leaves the period; January stays.
        await ModifierAsync(sc, async db =>
        {
            var lot = await db.Lots.Include(l => l.Marche).SingleAsync(l => l.Id == sc.Lot3.Id);
            lot.Modifier(lot.Marche, lot.Libelle, lot.DebutExecution, new DateOnly(2026, 1, 31));
        });

        await AssertSalesPuisRecompilesAsync(sc, Fevrier);
    }

    [Fact]
    public async Task L_obligation_d_un_lot_marque_chaque_mois_de_ses_lignes()
    {
        var sc = await CompileAsync();

        await ModifierAsync(sc, async db =>
            (await db.Lots.SingleAsync(l => l.Id == sc.Lot2.Id)).ModifierParametres(Taux.Pourcent(50), null, true, null));

        // Martin's January and March, Leroy's February.
        await AssertSalesPuisRecompilesAsync(sc, Janvier, Fevrier, Mars);
    }

    [Fact]
    public async Task Une_sauvegarde_sans_rapport_avec_les_heures_ne_marque_rien()
    {
        var sc = await CompileAsync();

        await ModifierAsync(sc, async db =>
        {
            var lot = await db.Lots.Include(l => l.Marche).SingleAsync(l => l.Id == sc.Lot1.Id);
            lot.Modifier(lot.Marche, "Gros œuvre et charpente", lot.DebutExecution, lot.FinExecution);
        });

        await using var lecture = _base.Pour(sc.StructureId);
        Assert.Empty(await lecture.MoisSales.ToListAsync());
    }

    private async Task<ScenarioTotaux> CompileAsync()
    {
        var sc = await SemerAsync(_base);
        await using var db = _base.Pour(sc.StructureId);
        await Services(db, _base.Horloge).Compilateur.CompilerMoisRecentsAsync(sc.StructureId);
        Assert.Empty(await db.MoisSales.ToListAsync());
        return sc;
    }

    private async Task ModifierAsync(ScenarioTotaux sc, Func<ClauseDbContext, Task> changement)
    {
        await using var db = _base.Pour(sc.StructureId);
        await changement(db);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Exactly <paramref name="attendus"/> are dirty; once recompiled, nothing is, each month's structure row equals the live
    /// sums of the structure's lines, and the consistency check finds no difference.
    /// </summary>
    private async Task AssertSalesPuisRecompilesAsync(ScenarioTotaux sc, params Mois[] attendus)
    {
        await using var db = _base.Pour(sc.StructureId);
        var (requetes, compilateur, verification) = Services(db, _base.Horloge);
        Assert.Equal(attendus.Order(), (await db.MoisSales.Select(m => m.Mois).Distinct().ToListAsync()).Order());

        Assert.Equal(attendus.Length, await compilateur.CompilerMoisSalesAsync(sc.StructureId));

        Assert.Empty(await db.MoisSales.ToListAsync());
        var enDirect = await requetes.ParMoisAsync(db.DeclarationsHeures.Where(d => d.StructureId == sc.StructureId));
        var compiles = await db.TotauxMensuels.AsNoTracking().Where(t => t.Niveau == NiveauTotal.Structure).ToListAsync();
        Assert.Equal(
            enDirect.Where(m => m.CompteesMinutes + m.EnAttenteMinutes > 0).Select(m => (m.Mois, m.CompteesMinutes, m.EnAttenteMinutes)).OrderBy(m => m.Mois),
            compiles.Select(t => (t.Mois, t.MinutesComptees, t.MinutesEnAttente)).OrderBy(m => m.Mois));
        var resultat = await verification.VerifierAsync(sc.StructureId);
        Assert.True(resultat.Coherent, string.Join("\n", resultat.Ecarts));
        Assert.Equal(4, resultat.MoisVerifies);
    }
}
