using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Clause.Tests.Infrastructure.Totaux.ScenarioTotaux;

namespace Clause.Tests.Infrastructure.Totaux;

/// <summary>
/// The compiled monthly totals (DOMAIN.md §8, issue 12 item 2) on a real SQLite database: the exact rows of a month at
/// every level (distinct participants grouped from the lines, not added up from the lots), compiling twice gives the same
/// rows, the pages' figures are the same with and without compiled totals, and a dirty month is read live.
/// </summary>
public sealed class CompilateurTotauxTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private static long H(long heures) => heures * 60;

    [Fact]
    public async Task Un_mois_compile_donne_chaque_niveau_groupe_depuis_les_lignes()
    {
        var sc = await SemerAsync(_base);
        await CompilerAsync(sc, Janvier, Fevrier);

        var (totaux, lots) = await LignesAsync(sc);
        var marcheB = sc.Lot2.MarcheId.Valeur;
        // (niveau, clé) → (comptées, en attente, participants, contrats)
        var attendu = new Dictionary<(Mois, NiveauTotal, Guid), (long, long, int, int)>
        {
            [(Janvier, NiveauTotal.Lot, sc.Lot1.Id.Valeur)] = (H(110), 0, 2, 2),
            [(Janvier, NiveauTotal.Lot, sc.Lot2.Id.Valeur)] = (H(50), 0, 1, 1),
            [(Janvier, NiveauTotal.Lot, sc.Lot3.Id.Valeur)] = (0, H(20), 0, 0),
            [(Janvier, NiveauTotal.Marche, sc.Lot1.MarcheId.Valeur)] = (H(110), 0, 2, 2),
            [(Janvier, NiveauTotal.Marche, marcheB)] = (H(50), H(20), 1, 1),
            // Martin on lots 1 and 2: once for the opération, the donneur d'ordre and the structure.
            [(Janvier, NiveauTotal.Operation, sc.S.Marches.Operation.Id.Valeur)] = (H(160), H(20), 2, 3),
            [(Janvier, NiveauTotal.DonneurOrdre, sc.S.Marches.DonneurOrdre.Id.Valeur)] = (H(160), H(20), 2, 3),
            [(Janvier, NiveauTotal.Structure, sc.StructureId.Valeur)] = (H(160), H(20), 2, 3),
            [(Fevrier, NiveauTotal.Lot, sc.Lot1.Id.Valeur)] = (0, H(80), 0, 0),
            [(Fevrier, NiveauTotal.Lot, sc.Lot2.Id.Valeur)] = (H(10), 0, 1, 1),
            [(Fevrier, NiveauTotal.Lot, sc.Lot3.Id.Valeur)] = (H(30), 0, 1, 1),
            [(Fevrier, NiveauTotal.Marche, sc.Lot1.MarcheId.Valeur)] = (0, H(80), 0, 0),
            // Leroy on lots 2 and 3 of marché 2026-002: one participant, two contrats.
            [(Fevrier, NiveauTotal.Marche, marcheB)] = (H(40), 0, 1, 2),
            [(Fevrier, NiveauTotal.Operation, sc.S.Marches.Operation.Id.Valeur)] = (H(40), H(80), 1, 2),
            [(Fevrier, NiveauTotal.DonneurOrdre, sc.S.Marches.DonneurOrdre.Id.Valeur)] = (H(40), H(80), 1, 2),
            [(Fevrier, NiveauTotal.Structure, sc.StructureId.Valeur)] = (H(40), H(80), 1, 2),
        };
        Assert.Equal(attendu.OrderBy(a => a.Key.ToString()).Select(a => (a.Key, a.Value)),
            totaux.Select(t => ((t.Mois, t.Niveau, t.CleId), (t.MinutesComptees, t.MinutesEnAttente, t.Participants, t.Contrats))).OrderBy(a => a.Item1.ToString()));
        // The lots' split by modality and contract type: Petit's training apart; the rejected line nowhere.
        Assert.Equal(
            new[]
            {
                (Janvier, sc.Lot1.Id, ModaliteContrat.EmbaucheDirecte, H(100), 0L, 1),
                (Janvier, sc.Lot1.Id, ModaliteContrat.Formation, H(10), 0L, 1),
                (Janvier, sc.Lot2.Id, ModaliteContrat.EmbaucheDirecte, H(50), 0L, 1),
                (Janvier, sc.Lot3.Id, ModaliteContrat.EmbaucheDirecte, 0L, H(20), 0),
                (Fevrier, sc.Lot1.Id, ModaliteContrat.EmbaucheDirecte, 0L, H(80), 0),
                (Fevrier, sc.Lot2.Id, ModaliteContrat.EmbaucheDirecte, H(10), 0L, 1),
                (Fevrier, sc.Lot3.Id, ModaliteContrat.EmbaucheDirecte, H(30), 0L, 1),
            }.OrderBy(x => x.ToString()),
            lots.Select(l => (l.Mois, l.LotId, l.Modalite, l.MinutesComptees, l.MinutesEnAttente, l.Contrats)).OrderBy(x => x.ToString()));
        Assert.All(lots, l => Assert.Equal(TypeContrat.CDDI, l.TypeContrat));
    }

    [Fact]
    public async Task Compiler_deux_fois_donne_les_memes_lignes()
    {
        var sc = await SemerAsync(_base);
        await CompilerAsync(sc, Janvier, Fevrier, Mars);
        var premiere = await LignesAsync(sc);

        await CompilerAsync(sc, Janvier, Fevrier, Mars);
        var seconde = await LignesAsync(sc);

        Assert.NotEmpty(premiere.Totaux);
        Assert.Equal(Texte(premiere), Texte(seconde));
        await using var db = _base.Pour(sc.StructureId);
        Assert.Equal(3, await db.MoisCompiles.CountAsync());
        Assert.Empty(await db.MoisSales.ToListAsync());
    }

    [Fact]
    public async Task Compiler_deux_fois_dans_la_meme_portee_donne_les_memes_lignes()
    {
        var sc = await SemerAsync(_base);
        await using var db = _base.Pour(sc.StructureId);
        var (_, compilateur, _) = Services(db, _base.Horloge);
        await compilateur.CompilerAsync(sc.StructureId, Janvier);
        var premiere = await LignesAsync(sc);
        await compilateur.CompilerAsync(sc.StructureId, Janvier);

        Assert.Equal(Texte(premiere), Texte(await LignesAsync(sc)));
    }

    [Fact]
    public async Task Les_chiffres_des_pages_sont_les_memes_avec_et_sans_totaux_compiles()
    {
        var sc = await SemerAsync(_base);
        // Training counts on lot 1 (capped at 1 % of its hours due): the cap applies to the compiled minutes as to the live ones.
        await using (var db = _base.Pour(sc.StructureId))
        {
            var lot = await db.Lots.SingleAsync(l => l.Id == sc.Lot1.Id);
            lot.ModifierParametres(Taux.Pourcent(50), null, true, Taux.Pourcent(1));
            await db.SaveChangesAsync();
        }
        var enDirect = await ChiffresAsync(sc);

        await using (var db = _base.Pour(sc.StructureId))
            await Services(db, _base.Horloge).Compilateur.CompilerMoisRecentsAsync(sc.StructureId);
        var compiles = await ChiffresAsync(sc);

        Assert.Equal(enDirect, compiles);
        // The compiled rows are what was read: a row changed by hand changes the figure of its (past, clean) month.
        await using (var db = _base.Pour(sc.StructureId))
            await db.TotauxMensuelsLots.Where(t => t.LotId == sc.Lot2.Id && t.Mois == Janvier).ExecuteUpdateAsync(u => u.SetProperty(t => t.MinutesComptees, H(51)));
        Assert.NotEqual(enDirect, await ChiffresAsync(sc));
    }

    [Fact]
    public async Task Un_mois_sale_pas_encore_recompile_est_lu_en_direct()
    {
        var sc = await SemerAsync(_base);
        await using (var db = _base.Pour(sc.StructureId))
            await Services(db, _base.Horloge).Compilateur.CompilerMoisRecentsAsync(sc.StructureId);

        // Martin's February hours on lot 1 are validated: February is dirty, not yet recompiled.
        await using (var db = _base.Pour(sc.StructureId))
        {
            var ligne = await db.DeclarationsHeures.Include(d => d.Versions).SingleAsync(d => d.ContratId == sc.MartinLot1.Id && d.Mois == Fevrier);
            ligne.Valider(SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
            await db.SaveChangesAsync();
            Assert.Equal([Fevrier], await db.MoisSales.Select(m => m.Mois).Distinct().ToListAsync());
        }

        await using (var db = _base.Pour(sc.StructureId))
        {
            var bilan = (await Services(db, _base.Horloge).Requetes.BilanAsync(sc.Lot1.Id))!;
            Assert.Equal(H(100 + 80), bilan.RealiseesMinutes);
            Assert.Equal(0, bilan.EnAttenteMinutes);
        }
    }

    [Fact]
    public async Task Le_mois_courant_est_lu_en_direct_meme_compile()
    {
        var sc = await SemerAsync(_base);
        await using (var db = _base.Pour(sc.StructureId))
        {
            db.DeclarationsHeures.Add(sc.S.Declarer(sc.MartinLot1, Avril, 12, par: SituationsContrats.Facilitateur));
            await db.SaveChangesAsync();
            await Services(db, _base.Horloge).Compilateur.CompilerAsync(sc.StructureId, Avril);
            // Tampered on purpose: the current month never reads its compiled rows.
            await db.TotauxMensuelsLots.Where(t => t.Mois == Avril).ExecuteUpdateAsync(u => u.SetProperty(t => t.MinutesComptees, 1L));
        }

        await using (var db = _base.Pour(sc.StructureId))
            Assert.Equal(H(100 + 12), (await Services(db, _base.Horloge).Requetes.BilanAsync(sc.Lot1.Id))!.RealiseesMinutes);
    }

    [Fact]
    public async Task Une_passe_pour_plusieurs_structures_donne_les_memes_lignes_et_ne_touche_que_les_structures_nommees()
    {
        var a = await SemerAsync(_base);
        var b = await SemerAsync(_base);
        var c = await SemerAsync(_base);
        await CompilerAsync(a, Janvier);
        var parStructure = await LignesAsync(a);

        await using (var db = _base.Systeme())
            await Services(db, _base.Horloge).Compilateur.CompilerStructuresAsync(Janvier, [a.StructureId, b.StructureId]);

        // a: the same rows as compiled alone; b: the same figures (same scenario, its own ids); both months marked compiled.
        Assert.Equal(Texte(parStructure), Texte(await LignesAsync(a)));
        var (totauxB, lotsB) = await LignesAsync(b);
        Assert.Equal(Chiffres(parStructure.Totaux), Chiffres(totauxB));
        Assert.Equal(parStructure.Lots.Count, lotsB.Count);
        Assert.All(totauxB.Concat<IAppartientStructure>(lotsB), t => Assert.Equal(b.StructureId, t.StructureId));
        foreach (var sc in new[] { a, b })
        {
            await using var db = _base.Pour(sc.StructureId);
            Assert.Equal([Janvier], await db.MoisCompiles.Select(m => m.Mois).ToListAsync());
            Assert.DoesNotContain(Janvier, await db.MoisSales.Select(m => m.Mois).ToListAsync());
        }
        // c was not named: nothing compiled, its dirty marks kept.
        await using (var db = _base.Pour(c.StructureId))
        {
            Assert.Empty(await db.TotauxMensuels.ToListAsync());
            Assert.Empty(await db.MoisCompiles.ToListAsync());
            Assert.Contains(Janvier, await db.MoisSales.Select(m => m.Mois).ToListAsync());
        }
    }

    private static List<string> Chiffres(IEnumerable<TotalMensuel> totaux) =>
        totaux.Select(t => $"{t.Mois} {t.Niveau} {t.MinutesComptees} {t.MinutesEnAttente} {t.Participants} {t.Contrats}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Les_totaux_se_compilent_dans_la_portee_de_leur_structure()
    {
        var sc = await SemerAsync(_base);
        var autre = await SemerAsync(_base);
        await using var db = _base.Pour(autre.StructureId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Services(db, _base.Horloge).Compilateur.CompilerAsync(sc.StructureId, Janvier));
    }

    private async Task CompilerAsync(ScenarioTotaux sc, params Mois[] mois)
    {
        await using var db = _base.Pour(sc.StructureId);
        var (_, compilateur, _) = Services(db, _base.Horloge);
        foreach (var m in mois) await compilateur.CompilerAsync(sc.StructureId, m);
    }

    private async Task<(List<TotalMensuel> Totaux, List<TotalMensuelLot> Lots)> LignesAsync(ScenarioTotaux sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        return (await db.TotauxMensuels.AsNoTracking().ToListAsync(), await db.TotauxMensuelsLots.AsNoTracking().ToListAsync());
    }

    private static List<string> Texte((List<TotalMensuel> Totaux, List<TotalMensuelLot> Lots) lignes) =>
        lignes.Totaux.Select(t => $"{t.StructureId} {t.Mois} {t.Niveau} {t.CleId} {t.MinutesComptees} {t.MinutesEnAttente} {t.Participants} {t.Contrats}")
            .Concat(lignes.Lots.Select(l => $"{l.StructureId} {l.Mois} {l.LotId} {l.Modalite} {l.TypeContrat} {l.MinutesComptees} {l.MinutesEnAttente} {l.Contrats}"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Every figure the pages read from RequetesHeures for the scenario's lots, as text.</summary>
    private async Task<string> ChiffresAsync(ScenarioTotaux sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        var requetes = Services(db, _base.Horloge).Requetes;
        var lots = db.Lots.Where(l => l.StructureId == sc.StructureId);
        var bilans = await requetes.BilansAsync(lots);
        var comptees = await requetes.MinutesCompteesAsync(lots);
        var attente = await requetes.MinutesEnAttenteAsync(lots);
        var series = new List<string>();
        foreach (var id in new[] { sc.Lot1.Id, sc.Lot2.Id, sc.Lot3.Id })
            series.Add(string.Join(";", await requetes.SerieAsync(id)));
        return string.Join("\n", bilans.OrderBy(b => b.Key.Valeur).Select(b => $"{b.Key} {b.Value}"))
               + "\n" + string.Join("\n", comptees.OrderBy(c => c.Key.Valeur).Select(c => $"{c.Key} {string.Join(";", c.Value)}"))
               + "\n" + string.Join("\n", attente.OrderBy(a => a.Key.Valeur).Select(a => $"{a.Key} {a.Value}"))
               + "\n" + string.Join("\n", series)
               + "\n" + await requetes.TotalAsync(lots);
    }
}
