using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Embauches;

/// <summary>The demo company account finds one pending hire proposal and one validated, and the facilitateur finds the pending one in the queue.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public class EmbauchesDemoTests(FabriqueDeveloppement app) : IClassFixture<FabriqueDeveloppement>
{
    [Fact]
    public async Task L_entreprise_de_demonstration_a_une_proposition_en_attente_et_une_validee()
    {
        var propositions = await app.LireBaseAsync(db => db.PropositionsEmbauche.AsNoTracking().ToListAsync());
        var contrats = await app.LireBaseAsync(db => db.Contrats.AsNoTracking().Where(c => propositions.Select(p => p.ContratId).Contains(c.Id)).ToListAsync());

        Assert.Equal(2, propositions.Count);
        Assert.Single(propositions, p => p.Statut == StatutProposition.EnAttente);
        var validee = Assert.Single(propositions, p => p.Statut == StatutProposition.Validee);
        Assert.Equal(StatutContrat.Valide, Assert.Single(contrats, c => c.Id == validee.ContratId).Statut);
        Assert.Equal(OrigineProposition.Entreprise, Assert.Single(contrats).Origine);

        var compte = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Entreprise);
        var portail = await (await app.ConnecterAsync(compte.Email, compte.MotDePasse)).PageAsync("/Portail/Embauches");
        var statuts = portail.QuerySelectorAll(".statut-proposition").Select(e => e.TextContent.Trim()).Order().ToList();
        Assert.Equal(["en attente", "validé"], statuts);

        var facilitateur = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Facilitateur);
        var file = await (await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse)).PageAsync("/Embauches");
        Assert.Single(file.QuerySelectorAll("#propositions tbody tr"));
    }
}
