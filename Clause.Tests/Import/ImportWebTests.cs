using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clause.Domain.Securite;
using Clause.Infrastructure.Import;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Tests.Support;
using Clause.Tests.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Import;

/// <summary>
/// The page /Import and <c>POST /api/v1/imports</c> through the real app: who reaches them (Direction and Facilitateur,
/// with a token for the API; another role refused), the shape checks of the API (dryRun, the multipart field) as problem
/// details, and the structure's past imports listed on the page. Opening a real .xlsx goes through
/// <see cref="OuvertureClasseur.Ouvrir"/> and the streaming reader: a generated workbook imported by the API.
/// </summary>
public sealed class ImportWebTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    private static MultipartFormDataContent Fichier(byte[] contenu, string nom = "reprise.xlsx")
    {
        var corps = new MultipartFormDataContent();
        var fichier = new ByteArrayContent(contenu);
        fichier.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        corps.Add(fichier, "fichier", nom);
        return corps;
    }

    private async Task<HttpClient> JetonAsync(string role, Clause.Domain.Commun.StructureId structure) =>
        app.ClientApi(await app.CreerJetonAsync(await app.CreerUtilisateurAsync(role, structure)));

    [Theory]
    [InlineData(Roles.Facilitateur)]
    [InlineData(Roles.Direction)]
    public async Task La_page_liste_les_imports_de_la_structure_seulement(string role)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var autre = await app.CreerStructureAsync();
        await using (var portee = app.Services.CreateAsyncScope())
        {
            var contexte = portee.ServiceProvider.GetRequiredService<ContexteExecution>();
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            contexte.DefinirSysteme("tests");
            db.JournauxImport.Add(new JournalImport { StructureId = structure.Id, Quand = DateTimeOffset.UtcNow, NomUtilisateur = "Camille", NomFichier = "reprise-2024.xlsx" });
            db.JournauxImport.Add(new JournalImport { StructureId = autre.Id, Quand = DateTimeOffset.UtcNow, NomUtilisateur = "Autre", NomFichier = "autre-structure.xlsx" });
            await db.SaveChangesAsync();
        }

        var html = await client.GetStringAsync("/Import");

        Assert.Contains("Vérifier sans importer", html, StringComparison.Ordinal);
        Assert.Contains("reprise-2024.xlsx", html, StringComparison.Ordinal);
        Assert.DoesNotContain("autre-structure.xlsx", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Import\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_page_refuse_un_depot_sans_fichier_sans_rien_ecrire()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var reponse = await FabriqueClause.PosterAsync(client, "/Import", new() { ["aBlanc"] = "true" });
        var html = await reponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Choisissez le classeur (.xlsx) à déposer.", html, StringComparison.Ordinal);
        Assert.Contains("Aucun import pour l'instant.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.Referent)]
    public async Task La_page_est_refusee_aux_autres_roles(string role)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var reponse = await client.GetAsync("/Import");
        Assert.NotEqual(HttpStatusCode.OK, reponse.StatusCode);
    }

    [Fact]
    public async Task L_API_exige_dryRun_et_le_champ_fichier_en_problem_details()
    {
        var structure = await app.CreerStructureAsync();
        var client = await JetonAsync(Roles.Facilitateur, structure.Id);

        var sansDryRun = await client.PostAsync("/api/v1/imports", Fichier([1, 2, 3]));
        var sansFichier = await client.PostAsync("/api/v1/imports?dryRun=true", new MultipartFormDataContent { { new StringContent("x"), "autre" } });

        foreach (var (reponse, champ) in new[] { (sansDryRun, "dryRun"), (sansFichier, "fichier") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
            Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
            var probleme = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement;
            Assert.True(probleme.GetProperty("errors").TryGetProperty(champ, out _), champ);
        }
    }

    [Theory]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    public async Task L_API_refuse_le_jeton_d_un_autre_role(string role)
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = role == Roles.Entreprise
            ? await app.CreerUtilisateurAsync(role, structure.Id, entrepriseId: await EntrepriseAsync(structure.Id))
            : await app.CreerUtilisateurAsync(role, structure.Id, donneurOrdreId: await DonneurAsync(structure.Id));
        var client = app.ClientApi(await app.CreerJetonAsync(utilisateur));

        var reponse = await client.PostAsync("/api/v1/imports?dryRun=true", Fichier([1, 2, 3]));

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
    }

    /// <summary>A real workbook (the benchmark's generator, read by the streaming reader): dry run, import, re-import.</summary>
    [Fact]
    public async Task L_API_verifie_a_blanc_importe_puis_ne_double_rien_avec_un_vrai_classeur()
    {
        var structure = await app.CreerStructureAsync();
        var client = await JetonAsync(Roles.Facilitateur, structure.Id);
        using var flux = new MemoryStream();
        GenerateurClasseurImport.Ecrire(flux, new ParametresClasseurImport(LignesHeures: 12, MoisParContrat: 6, ContratsParLot: 1, LotsParMarche: 1));
        var classeur = flux.ToArray();

        var aBlanc = await ReponseAsync(await client.PostAsync("/api/v1/imports?dryRun=true", Fichier(classeur)));
        var contratsApresABlanc = await CompterContratsAsync(structure.Id);
        var import = await ReponseAsync(await client.PostAsync("/api/v1/imports?dryRun=false", Fichier(classeur)));
        var contratsApresImport = await CompterContratsAsync(structure.Id);
        var reimport = await ReponseAsync(await client.PostAsync("/api/v1/imports?dryRun=false", Fichier(classeur)));

        Assert.True(aBlanc.GetProperty("valide").GetBoolean(), aBlanc.ToString());
        Assert.Equal(0, contratsApresABlanc);
        Assert.True(import.GetProperty("valide").GetBoolean(), import.ToString());
        Assert.Equal(2, contratsApresImport);
        Assert.Equal(2, import.GetProperty("compteurs").GetProperty("Contrats").GetProperty("crees").GetInt32());
        Assert.Equal(12, import.GetProperty("compteurs").GetProperty("Heures").GetProperty("crees").GetInt32());
        Assert.Equal(2, await CompterContratsAsync(structure.Id));
        var heures = reimport.GetProperty("compteurs").GetProperty("Heures");
        Assert.Equal((0, 0, 12), (heures.GetProperty("crees").GetInt32(), heures.GetProperty("modifies").GetInt32(), heures.GetProperty("inchanges").GetInt32()));
    }

    [Fact]
    public async Task L_API_repond_400_a_un_fichier_qui_n_est_pas_un_classeur_sans_rien_ecrire()
    {
        var structure = await app.CreerStructureAsync();
        var client = await JetonAsync(Roles.Facilitateur, structure.Id);

        var reponse = await client.PostAsync("/api/v1/imports?dryRun=false", Fichier("%PDF-1.7 faux classeur"u8.ToArray(), "reprise.xlsx"));

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("fichier", out _));
        Assert.Equal(0, await CompterContratsAsync(structure.Id));
    }

    private static async Task<JsonElement> ReponseAsync(HttpResponseMessage reponse)
    {
        var texte = await reponse.Content.ReadAsStringAsync();
        Assert.True(reponse.StatusCode == HttpStatusCode.OK, texte);
        return JsonDocument.Parse(texte).RootElement.Clone();
    }

    private async Task<int> CompterContratsAsync(Clause.Domain.Commun.StructureId structure)
    {
        await using var portee = app.Services.CreateAsyncScope();
        portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme("tests");
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Contrats), c => c.StructureId == structure);
    }

    private async Task<Clause.Domain.Commun.EntrepriseId> EntrepriseAsync(Clause.Domain.Commun.StructureId structure)
    {
        var entreprise = Clause.Domain.Entreprises.Entreprise.Creer(structure, "BTP", Clause.Domain.Commun.Siret.AvecCle("5521005540001"),
            Clause.Domain.Entreprises.TypeEmployeur.Classique);
        await using var portee = app.Services.CreateAsyncScope();
        portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme("tests");
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Entreprises.Add(entreprise);
        await db.SaveChangesAsync();
        return entreprise.Id;
    }

    private async Task<Clause.Domain.Commun.DonneurOrdreId> DonneurAsync(Clause.Domain.Commun.StructureId structure)
    {
        var donneur = Clause.Domain.DonneursOrdre.DonneurOrdre.Creer(structure, "Ville", Clause.Domain.DonneursOrdre.TypeDonneurOrdre.EntreprisePrivee,
            null, null, null, "Tours");
        await using var portee = app.Services.CreateAsyncScope();
        portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme("tests");
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.DonneursOrdre.Add(donneur);
        await db.SaveChangesAsync();
        return donneur.Id;
    }
}
