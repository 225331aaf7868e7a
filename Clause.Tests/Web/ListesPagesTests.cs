using Clause.Domain.Operations;
using Clause.Domain.Securite;
using Clause.Tests.Support;

namespace Clause.Tests.Web;

/// <summary>
/// Every Index page sorts and pages through the list helper: 21 rows « Liste A » … « Liste U » filtered by a search,
/// sorted descending, page 2 of 2; the sorted header carries aria-sort and its link keeps the filter; the pagination
/// keeps filter and sort; a page beyond the last shows the last, page 0 the first, an unknown column the default sort.
/// </summary>
public class ListesPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly string[] Noms = Enumerable.Range(0, 21).Select(i => $"Liste {(char)('A' + i)}").ToArray();

    [Fact]
    public async Task Donneurs_d_ordre_tries_et_pagines()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        foreach (var nom in Noms) await app.SemerDonneurAsync(structure.Id, nom);

        await TrieEtPagineAsync(client, "/DonneursOrdre", "q=Liste", "raison", "Liste A");
    }

    [Fact]
    public async Task Entreprises_triees_et_paginees()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        foreach (var nom in Noms) await app.CreerEntrepriseAsync(structure.Id, nom, AcheteursDeTest.NouveauSiret());

        await TrieEtPagineAsync(client, "/Entreprises", "Recherche=Liste", "nom", "Liste A");
    }

    [Fact]
    public async Task Operations_triees_et_paginees()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        await app.EcrireAsync(db =>
        {
            foreach (var nom in Noms)
                db.Operations.Add(Operation.Creer(s.DonneurOrdre, nom, "Tours", null, null, ProgrammeRenouvellement.Aucun, false, null, null));
        });

        await TrieEtPagineAsync(client, "/Operations", "q=Liste", "nom", "Liste A");
    }

    [Fact]
    public async Task Marches_tries_et_pagines()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        foreach (var nom in Noms) await app.SemerMarcheAsync(s, nom.Replace("Liste ", "LST-", StringComparison.Ordinal));

        await TrieEtPagineAsync(client, "/Marches", "q=LST", "numero", "LST-A");
    }

    [Fact]
    public async Task Contrats_tries_et_pagines()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        foreach (var nom in Noms) await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom: nom));

        await TrieEtPagineAsync(client, "/Contrats", "q=Liste", "participant", "Liste A Léa");
    }

    [Fact]
    public async Task Participants_pagines_en_gardant_les_filtres()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        foreach (var nom in Noms) await app.SemerParticipantAsync(structure.Id, nom: nom);

        var page2 = await client.PageAsync("/Participants?Recherche=Liste&numero=2");
        Assert.Equal(["Liste U"], page2.PremiereColonne());
        Assert.Contains("Page 2 sur 2", page2.Texte("nav.pagination"), StringComparison.Ordinal);
        Assert.Equal("/Participants?Recherche=Liste", page2.QuerySelector("nav.pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(["Liste U"], (await client.PageAsync("/Participants?Recherche=Liste&numero=99")).PremiereColonne());
        Assert.Equal("Liste A", (await client.PageAsync("/Participants?Recherche=Liste&numero=0")).PremiereColonne()[0]);
    }

    [Theory]
    [InlineData(Roles.Facilitateur, "/Heures/AValider")]
    [InlineData(Roles.Administrateur, "/Admin/Structures")]
    [InlineData(Roles.Administrateur, "/Admin/Utilisateurs")]
    public async Task Les_autres_listes_bornent_le_numero_de_page(string role, string adresse)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        foreach (var numero in new[] { "0", "-1", "99999" })
            Assert.DoesNotContain("Page 0", (await client.PageAsync($"{adresse}?numero={numero}")).Texte(), StringComparison.Ordinal);
    }

    private static async Task TrieEtPagineAsync(HttpClient client, string adresse, string filtre, string tri, string premiereDeLaPage2)
    {
        var page = await client.PageAsync($"{adresse}?{filtre}&tri={tri}&ordre=desc&numero=2");
        Assert.Equal([premiereDeLaPage2], page.PremiereColonne());
        Assert.Contains("Page 2 sur 2", page.Texte("nav.pagination"), StringComparison.Ordinal);
        var triee = Assert.Single(page.QuerySelectorAll("th[aria-sort]"));
        Assert.Equal("descending", triee.GetAttribute("aria-sort"));
        Assert.Equal($"{adresse}?{filtre}&tri={tri}&ordre=asc", triee.QuerySelector("a")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("thead th:not([aria-sort]) a"), a => Assert.Contains(filtre, a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal($"{adresse}?{filtre}&tri={tri}&ordre=desc", page.QuerySelector("nav.pagination a[rel=prev]")!.GetAttribute("href"));

        Assert.Equal([premiereDeLaPage2], (await client.PageAsync($"{adresse}?{filtre}&tri={tri}&ordre=desc&numero=99")).PremiereColonne());
        var premiere = await client.PageAsync($"{adresse}?{filtre}&tri={tri}&ordre=desc&numero=0");
        Assert.Contains("Page 1 sur 2", premiere.Texte("nav.pagination"), StringComparison.Ordinal);
        Assert.Equal(20, premiere.PremiereColonne().Count);
        var inconnue = await client.PageAsync($"{adresse}?{filtre}&tri=Id%3B%20DROP&ordre=desc");
        Assert.Single(inconnue.QuerySelectorAll("th[aria-sort=descending]"));
    }
}
