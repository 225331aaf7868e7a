using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// Every error in one pass on the company's portal (issue 15 item 5), against the real app (« today » 15/03/2026): the
/// month's declaration (text that is not a number and the domain's refusals of the other lines) and the upload of a proof
/// (a missing nature, a month that could not be read or is to come, no file or a file of another type) show every error
/// at once, each beside its field with aria-invalid and a link from the summary. Nothing is written: no line, no
/// submission, no draft, no proof, no file on disk.
/// </summary>
public partial class ErreursEnUnePassePortailTests(FabriqueClause app) : IClassFixture<FabriqueClause>
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

    private static void AssertErreurSurLeChamp(IHtmlDocument page, string id, string message)
    {
        var champ = page.GetElementById(id);
        Assert.NotNull(champ);
        Assert.Equal("true", champ.GetAttribute("aria-invalid"));
        Assert.Contains(id + "-erreur", champ.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Contains(message, SituationsMarches.Espaces(page.GetElementById(id + "-erreur")!.TextContent), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#resume-erreurs a[href='#{id}']"));
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
        Assert.Equal(0, await app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().CountAsync(d => d.LotId == lot.Lot.Id)));
        Assert.Equal(0, await app.LireBaseAsync(db => db.SoumissionsHeures.IgnoreQueryFilters().CountAsync(x => x.StructureId == structureId)));
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
        Assert.Equal(0, await app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().CountAsync(d => d.LotId == lot.Lot.Id)));
        Assert.Equal(0, await app.LireBaseAsync(db => db.SoumissionsHeures.IgnoreQueryFilters().CountAsync(x => x.StructureId == structureId)));
    }

    /// <summary>Posts the upload form as a browser does (multipart, antiforgery token of the form page); no file part when <paramref name="fichier"/> is null.</summary>
    private static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, string nature, string mois, (byte[] Contenu, string Nom)? fichier)
    {
        var page = await client.GetStringAsync("/Portail/Pieces/Deposer");
        var jeton = JetonAntiforgery().Match(page);
        Assert.True(jeton.Success, "Pas de jeton antiforgery sur le formulaire de dépôt.");
        using var formulaire = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(jeton.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(nature), "Saisie.Nature" },
            { new StringContent(mois), "Saisie.Mois" },
            { new StringContent(string.Empty), "Saisie.ContratId" },
        };
        if (fichier is { } f)
        {
            var contenu = new ByteArrayContent(f.Contenu);
            contenu.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            formulaire.Add(contenu, "Saisie.Fichier", f.Nom);
        }
        return await client.PostAsync("/Portail/Pieces/Deposer", formulaire);
    }

    private async Task AssertRienDeposeAsync(StructureId structureId)
    {
        Assert.Equal(0, await app.LireBaseAsync(db => db.PiecesJustificatives.IgnoreQueryFilters().CountAsync(p => p.StructureId == structureId)));
        var dossier = Path.Combine(app.DossierPieces, structureId.Valeur.ToString("N"));
        Assert.Empty(Directory.Exists(dossier) ? Directory.GetFiles(dossier) : []);
    }

    [Fact]
    public async Task Un_depot_sans_nature_pour_un_mois_a_venir_d_un_fichier_qui_n_est_pas_un_pdf_montre_les_trois_erreurs()
    {
        var (structureId, _, client, _) = await EntrepriseAvecTroisContratsAsync();

        var reponse = await DeposerAsync(client, nature: "", mois: "2026-05",
            (Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>relevé</body></html>"), "releve.pdf"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        AssertErreurSurLeChamp(page, "Saisie_Nature", "Le champ « Nature de la pièce » est obligatoire.");
        AssertErreurSurLeChamp(page, "Saisie_Mois", "Le mois choisi n'est pas encore commencé");
        AssertErreurSurLeChamp(page, "Saisie_Fichier", "Fichier : le fichier « releve.pdf » n'est pas un PDF, un PNG ou un JPEG.");
        Assert.Equal(3, page.QuerySelectorAll("#resume-erreurs li").Length);
        await AssertRienDeposeAsync(structureId);
    }

    [Fact]
    public async Task Un_depot_sans_fichier_ni_nature_au_mois_illisible_montre_les_trois_erreurs()
    {
        var (structureId, _, client, _) = await EntrepriseAvecTroisContratsAsync();

        var reponse = await DeposerAsync(client, nature: "", mois: "février", fichier: null);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        AssertErreurSurLeChamp(page, "Saisie_Mois", "Le champ « Mois » doit être un mois écrit aaaa-mm (exemple : 2026-02).");
        AssertErreurSurLeChamp(page, "Saisie_Nature", "Le champ « Nature de la pièce » est obligatoire.");
        AssertErreurSurLeChamp(page, "Saisie_Fichier", "Fichier : choisissez le fichier de la pièce");
        Assert.Equal(3, page.QuerySelectorAll("#resume-erreurs li").Length);
        await AssertRienDeposeAsync(structureId);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonAntiforgery();
}
