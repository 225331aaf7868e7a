using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure;

/// <summary>The demo companies, seeded into the fixture's own empty database.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public class DonneesDemoEntreprisesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Ligne(string RaisonSociale, string Siret, TypeEmployeur Type, string? CodeNaf, TrancheEffectif? Tranche, string? CodePostal, int Contacts);

    private static async Task<List<Ligne>> SemerEtLireAsync(FabriqueClause fabrique)
    {
        using var portee = fabrique.Services.CreateScope();
        await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync();
        // Seeded now or by an earlier test of the class: read the demo structure's rows whoever seeded them.
        await using var db = fabrique.ToutesStructures();
        return await db.Entreprises.AsNoTracking()
            .OrderBy(e => e.RaisonSociale)
            .Select(e => new Ligne(e.RaisonSociale, e.Siret, e.TypeEmployeur, e.CodeNaf, e.TrancheEffectif, e.CodePostal, e.Contacts.Count))
            .ToListAsync();
    }

    [Fact]
    public async Task Quatre_vingts_entreprises_realistes_deterministes_et_valides()
    {
        var entreprises = await SemerEtLireAsync(app);

        Assert.Equal(80, entreprises.Count);
        Assert.Subset(entreprises.Select(e => e.RaisonSociale).ToHashSet(),
            new HashSet<string> { "Bâtiments du Val SARL", "Loire Peinture et Décoration", "Chantier d'insertion Les Jardins de Loire", "Intérim Solidaire 37 (ETTI)" });
        Assert.All(entreprises, e =>
        {
            Assert.True(Siret.EstValide(e.Siret), e.Siret);
            Assert.Equal(e.CodeNaf, Entreprise.NormaliserCodeNaf(e.CodeNaf));
            Assert.NotNull(e.CodeNaf);
            Assert.NotNull(e.Tranche);
            Assert.StartsWith("37", e.CodePostal, StringComparison.Ordinal);
            Assert.InRange(e.Contacts, 1, 3);
        });
        Assert.Equal(entreprises.Count, entreprises.Select(e => e.Siret).Distinct().Count());
        Assert.Equal(entreprises.Count, entreprises.Select(e => e.RaisonSociale).Distinct().Count());
        Assert.InRange(entreprises.Count(e => e.Type.EstSiae()), 10, 12);
        Assert.Equal(2, entreprises.Count(e => e.Type == TypeEmployeur.GEIQ));
        Assert.Equal(2, entreprises.Count(e => e.Type.EstSecteurAdapte()));
        Assert.Equal(3, entreprises.Count(e => e.Type == TypeEmployeur.ETT));
        Assert.Equal(60, entreprises.Count(e => e.Type == TypeEmployeur.Classique && e.RaisonSociale != "Bâtiments du Val SARL" && e.RaisonSociale != "Loire Peinture et Décoration"));

        using var seconde = new FabriqueClause();
        Assert.Equal(entreprises, await SemerEtLireAsync(seconde));
    }

    [Fact]
    public async Task Le_compte_entreprise_de_demo_pointe_vers_la_premiere_entreprise()
    {
        using var portee = app.Services.CreateScope();
        await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync();
        await using var db = app.ToutesStructures();

        var entrepriseId = await db.Users.Where(u => u.Email == "entreprise@clause.demo").Select(u => u.EntrepriseId).SingleAsync();

        Assert.Equal("Bâtiments du Val SARL", await db.Entreprises.Where(e => e.Id == entrepriseId).Select(e => e.RaisonSociale).SingleAsync());
    }
}
