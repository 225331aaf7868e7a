using System.Net;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Admin;

/// <summary>/Admin/PisteAudit: the administrator verifies the audit chains and sees the first broken link.</summary>
public class PisteAuditPageTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task L_administrateur_verifie_la_piste_puis_voit_la_ligne_falsifiee()
    {
        var admin = (await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur)).Client;
        var structure = await app.CreerStructureAsync("PLIE vérifié");
        await app.SemerDonneurAsync(structure.Id, "Ville de Chinon", Clause.Domain.DonneursOrdre.TypeDonneurOrdre.Commune);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/PisteAudit")).StatusCode);
        var intacte = WebUtility.HtmlDecode(await (await FabriqueClause.PosterAsync(admin, "/Admin/PisteAudit", new())).Content.ReadAsStringAsync());
        Assert.Contains("Toutes les chaînes sont intactes", intacte, StringComparison.Ordinal);
        Assert.Contains("PLIE vérifié", intacte, StringComparison.Ordinal);

        var falsifiee = await app.LireBaseAsync(db => db.JournalAudit.Where(j => j.StructureId == structure.Id && j.TypeEntite == "DonneurOrdre")
            .Select(j => j.Id).SingleAsync());
        await app.LireBaseAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE JournalAudit SET Changements = replace(Changements, 'Chinon', 'Chinen') WHERE Id = {0}", falsifiee));

        var rompue = WebUtility.HtmlDecode(await (await FabriqueClause.PosterAsync(admin, "/Admin/PisteAudit", new())).Content.ReadAsStringAsync());
        Assert.Contains("1 chaîne(s) rompue(s)", rompue, StringComparison.Ordinal);
        Assert.Contains(falsifiee.ToString(), rompue, StringComparison.Ordinal);
        Assert.Contains("les valeurs modifiées ne correspondent plus à leur empreinte", rompue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_direction_n_a_pas_acces_a_la_piste_de_l_installation()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);

        var reponse = await client.GetAsync("/Admin/PisteAudit");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
