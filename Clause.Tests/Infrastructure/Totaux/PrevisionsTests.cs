using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Clause.Tests.Infrastructure.Totaux.ScenarioTotaux;

namespace Clause.Tests.Infrastructure.Totaux;

/// <summary>
/// <c>RequetesHeures.PrevisionsAsync</c> on a real SQLite database (docs/domain.md « Prévision des heures d'un lot »): the
/// lots in execution with hours due only, the counted minutes of the lines (pending and rejected ones left out), the same
/// forecast whether the past months are compiled or live, and the structure's due day moving the window.
/// </summary>
public sealed class PrevisionsTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private static long H(long heures) => heures * 60;

    private async Task<ScenarioTotaux> SemerEnExecutionAsync()
    {
        var sc = await SemerAsync(_base);
        await using var db = _base.Pour(sc.StructureId);
        foreach (var lot in await db.Lots.Include(l => l.Attributions).Where(l => l.Id == sc.Lot1.Id || l.Id == sc.Lot2.Id).ToListAsync())
        {
            lot.Lancer();
            lot.MettreEnExecution();
        }
        await db.SaveChangesAsync();
        return sc;
    }

    private async Task<IReadOnlyDictionary<LotId, PrevisionLot>> PrevisionsAsync(ScenarioTotaux sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        var (requetes, _, _) = Services(db, _base.Horloge);
        return await requetes.PrevisionsAsync(db.Lots);
    }

    [Fact]
    public async Task Le_15_avril_le_rythme_du_lot_2_est_la_moyenne_de_janvier_a_mars()
    {
        var sc = await SemerEnExecutionAsync();

        var previsions = await PrevisionsAsync(sc);

        // Lot 3 is not in execution: no entry.
        Assert.Equal(new[] { sc.Lot1.Id, sc.Lot2.Id }.OrderBy(l => l.Valeur), previsions.Keys.OrderBy(l => l.Valeur));
        // Lot 2: 50 + 10 + 40 = 100 h over January–March → 2 000 min a month; 9 months remaining (April → December);
        // 100 h + 100 h × 9 / 3 = 400 h.
        var lot2 = previsions[sc.Lot2.Id];
        Assert.Equal(H(100) / 3, lot2.RythmeMinutesParMois);
        Assert.Equal(9, lot2.MoisRestants);
        Assert.Equal(H(400), lot2.ProjectionFinMinutes);
        Assert.Equal(Comptage.TauxRealisation(H(400), sc.Lot2.HeuresDuesMinutes), lot2.TauxProjete);
        Assert.Equal(H(400) < sc.Lot2.HeuresDuesMinutes, lot2.SousObjectif);
        // Lot 1: only January's validated lines count (February's 80 h are pending, Petit's 5 h rejected).
        var parametres = ParametresComptage.De(sc.Lot1);
        Assert.Equal(
            Prevision.Calculer(parametres, sc.Lot1.DebutExecution, sc.Lot1.FinExecution, [new MinutesDuMois(Janvier, H(100), H(10))], Mars),
            previsions[sc.Lot1.Id]);
    }

    [Fact]
    public async Task Les_mois_compiles_donnent_la_meme_prevision_que_les_lignes()
    {
        var sc = await SemerEnExecutionAsync();
        var vivantes = await PrevisionsAsync(sc);

        await using (var db = _base.Pour(sc.StructureId))
        {
            var (_, compilateur, _) = Services(db, _base.Horloge);
            foreach (var m in new[] { Janvier, Fevrier, Mars }) await compilateur.CompilerAsync(sc.StructureId, m);
        }
        await using (var db = _base.Pour(sc.StructureId))
            Assert.Equal(3, await db.MoisCompiles.CountAsync());

        Assert.Equal(vivantes.OrderBy(p => p.Key.Valeur), (await PrevisionsAsync(sc)).OrderBy(p => p.Key.Valeur));
    }

    [Fact]
    public async Task Jusqu_au_jour_limite_le_mois_precedent_n_entre_pas_dans_le_rythme()
    {
        var sc = await SemerEnExecutionAsync();
        _base.Horloge.SetUtcNow(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.Zero));

        // 10 May (due day 10): April is not counted yet, the window is still January–March, 9 months remain.
        var le10 = (await PrevisionsAsync(sc))[sc.Lot2.Id];
        Assert.Equal(H(100) / 3, le10.RythmeMinutesParMois);
        Assert.Equal(9, le10.MoisRestants);

        // 11 May: April counts (no hours: zero), window February–April = 10 + 40 + 0 = 50 h / 3; 8 months remain.
        _base.Horloge.SetUtcNow(new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.Zero));
        var le11 = (await PrevisionsAsync(sc))[sc.Lot2.Id];
        Assert.Equal(FormatFrancais.DiviserArrondi(H(50), 3), le11.RythmeMinutesParMois);
        Assert.Equal(8, le11.MoisRestants);
        Assert.Equal(H(100) + FormatFrancais.DiviserArrondi(H(50) * 8, 3), le11.ProjectionFinMinutes);
    }
}
