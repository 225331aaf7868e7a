using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Support;

/// <summary>Test data for buyers (written as the system, like the demo seeder) and HTML reading helpers.</summary>
public static class AcheteursDeTest
{
    private static int _compteur = 100;

    /// <summary>A fresh valid SIRET (SIREN and SIRET both pass Luhn), different at each call.</summary>
    public static string NouveauSiret()
    {
        var numero = Interlocked.Increment(ref _compteur);
        var siren = Siret.AvecCle(numero.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        return Siret.AvecCle(siren + "0001");
    }

    public static async Task<DonneurOrdre> SemerDonneurAsync(this FabriqueClause app, StructureId structureId, string raisonSociale,
        TypeDonneurOrdre type = TypeDonneurOrdre.Commune, string? commune = "Tours", int contacts = 0, string? siret = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        var donneur = DonneurOrdre.Creer(structureId, raisonSociale, type, siret ?? NouveauSiret(), "1 place de la Mairie", "37000", commune);
        for (var i = 1; i <= contacts; i++)
            donneur.AjouterContact($"Contact {i} de {raisonSociale}", RoleContactDonneurOrdre.ServiceMarches, $"contact{i}@exemple.fr", "02 47 00 00 0" + i);
        db.DonneursOrdre.Add(donneur);
        await db.SaveChangesAsync();
        return donneur;
    }

    /// <summary>Runs a read against the app's database across every structure (<see cref="FabriqueClause.ToutesStructures"/>).</summary>
    public static async Task<T> LireBaseAsync<T>(this FabriqueClause app, Func<ClauseDbContext, Task<T>> lecture)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(lecture);
        await using var db = app.ToutesStructures();
        return await lecture(db);
    }

    public static Task<int> CompterDonneursAsync(this FabriqueClause app, StructureId structureId) =>
        app.LireBaseAsync(db => db.DonneursOrdre.CountAsync(d => d.StructureId == structureId));

    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var reponse = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, reponse.StatusCode);
        return await DocumentAsync(reponse);
    }

    public static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage reponse)
    {
        ArgumentNullException.ThrowIfNull(reponse);
        return new HtmlParser().ParseDocument(await reponse.Content.ReadAsStringAsync());
    }

    /// <summary>The error shown beside a field (asp-validation-for).</summary>
    public static string ErreurDuChamp(this IHtmlDocument page, string champ)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector($"[data-valmsg-for=\"{champ}\"]")?.TextContent.Trim() ?? string.Empty;
    }

    /// <summary>The text of the first cell of each body row of the first table.</summary>
    public static List<string> PremiereColonne(this IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelectorAll("table tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent.Trim()).ToList();
    }
}
