using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure;

/// <summary>The demo data of opérations, marchés and lots pass every rule and cover the situations pages show.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed class SemeurDemoMarchesTests : IClassFixture<FabriqueClause>
{
    private readonly FabriqueClause _fabrique;

    public SemeurDemoMarchesTests(FabriqueClause fabrique) => _fabrique = fabrique;

    [Fact]
    public async Task Les_donnees_de_demo_couvrent_operations_marches_lots_et_attributions()
    {
        using var portee = _fabrique.Services.CreateScope();
        Assert.True(await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync());
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();

        Assert.InRange(await db.Operations.CountAsync(), 38, 42);
        Assert.True(await db.Operations.CountAsync(o => o.EnQpv && o.Programme != ProgrammeRenouvellement.Aucun) >= 5);
        Assert.InRange(await db.Marches.CountAsync(), 140, 200);
        Assert.True(await db.Marches.CountAsync(m => m.Type == TypeMarche.AccordCadreBonsCommande) >= 5);
        Assert.True(await db.BonsCommande.AnyAsync());
        Assert.True(await db.Lots.CountAsync(l => l.Fondements == Fondement.Aucun) >= 3);
        Assert.True(await db.ObligationsInsertion.AnyAsync(o => o.Methode == MethodeCalcul.F2));
        Assert.True(await db.ObligationsInsertion.AnyAsync(o => o.Methode == MethodeCalcul.F3));
        Assert.True(await db.ObligationsInsertion.AnyAsync(o => o.Origine == OrigineObligation.Avenant));
        foreach (var statut in Enum.GetValues<StatutLot>())
            Assert.True(await db.Lots.AnyAsync(l => l.Statut == statut), $"Aucun lot au statut {statut}.");
        // Every lot in execution or later has its attributaire (statuses are string codes: no < or > in SQL).
        StatutLot[] executes = [StatutLot.EnExecution, StatutLot.ClotureAVerifier, StatutLot.CloseConforme, StatutLot.CloseNonConforme];
        Assert.True(await db.Lots.CountAsync(l => executes.Contains(l.Statut)) > 50);
        Assert.False(await db.Lots.AnyAsync(l => executes.Contains(l.Statut) && !l.Attributions.Any(a => a.Role == RoleAttribution.Attributaire)));
        Assert.Equal(await db.Lots.CountAsync(), await db.ObligationsInsertion.Select(o => o.LotId).Distinct().CountAsync());
        Assert.True(await db.Attributions.AnyAsync(a => a.Role == RoleAttribution.SousTraitant));
    }
}
