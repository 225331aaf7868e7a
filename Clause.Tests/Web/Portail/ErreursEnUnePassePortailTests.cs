using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// Every error in one pass on the company's month (issue 15 item 5), against the real app (« today » 15/03/2026): text
/// that is not a number and the domain's refusals of the other lines show at once, each beside its input with
/// aria-invalid and a link from the summary. Nothing is written: no line, no submission, no draft. The upload of a proof:
/// PiecesPagesTests.ErreursEnUnePasse.cs.
/// </summary>
public class ErreursEnUnePassePortailTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string PageFevrier = "/Portail/Heures/Mois/2026-02";

    private async Task<(StructureId StructureId, LotDeTest Lot, HttpClient Client, IReadOnlyList<Contrat> Contrats)> EntrepriseAvecTroisContratsAsync()
    {
        var structure = await app.CreerStructureAsync();
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var contrats = new List<Contrat>();
        foreach (var (nom, prenom) in new[] { ("Martin", "Léa"), ("Durand", "Paul"), ("Petit", "Rose") })
            contrats.Add(await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom, prenom)));
        var contact = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, lot.Titulaire.Id);
        return (structure.Id, lot, await app.ConnecterAsync(contact.Email!), contrats);
    }

    /// <summary>The message beside the field, the field marked invalid and described by it, and the summary's link to it.</summary>
    internal static void AssertErreurSurLeChamp(IHtmlDocument page, string id, string message)
    {
        var champ = page.GetElementById(id);
        Assert.NotNull(champ);
        Assert.Equal("true", champ.GetAttribute("aria-invalid"));
        Assert.Contains(id + "-erreur", champ.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Contains(message, SituationsMarches.Espaces(page.GetElementById(id + "-erreur")!.TextContent), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#resume-erreurs a[href='#{id}']"));
    }

    /// <summary>No line of hours, no submission and no draft.</summary>
    private async Task AssertRienEcritAsync(StructureId structureId, LotDeTest lot)
    {
        Assert.Equal(0, await app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().CountAsync(d => d.LotId == lot.Lot.Id)));
        Assert.Equal(0, await app.LireBaseAsync(db => db.SoumissionsHeures.IgnoreQueryFilters().CountAsync(x => x.StructureId == structureId)));
    }

    [Theory]
    [InlineData("Soumettre")]
    [InlineData("Brouillon")]
    public async Task Le_mois_aux_trois_cases_fausses_montre_les_trois_erreurs_a_la_fois_et_n_ecrit_rien(string handler)
    {
        var (structureId, lot, client, contrats) = await EntrepriseAvecTroisContratsAsync();
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync(PageFevrier));
        // The position of each contrat's line in the form (the cards' order).
        int Index(Contrat c) => int.Parse(Regex.Match(champs.Single(x => x.Value == c.Id.ToString()).Key, @"Lignes\[(\d+)\]").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        var (lea, paul, rose) = (Index(contrats[0]), Index(contrats[1]), Index(contrats[2]));
        champs[$"Lignes[{lea}].Heures"] = "abc";
        champs[$"Lignes[{paul}].Heures"] = "251";
        champs[$"Lignes[{rose}].Heures"] = "0";

        var reponse = await FabriqueClause.PosterAsync(client, $"{PageFevrier}?handler={handler}", champs, PageFevrier);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        AssertErreurSurLeChamp(page, $"Lignes_{lea}__Heures", "Léa Martin : la valeur « abc »");
        AssertErreurSurLeChamp(page, $"Lignes_{paul}__Heures", "Paul Durand : 251,00 h dépasse le maximum de 250,00 h par mois pour une ligne.");
        AssertErreurSurLeChamp(page, $"Lignes_{rose}__Heures", "Rose Petit : Les heures doivent être supérieures à 0.");
        Assert.Equal(3, page.QuerySelectorAll("#resume-erreurs li").Length);
        Assert.Equal("251", page.GetElementById($"Lignes_{paul}__Heures")!.GetAttribute("value"));
        await AssertRienEcritAsync(structureId, lot);
    }

    [Fact]
    public async Task Une_case_illisible_du_mois_n_ecrit_pas_les_cases_valides()
    {
        var (structureId, lot, client, contrats) = await EntrepriseAvecTroisContratsAsync();
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync(PageFevrier));
        var cles = champs.Where(x => x.Key.EndsWith(".ContratId", StringComparison.Ordinal)).Select(x => x.Key.Replace(".ContratId", string.Empty, StringComparison.Ordinal)).ToList();
        Assert.Equal(contrats.Count, cles.Count);
        champs[$"{cles[0]}.Heures"] = "35";
        champs[$"{cles[1]}.Heures"] = "trente";
        champs[$"{cles[2]}.Heures"] = "20";

        var reponse = await FabriqueClause.PosterAsync(client, $"{PageFevrier}?handler=Soumettre", champs, PageFevrier);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal(1, page.QuerySelectorAll("#resume-erreurs li").Length);
        await AssertRienEcritAsync(structureId, lot);
    }
}
