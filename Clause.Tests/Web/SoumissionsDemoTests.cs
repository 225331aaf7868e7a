using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;

namespace Clause.Tests.Web;

/// <summary>Issue 9 demo: the demo company's month submitted on the portal waits in the facilitateur's queue; its months to declare and rejected line stay.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public class SoumissionsDemoTests(FabriqueDeveloppement app) : IClassFixture<FabriqueDeveloppement>
{
    [Fact]
    public async Task Une_declaration_du_portail_attend_dans_la_file_et_l_entreprise_garde_ses_mois_a_declarer()
    {
        var facilitateur = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Facilitateur);
        var file = await (await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse)).PageAsync("/Heures/AValider");
        var carte = Assert.Single(file.QuerySelectorAll("#soumissions-a-valider li.carte"));
        Assert.Contains("1 ligne en attente", carte.TextContent, StringComparison.Ordinal);

        var entreprise = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Entreprise);
        var client = await app.ConnecterAsync(entreprise.Email, entreprise.MotDePasse);
        var accueil = await client.PageAsync("/Portail");
        Assert.NotEmpty(accueil.QuerySelectorAll(".mois-a-declarer li.en-retard a"));
        Assert.NotEmpty(accueil.QuerySelectorAll("#rectifications h3 a"));
        Assert.NotEmpty((await client.PageAsync("/Portail/Heures")).QuerySelectorAll("#mois-a-declarer a"));
    }
}
