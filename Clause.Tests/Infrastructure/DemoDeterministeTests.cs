using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure;

[Collection(CollectionDonneesDemo.Nom)]
public class DemoDeterministeTests
{
    [Fact]
    public async Task Deux_semis_donnent_les_memes_donnees()
    {
        Assert.Equal(await NomsSemesAsync(), await NomsSemesAsync());
    }

    private static async Task<List<string>> NomsSemesAsync()
    {
        await using var app = new FabriqueDeveloppementIsolee();
        _ = app.Server;
        await using var db = app.ToutesStructures();
        var donneurs = await db.DonneursOrdre.OrderBy(d => d.RaisonSociale).Select(d => d.RaisonSociale + "|" + d.Siret + "|" + d.Adresse).ToListAsync();
        var contacts = await db.DonneursOrdre.SelectMany(d => d.Contacts).OrderBy(c => c.Email).Select(c => c.Nom + "|" + c.Email).ToListAsync();
        return [.. donneurs, .. contacts];
    }

    private sealed class FabriqueDeveloppementIsolee() : FabriqueClause("Development");
}
