using System.Globalization;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Bilans;
using Clause.Tests.Support;
using Microsoft.Playwright;
using OfficeOpenXml;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// Issue 10 « Tests », the buyer's journey on a phone (390 × 844): a donneur d'ordre signs in, lands on its portal, opens
/// the bilan of all its opérations, sees « &lt; 5 » in the profiles (two participants, the réglage's threshold of 5) and
/// never a participant's name, downloads the Excel file, and the file's summary sheet gives the hours the page shows.
/// Neither page scrolls sideways at 390 px.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public sealed partial class AcheteurTelephoneNavigateurTests(NavigateurFixture fixture) : ParcoursNavigateur<NavigateurFixture>(fixture)
{
    private const int Largeur = 390;

    /// <summary>The hours of the bilan page compared with the Excel summary sheet.</summary>
    private static readonly string[] ChampsHeures = ["#b-dues", "#b-realisees", "#b-cumul", "#b-en-attente"];

    [Fact]
    public async Task L_acheteur_sur_son_telephone_ouvre_un_bilan_voit_les_petits_effectifs_masques_et_telecharge_l_excel_aux_memes_heures()
    {
        var structure = await Fixture.App.CreerStructureAsync();
        var lot = await Fixture.App.SemerLotAsync(structure.Id, enExecution: true);
        var ines = await Fixture.App.SemerParticipantAsync(structure.Id, nom: "Moreau", prenom: "Inès");
        var karim = await Fixture.App.SemerParticipantAsync(structure.Id, nom: "Haddad", prenom: "Karim");
        var contratInes = await Fixture.App.SemerContratAsync(lot, ines, debut: new DateOnly(2026, 1, 5), fin: new DateOnly(2026, 8, 31));
        var contratKarim = await Fixture.App.SemerContratAsync(lot, karim, debut: new DateOnly(2026, 2, 2), fin: new DateOnly(2026, 8, 31));
        // Entered by the facilitateur, so validated at once: 100 + 120 + 80 = 300 h realised.
        await Fixture.App.SemerHeuresAsync(lot, contratInes, SituationsContrats.Facilitateur, (new Mois(2026, 1), 100), (new Mois(2026, 2), 120));
        await Fixture.App.SemerHeuresAsync(lot, contratKarim, SituationsContrats.Facilitateur, (new Mois(2026, 2), 80));
        var acheteur = await Fixture.App.CreerUtilisateurAsync(Roles.DonneurOrdre, structure.Id, donneurOrdreId: lot.Marches.DonneurOrdre.Id);
        string[] noms = ["Inès", "Moreau", "Karim", "Haddad"];

        // 1. Sign in on the phone: the buyer lands on its portal.
        var telephone = await Fixture.NouvellePageAsync(Largeur, 844);
        await Fixture.ConnecterAsync(telephone, acheteur.Email!);
        await Assertions.Expect(telephone).ToHaveURLAsync(new Regex("/Acheteur$"));
        await Assertions.Expect(telephone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Portail donneur d'ordre");
        await Assertions.Expect(telephone.Locator("#lots-acheteur")).ToContainTextAsync(lot.Lot.Libelle);
        await AucunDefilementHorizontalAsync(telephone);

        // 2. The bilan of all its opérations.
        await NavigateurFixture.NaviguerAsync(telephone, () => telephone.GetByRole(AriaRole.Link, new() { Name = "Bilan de toutes vos opérations" }).ClickAsync());
        await Assertions.Expect(telephone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bilan — ");
        await Assertions.Expect(telephone.Locator("#b-realisees")).ToContainTextAsync("300,00 h");

        // 3. Two people: their profile cells show « < 5 », never their count; no name anywhere on the page.
        var profils = telephone.Locator("section[aria-labelledby='bilan-profils']");
        var masquees = profils.Locator("td").Filter(new() { HasTextRegex = new Regex(@"^\s*< 5\s*$") });
        await Assertions.Expect(masquees.First).ToBeVisibleAsync();
        var cellules = await profils.Locator("td").AllInnerTextsAsync();
        Assert.DoesNotContain(cellules, c => c.Trim() is "1" or "2");
        var texte = await telephone.Locator("body").InnerTextAsync();
        foreach (var nom in noms) Assert.DoesNotContain(nom, texte, StringComparison.OrdinalIgnoreCase);
        await AucunDefilementHorizontalAsync(telephone);
        await telephone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(NavigateurFixture.DossierCaptures, "acheteur-telephone-bilan.png"), FullPage = true });

        var heuresPage = new Dictionary<string, decimal>();
        foreach (var id in ChampsHeures) heuresPage[id] = Heures(await telephone.Locator(id).InnerTextAsync());
        Assert.Equal(300m, heuresPage["#b-realisees"]);
        Assert.True(heuresPage["#b-dues"] > 0, "Le bilan devrait compter les heures dues du lot.");

        // 4. The Excel file, downloaded as the phone would.
        var telechargement = await telephone.RunAndWaitForDownloadAsync(() =>
            telephone.GetByRole(AriaRole.Link, new() { Name = "Télécharger le bilan (Excel)" }).ClickAsync());
        Assert.Null(await telechargement.FailureAsync());
        Assert.StartsWith("bilan-donneur-d-ordre-", telechargement.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", telechargement.SuggestedFilename, StringComparison.Ordinal);
        var chemin = await telechargement.PathAsync();
        Assert.NotNull(chemin);

        using var paquet = new ExcelPackage(new FileInfo(chemin));
        var synthese = paquet.Workbook.Worksheets[ClasseurBilan.FeuilleSynthese];
        Assert.NotNull(synthese);
        decimal Valeur(string libelle) => Enumerable.Range(1, synthese.Dimension.End.Row)
            .Where(r => synthese.Cells[r, 1].Text == libelle)
            .Select(r => Math.Round(Convert.ToDecimal(synthese.Cells[r, 2].Value, CultureInfo.InvariantCulture), 2)).Single();
        Assert.Equal(heuresPage["#b-dues"], Valeur("Heures dues"));
        Assert.Equal(heuresPage["#b-realisees"], Valeur("Heures réalisées sur la période"));
        Assert.Equal(heuresPage["#b-cumul"], Valeur("Heures réalisées cumulées (depuis le début d'exécution)"));
        Assert.Equal(heuresPage["#b-en-attente"], Valeur("Heures en attente de validation"));

        // The file is the buyer's version too: « < 5 » in its profiles, no participant's name in any sheet.
        var cellulesExcel = paquet.Workbook.Worksheets.Where(f => f.Dimension is not null)
            .SelectMany(f => f.Cells[f.Dimension.Address]).Select(c => c.Text).ToList();
        Assert.Contains(ClasseurBilan.Masque(5), cellulesExcel);
        foreach (var nom in noms) Assert.DoesNotContain(cellulesExcel, c => c.Contains(nom, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>« 1 234,50 h » → 1234.50 (the first hours of the text; French separators).</summary>
    private static decimal Heures(string texte)
    {
        var lu = HeuresFrancaises().Match(texte);
        Assert.True(lu.Success, $"Pas d'heures dans « {texte} ».");
        return decimal.Parse(Regex.Replace(lu.Groups[1].Value, @"\s", string.Empty).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d[\d\s]*,\d\d)\s*h")]
    private static partial Regex HeuresFrancaises();

    /// <summary>Readable at 390 px: the page does not scroll sideways.</summary>
    private static async Task AucunDefilementHorizontalAsync(IPage page)
    {
        var largeur = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(largeur <= Largeur, $"La page {page.Url} fait {largeur} px de large pour un écran de {Largeur} px.");
    }
}
