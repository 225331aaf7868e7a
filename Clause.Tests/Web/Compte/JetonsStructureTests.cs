using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Compte;

/// <summary>The Direction's list of the structure's tokens, its revocations, and the other structures kept out.</summary>
public class JetonsStructureTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Liste = "/Structure/Jetons";

    private Task<Guid> IdDuJetonAsync(Guid utilisateurId) =>
        app.LireBaseAsync(db => db.JetonsAcces.IgnoreQueryFilters().Where(j => j.UtilisateurId == utilisateurId).Select(j => j.Id).SingleAsync());

    private async Task<RefusJeton?> RefusAsync(string secret)
    {
        using var portee = app.Services.CreateScope();
        return (await portee.ServiceProvider.GetRequiredService<JetonsAcces>().AuthentifierAsync(secret)).Refus;
    }

    [Fact]
    public async Task La_direction_voit_les_jetons_des_utilisateurs_de_sa_structure_et_d_elle_seule()
    {
        var (direction, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var entreprise = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id);
        var secret = await app.CreerJetonAsync(facilitateur, "tableur du facilitateur");
        await app.CreerJetonAsync(entreprise, "paie de l'entreprise");
        var autre = await app.CreerStructureAsync();
        await app.CreerJetonAsync(await app.CreerUtilisateurAsync(Roles.Facilitateur, autre.Id), "jeton d'ailleurs");

        var page = await direction.PageAsync(Liste);
        var lignes = page.QuerySelectorAll("table tbody tr").Select(tr => tr.TextContent).ToList();

        Assert.Equal(2, lignes.Count);
        Assert.Contains(lignes, l => l.Contains(facilitateur.NomComplet, StringComparison.Ordinal) && l.Contains("tableur du facilitateur", StringComparison.Ordinal)
            && l.Contains(secret[..17], StringComparison.Ordinal) && l.Contains("Actif", StringComparison.Ordinal));
        Assert.Contains(lignes, l => l.Contains("paie de l'entreprise", StringComparison.Ordinal));
        Assert.DoesNotContain(lignes, l => l.Contains("jeton d'ailleurs", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_filtre_ne_garde_que_les_jetons_actifs()
    {
        var structure = await app.CreerStructureAsync();
        var directrice = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        var revoque = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        await app.CreerJetonAsync(revoque, "révoqué");
        using (var portee = app.Services.CreateScope())
        {
            await portee.ServiceProvider.GetRequiredService<JetonsAcces>().RevoquerTousAsync(revoque.Id, "essai");
            // Valid through tomorrow only: expired once the clock moves two days on.
            var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
            var utilisateurs = portee.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Utilisateur>>();
            var court = await utilisateurs.FindByIdAsync((await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id)).Id.ToString());
            await jetons.CreerAsync(court!, "expiré", DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime).AddDays(1));
        }
        app.Horloge.Advance(TimeSpan.FromDays(2));
        await app.CreerJetonAsync(await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id), "actif");
        var direction = await app.ConnecterAsync(directrice.Email!);

        var tous = (await direction.PageAsync(Liste)).QuerySelectorAll("table tbody tr").Select(tr => tr.TextContent).ToList();
        var actifs = (await direction.PageAsync(Liste + "?actifs=true")).QuerySelectorAll("table tbody tr").Select(tr => tr.TextContent).ToList();

        Assert.Equal(3, tous.Count);
        Assert.Contains(tous, l => l.Contains("Expiré", StringComparison.Ordinal));
        Assert.Contains(tous, l => l.Contains("Révoqué le", StringComparison.Ordinal) && l.Contains("(essai)", StringComparison.Ordinal));
        Assert.Contains("actif", Assert.Single(actifs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_direction_revoque_le_jeton_d_un_utilisateur_en_se_nommant()
    {
        var (direction, structure, moi) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var secret = await app.CreerJetonAsync(facilitateur, "tableur");
        var id = await IdDuJetonAsync(facilitateur.Id);
        Assert.NotNull((await direction.PageAsync(Liste)).QuerySelector($"a[href=\"/Structure/RevoquerJeton/{id}\"]"));

        var confirmation = await direction.PageAsync($"/Structure/RevoquerJeton/{id}");
        Assert.Contains(facilitateur.NomComplet, confirmation.QuerySelector("dl.fiche")!.TextContent, StringComparison.Ordinal);
        var reponse = await FabriqueClause.PosterAsync(direction, $"/Structure/RevoquerJeton/{id}", new());

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(Liste, reponse.Headers.Location!.OriginalString);
        var jeton = await app.LireBaseAsync(db => db.JetonsAcces.SingleAsync(j => j.Id == id));
        Assert.Equal($"révoqué par {moi.NomComplet}", jeton.MotifRevocation);
        Assert.Equal(RefusJeton.Revoque, await RefusAsync(secret));
        // The holder sees who closed it.
        var sienne = await (await app.ConnecterAsync(facilitateur.Email!)).PageAsync("/Compte/MonCompte");
        Assert.Contains($"(révoqué par {moi.NomComplet})", sienne.QuerySelector("table tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_jeton_d_une_autre_structure_repond_404_et_reste_actif()
    {
        var (direction, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var autre = await app.CreerStructureAsync();
        var etranger = await app.CreerUtilisateurAsync(Roles.Facilitateur, autre.Id);
        var secret = await app.CreerJetonAsync(etranger, "paie");
        var id = await IdDuJetonAsync(etranger.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await direction.GetAsync($"/Structure/RevoquerJeton/{id}")).StatusCode);
        var reponse = await FabriqueClause.PosterAsync(direction, $"/Structure/RevoquerJeton/{id}", new(), Liste);

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Null(await RefusAsync(secret));
    }

    [Theory]
    [InlineData(Roles.Facilitateur)]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.Administrateur)]
    public async Task Seule_la_direction_ouvre_la_liste_des_jetons_de_la_structure(string role)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var reponse = await client.GetAsync(Liste);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null((await client.PageAsync("/")).QuerySelector($"header a[href=\"{Liste}\"]"));
    }

    [Fact]
    public async Task Le_menu_de_la_direction_mene_aux_jetons_de_la_structure()
    {
        var (direction, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);

        Assert.NotNull((await direction.PageAsync("/")).QuerySelector($"header a[href=\"{Liste}\"]"));
    }
}
