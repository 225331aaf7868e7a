using Clause.Domain.Marches;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// Issue 15 item 10: the demo looks like a real structure. The contrats go first to the lots in execution, so most of
/// them have hours (not « 0 h » on most of the home page), some ahead of the straight line from their start to their end,
/// some behind, a few in difficulty (under a third of it) — seeded on 27/11/2026 like the other demo tests.
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed class SemeurDemoRepartitionTests : IClassFixture<FabriqueClause>
{
    private readonly FabriqueClause _fabrique;

    public SemeurDemoRepartitionTests(FabriqueClause fabrique) => _fabrique = fabrique;

    [Fact]
    public async Task La_plupart_des_lots_en_execution_ont_des_heures_certains_en_avance_d_autres_en_retard()
    {
        var jour = new DateOnly(2026, 11, 27);
        _fabrique.Horloge.SetUtcNow(new DateTimeOffset(jour.Year, jour.Month, jour.Day, 9, 0, 0, TimeSpan.Zero));
        using var portee = _fabrique.Services.CreateScope();
        Assert.True(await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync());
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();

        var requete = db.Lots.Where(l => l.Statut == StatutLot.EnExecution && l.HeuresDuesMinutes > 0);
        var lots = await requete.Select(l => new { l.Id, l.DebutExecution, l.FinExecution }).ToListAsync();
        var bilans = await portee.ServiceProvider.GetRequiredService<RequetesHeures>().BilansAsync(requete);
        Assert.True(lots.Count >= 20, $"{lots.Count} lots en exécution seulement");

        var avecHeures = 0;
        var enAvance = 0;
        var enRetard = 0;
        var enDifficulte = 0;
        foreach (var lot in lots)
        {
            var bilan = bilans[lot.Id];
            if (bilan.RealiseesMinutes + bilan.EnAttenteMinutes > 0) avecHeures++;
            // The straight line from the start to the end of execution, at today.
            var fraction = Math.Clamp((double)(jour.DayNumber - lot.DebutExecution.DayNumber) / (lot.FinExecution.DayNumber - lot.DebutExecution.DayNumber + 1), 0, 1);
            var attendu = bilan.DuesMinutes * fraction;
            if (attendu <= 0) continue;
            var rapport = bilan.RealiseesMinutes / attendu;
            if (rapport >= 1.1) enAvance++;
            if (rapport < 0.8) enRetard++;
            if (rapport is > 0 and < 0.34) enDifficulte++;
        }

        var resume = $"{lots.Count} lots en exécution : {avecHeures} avec heures, {enAvance} en avance, {enRetard} en retard, {enDifficulte} en difficulté";
        Assert.True(avecHeures * 100 >= lots.Count * 80, resume);
        Assert.True(enAvance >= 3, resume);
        Assert.True(enRetard >= 3, resume);
        Assert.True(enDifficulte >= 1, resume);
        // The structure's overall rate on its lots in execution (18,4 % on the home page before) is now about a third.
        var total = Clause.Domain.Heures.Comptage.Agreger(bilans.Values);
        Assert.True(total.Taux is { PointsDeBase: >= 3_000 }, $"{resume} ; taux total {total.Taux}");
    }
}
