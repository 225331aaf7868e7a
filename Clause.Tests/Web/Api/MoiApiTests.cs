using System.Net;
using System.Text.Json;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Api;

/// <summary><c>GET /api/v1/moi</c>: who the token belongs to, and its scope.</summary>
public sealed class MoiApiTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    [Fact]
    public async Task Un_jeton_d_entreprise_dit_son_utilisateur_son_role_sa_structure_son_entreprise_et_le_jeton()
    {
        var structure = await app.CreerStructureAsync("PLIE du Val");
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val SARL", "73282932000074");
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, entrepriseId: entreprise.Id);
        var client = app.ClientApi(await app.CreerJetonAsync(utilisateur, "Logiciel de paie"));

        var reponse = await client.GetAsync("/api/v1/moi");
        var json = await reponse.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var moi = JsonDocument.Parse(json).RootElement;
        Assert.Equal(utilisateur.Id, moi.GetProperty("id").GetGuid());
        Assert.Equal(utilisateur.Email, moi.GetProperty("email").GetString());
        Assert.Equal("Entreprise", moi.GetProperty("role").GetString());
        Assert.Equal("PLIE du Val", moi.GetProperty("structure").GetProperty("nom").GetString());
        Assert.Equal(entreprise.Id.Valeur, moi.GetProperty("entreprise").GetProperty("id").GetGuid());
        Assert.Equal("Bâtiments du Val SARL", moi.GetProperty("entreprise").GetProperty("raisonSociale").GetString());
        Assert.Equal(JsonValueKind.Null, moi.GetProperty("donneurOrdre").ValueKind);
        Assert.Equal("Logiciel de paie", moi.GetProperty("jeton").GetProperty("nom").GetString());
        var expiration = await app.LireAsync(db => db.JetonsAcces.Where(j => j.UtilisateurId == utilisateur.Id).Select(j => j.ExpireLe).SingleAsync());
        Assert.Equal(expiration, moi.GetProperty("jeton").GetProperty("expireLe").GetDateTimeOffset());
        Assert.True(expiration > app.Horloge.GetUtcNow().AddDays(89));
    }

    [Fact]
    public async Task Un_jeton_de_facilitateur_n_a_ni_entreprise_ni_donneur_d_ordre()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);

        var moi = JsonDocument.Parse(await app.ClientApi(await app.CreerJetonAsync(utilisateur)).GetStringAsync("/api/v1/moi")).RootElement;

        Assert.Equal("Facilitateur", moi.GetProperty("role").GetString());
        Assert.Equal(structure.Id.Valeur, moi.GetProperty("structure").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, moi.GetProperty("entreprise").ValueKind);
    }
}
