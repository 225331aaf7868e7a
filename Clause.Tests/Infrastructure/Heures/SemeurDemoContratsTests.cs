using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>The demo contrats and hours pass every rule and show the situations the pages need (seeded on 27/11/2026).</summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed class SemeurDemoContratsTests : IClassFixture<FabriqueClause>
{
    private readonly FabriqueClause _fabrique;

    public SemeurDemoContratsTests(FabriqueClause fabrique) => _fabrique = fabrique;

    [Fact]
    public async Task Les_donnees_de_demo_couvrent_contrats_et_deux_ans_d_heures()
    {
        _fabrique.Horloge.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var portee = _fabrique.Services.CreateScope();
        Assert.True(await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync());
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        var reglages = await db.Reglages.SingleAsync();

        Assert.InRange(await db.Contrats.CountAsync(), 200, 270);
        Assert.True(await db.Contrats.Select(c => c.ParticipantId).Distinct().CountAsync() >= 60);
        Assert.True(await db.Contrats.CountAsync(c => c.Statut == StatutContrat.Propose) >= 3);
        Assert.True(await db.Contrats.CountAsync(c => c.Statut == StatutContrat.Refuse && c.MotifRefus != null) >= 1);
        Assert.InRange(await db.Contrats.CountAsync(c => c.MotifDerogation != null && c.EligibiliteValide), 1, 5);
        Assert.InRange(await db.Contrats.CountAsync(c => c.Statut == StatutContrat.Valide && !c.EligibiliteValide), 1, 3);
        Assert.True(await db.Contrats.Select(c => c.Modalite).Distinct().CountAsync() >= 3);
        // Every employer fits its modality.
        var employeurs = await db.Entreprises.ToDictionaryAsync(e => e.Id, e => e.TypeEmployeur);
        var titulaires = (await db.Attributions.Where(a => a.Role != RoleAttribution.SousTraitant).Select(a => new { a.LotId, a.EntrepriseId }).ToListAsync())
            .Select(a => (a.LotId, a.EntrepriseId)).ToHashSet();
        foreach (var c in await db.Contrats.Select(c => new { c.LotId, c.EmployeurId, c.Modalite }).ToListAsync())
            Assert.True(c.Modalite == ModaliteContrat.EmbaucheDirecte ? titulaires.Contains((c.LotId, c.EmployeurId)) : c.Modalite.AccepteEmployeur(employeurs[c.EmployeurId]));

        // About two years of hours up to October 2026, the last month mostly pending.
        Assert.True(await db.DeclarationsHeures.CountAsync() > 1_000);
        Assert.Equal(new Mois(2026, 10), await db.DeclarationsHeures.MaxAsync(d => d.Mois));
        Assert.True(await db.DeclarationsHeures.MinAsync(d => d.Mois) <= new Mois(2024, 12));
        Assert.True(await db.DeclarationsHeures.CountAsync(d => d.Mois == new Mois(2026, 10) && d.Statut == StatutDeclaration.Declaree) >= 10);
        Assert.True(await db.DeclarationsHeures.CountAsync(d => d.Statut == StatutDeclaration.Rejetee) >= 5);
        Assert.True(await db.VersionsDeclaration.CountAsync(v => v.Statut == StatutDeclaration.Rejetee && v.MotifRejet != null) >= 10);
        Assert.True(await db.VersionsDeclaration.CountAsync() > await db.DeclarationsHeures.CountAsync());
        Assert.True(await db.DeclarationsHeures.CountAsync(d => d.Converti) >= 10);
        // §7.1 holds for every participant and month, across every lot.
        var maxParticipantMois = await db.DeclarationsHeures.Where(d => d.Statut != StatutDeclaration.Rejetee)
            .GroupBy(d => new { d.ParticipantId, d.Mois }).Select(g => g.Sum(d => d.Minutes)).MaxAsync();
        Assert.True(maxParticipantMois <= reglages.MaxMinutesParMois);

        // Some lots ahead of their obligation, some far behind.
        var bilans = await portee.ServiceProvider.GetRequiredService<RequetesHeures>()
            .BilansAsync(db.Lots.Where(l => l.Statut == StatutLot.EnExecution || l.Statut == StatutLot.CloseConforme || l.Statut == StatutLot.CloseNonConforme || l.Statut == StatutLot.ClotureAVerifier));
        Assert.Contains(bilans.Values, b => b.Taux is { PointsDeBase: > Taux.Cent });
        Assert.Contains(bilans.Values, b => b.Taux is { PointsDeBase: > 0 and < 5_000 });
        Assert.True(bilans.Values.Count(b => b.EnAttenteMinutes > 0) >= 5);
    }
}
