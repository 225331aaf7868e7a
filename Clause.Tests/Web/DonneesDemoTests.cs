using System.Net;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web;

public sealed class FabriqueDeveloppement() : FabriqueClause("Development");

public sealed class FabriqueProduction() : FabriqueClause("Production")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ConfigurerProduction(builder);
    }
}

[Collection(CollectionDonneesDemo.Nom)]
public class DonneesDemoTests(FabriqueDeveloppement app) : IClassFixture<FabriqueDeveloppement>
{
    [Fact]
    public async Task Chaque_compte_de_demonstration_affiche_se_connecte()
    {
        foreach (var compte in SemeurDemo.Comptes)
        {
            var client = await app.ConnecterAsync(compte.Email, compte.MotDePasse);
            var accueil = await client.GetAsync("/");
            // The company account's home is its portal.
            if (compte.Role == Clause.Domain.Securite.Roles.Entreprise)
            {
                Assert.Equal("/Portail", accueil.Headers.Location?.OriginalString);
                accueil = await client.GetAsync("/Portail");
            }
            // The buyer account's home is the buyer portal.
            if (compte.Role == Clause.Domain.Securite.Roles.DonneurOrdre)
            {
                Assert.Equal("/Acheteur", accueil.Headers.Location?.OriginalString);
                accueil = await client.GetAsync("/Acheteur");
            }
            Assert.Equal(HttpStatusCode.OK, accueil.StatusCode);
        }
    }

    [Fact]
    public async Task La_demonstration_cree_une_structure_et_une_douzaine_de_donneurs_d_ordre()
    {
        await using var db = app.ToutesStructures();
        Assert.Equal(1, await db.Structures.CountAsync());
        Assert.InRange(await db.DonneursOrdre.CountAsync(), 10, 14);
        Assert.Equal(1, await db.Reglages.CountAsync());
    }

    [Fact]
    public async Task Le_compte_entreprise_de_demonstration_a_des_mois_a_declarer_en_retard_et_une_ligne_a_corriger()
    {
        var compte = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Entreprise);
        var client = await app.ConnecterAsync(compte.Email, compte.MotDePasse);

        var page = await client.PageAsync("/Portail");

        Assert.NotEmpty(page.QuerySelectorAll("#lots-portail li.carte"));
        Assert.NotEmpty(page.QuerySelectorAll(".mois-a-declarer li.en-retard"));
        Assert.NotEmpty(page.QuerySelectorAll("#rectifications .motif-rejet"));
        Assert.Contains("Relevé d'heures non signé par le salarié.", page.Texte("#rectifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Semer_deux_fois_ne_cree_rien_de_plus()
    {
        using var portee = app.Services.CreateScope();
        var semeur = portee.ServiceProvider.GetRequiredService<SemeurDemo>();
        Assert.False(await semeur.SemerAsync());
    }
}

[Collection(CollectionDonneesDemo.Nom)]
public class DonneesDemoProductionTests(FabriqueProduction app) : IClassFixture<FabriqueProduction>
{
    [Fact]
    public async Task Jamais_de_donnees_de_demonstration_en_production()
    {
        _ = app.Server; // starts the app (migrations run, seeding must not)
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("test");
        Assert.Equal(0, await db.Structures.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
