using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Securite;
using Clause.Infrastructure.Excel;
using Clause.Tests.Support;
using Clause.Tests.Web.Api;
using OfficeOpenXml;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// The Excel round trip of the company portal against the real app (« today » 15/03/2026, February to declare):
/// download the month's template, fill it with EPPlus as a user would in Excel, upload it through the real multipart form
/// with its antiforgery token. A valid file submits (the lot's totals move as the lot page counts them); one bad line, or
/// a bad file, gives a report naming row and column and writes nothing. Company B never sees nor writes A's contrats.
/// </summary>
public sealed partial class ExcelPortailTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Adresse = "/Portail/Excel?mois=2026-02";

    private const int L1 = ModeleHeuresExcel.PremiereRangee;

    private async Task<(DeclarationsScenario S, HttpClient A)> ScenarioAsync()
    {
        var s = await DeclarationsScenario.SemerAsync(app);
        return (s, await app.ConnecterAsync((await s.ContactAsync(app, s.A)).Email!));
    }

    private static async Task<byte[]> ModeleAsync(HttpClient client, string mois = "2026-02")
    {
        var reponse = await client.GetAsync($"/Portail/Excel?handler=Modele&mois={mois}");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(ModeleHeuresExcel.TypeContenu, reponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"heures-{mois}.xlsx", reponse.Content.Headers.ContentDisposition.FileNameStar ?? reponse.Content.Headers.ContentDisposition.FileName);
        return await reponse.Content.ReadAsByteArrayAsync();
    }

    private static byte[] Remplir(byte[] modele, Action<ExcelWorksheet> remplir)
    {
        using var paquet = new ExcelPackage(new MemoryStream(modele));
        remplir(paquet.Workbook.Worksheets[0]);
        return paquet.GetAsByteArray();
    }

    /// <summary>The row of the template that holds <paramref name="contrat"/> (by its hidden key).</summary>
    private static int Rangee(ExcelWorksheet feuille, ContratId contrat) =>
        Enumerable.Range(L1, feuille.Dimension.End.Row - L1 + 1).Single(r => feuille.Cells[r, 1].Text == contrat.Valeur.ToString());

    /// <summary>Posts the upload form as a browser does: multipart, the antiforgery token of the page, the month, the file.</summary>
    private static async Task<HttpResponseMessage> DeposerAsync(HttpClient client, byte[] fichier, string nom = "heures.xlsx", string adresse = Adresse)
    {
        var page = await client.GetStringAsync(adresse);
        var jeton = JetonAntiforgery().Match(page);
        Assert.True(jeton.Success, "pas de jeton antiforgery sur " + adresse);
        using var formulaire = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(jeton.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(adresse, "mois=([0-9-]+)").Groups[1].Value), "mois" },
        };
        var contenu = new ByteArrayContent(fichier);
        contenu.Headers.ContentType = new MediaTypeHeaderValue(ModeleHeuresExcel.TypeContenu);
        formulaire.Add(contenu, "fichier", nom);
        return await client.PostAsync(adresse, formulaire);
    }

    private static async Task<List<string>> RapportAsync(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var rapport = page.GetElementById("rapport-excel");
        Assert.NotNull(rapport);
        Assert.Contains("Rien n'a été enregistré", rapport.TextContent, StringComparison.Ordinal);
        return rapport.QuerySelectorAll("li").Select(li => SituationsMarches.Espaces(li.TextContent.Trim())).ToList();
    }

    [Fact]
    public async Task Le_modele_porte_l_entreprise_le_mois_et_une_ligne_par_contrat_valide_de_l_entreprise()
    {
        var (s, a) = await ScenarioAsync();

        using var paquet = new ExcelPackage(new MemoryStream(await ModeleAsync(a)));
        var f = paquet.Workbook.Worksheets[0];

        Assert.Contains(s.A.RaisonSociale, f.Cells[1, 2].Text, StringComparison.Ordinal);
        Assert.Equal("Mois : février 2026", f.Cells[2, 2].Text);
        Assert.Equal(s.A.Id.Valeur.ToString(), f.Cells[2, 1].Text);
        Assert.Equal("2026-02", f.Cells[3, 1].Text);
        Assert.True(f.Column(1).Hidden);
        Assert.True(f.Protection.IsProtected);
        Assert.Equal(L1 + 1, f.Dimension.End.Row);
        Assert.Equal(["Marc Bernard", "Léa Martin"], [f.Cells[L1, 2].Text, f.Cells[L1 + 1, 2].Text]);
        Assert.Equal([s.Marc.Id.Valeur.ToString(), s.Lea.Id.Valeur.ToString()], [f.Cells[L1, 1].Text, f.Cells[L1 + 1, 1].Text]);
        Assert.Equal($"Lot {s.Lot.Lot.Numero} — {s.Lot.Lot.Libelle}", f.Cells[L1, 3].Text);
        Assert.Equal(s.A.RaisonSociale, f.Cells[L1, 4].Text);
        Assert.False(f.Cells[L1, ModeleHeuresExcel.ColonneHeures].Style.Locked);
        Assert.True(f.Cells[L1, ModeleHeuresExcel.ColonneMontant].Style.Locked);
        Assert.True(f.Cells[L1, 2].Style.Locked);
    }

    [Fact]
    public async Task Le_modele_rempli_et_depose_soumet_le_mois_et_les_totaux_du_lot_bougent()
    {
        var (s, a) = await ScenarioAsync();
        var avant = await DeclarationsScenario.BilanAsync(app, s.Lot.Lot.Id);
        var rempli = Remplir(await ModeleAsync(a), f =>
        {
            f.Cells[Rangee(f, s.Lea.Id), ModeleHeuresExcel.ColonneHeures].Value = 151.67;
            f.Cells[Rangee(f, s.Marc.Id), ModeleHeuresExcel.ColonneHeures].Value = 20.5;
        });

        var reponse = await DeposerAsync(a, rempli);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var apres = await DeclarationsScenario.BilanAsync(app, s.Lot.Lot.Id);
        Assert.Equal(avant.EnAttenteMinutes + 9100 + 1230, apres.EnAttenteMinutes);
        Assert.Equal(avant.RealiseesMinutes, apres.RealiseesMinutes);
        Assert.Equal((2, 2, 1), await DeclarationsScenario.EcrituresAsync(app, s.StructureId));
        var lea = Assert.Single(await app.LignesAsync(s.Lea.Id));
        Assert.Equal((StatutDeclaration.Declaree, 9100L, DeclarationsScenario.Fevrier), (lea.Statut, lea.Minutes, lea.Mois));
        var page = await a.PageAsync(reponse.Headers.Location!.OriginalString);
        Assert.Contains("Vos heures de février 2026 sont soumises (2 lignes)", page.Texte(), StringComparison.Ordinal);

        // Downloaded again, the template shows what is declared (for information).
        using var paquet = new ExcelPackage(new MemoryStream(await ModeleAsync(a)));
        var f = paquet.Workbook.Worksheets[0];
        Assert.StartsWith("Déclarée : 151,67 h", SituationsMarches.Espaces(f.Cells[Rangee(f, s.Lea.Id), ModeleHeuresExcel.ColonneEtat].Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_seule_ligne_refusee_et_rien_n_est_ecrit_le_rapport_nomme_la_ligne_et_la_colonne()
    {
        var (s, a) = await ScenarioAsync();
        var avant = await DeclarationsScenario.BilanAsync(app, s.Lot.Lot.Id);
        var rangeeLea = 0;
        var rempli = Remplir(await ModeleAsync(a), f =>
        {
            rangeeLea = Rangee(f, s.Lea.Id);
            f.Cells[Rangee(f, s.Marc.Id), ModeleHeuresExcel.ColonneHeures].Value = 20;
            f.Cells[rangeeLea, ModeleHeuresExcel.ColonneHeures].Value = 1000;
        });

        var rapport = await RapportAsync(await DeposerAsync(a, rempli));

        var ligne = Assert.Single(rapport);
        Assert.StartsWith($"Ligne {rangeeLea}, colonne E (Heures) : ", ligne, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await DeclarationsScenario.EcrituresAsync(app, s.StructureId));
        Assert.Equal(avant, await DeclarationsScenario.BilanAsync(app, s.Lot.Lot.Id));
    }

    [Fact]
    public async Task Du_texte_sur_une_ligne_et_un_depassement_sur_une_autre_sont_rapportes_ensemble_et_rien_n_est_ecrit()
    {
        var (s, a) = await ScenarioAsync();
        var (rangeeLea, rangeeMarc) = (0, 0);
        var rempli = Remplir(await ModeleAsync(a), f =>
        {
            (rangeeLea, rangeeMarc) = (Rangee(f, s.Lea.Id), Rangee(f, s.Marc.Id));
            f.Cells[rangeeLea, ModeleHeuresExcel.ColonneHeures].Value = "trente";
            f.Cells[rangeeMarc, ModeleHeuresExcel.ColonneHeures].Value = 1000;
        });

        var rapport = await RapportAsync(await DeposerAsync(a, rempli));

        // Every error in one pass (issue 15 item 5): the text of one row, and the domain's refusal of the row that could be read.
        Assert.Equal(2, rapport.Count);
        Assert.Contains(rapport, l => l.StartsWith($"Ligne {rangeeLea}, colonne E (Heures) : « trente » n'est pas un nombre d'heures", StringComparison.Ordinal));
        Assert.Contains(rapport, l => l.StartsWith($"Ligne {rangeeMarc}, colonne E (Heures) : 1 000,00 h dépasse le maximum", StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), await DeclarationsScenario.EcrituresAsync(app, s.StructureId));
    }

    public static TheoryData<string, string> FichiersRefuses() => new()
    {
        { "texte", "Ligne 6, colonne E (Heures) : « trente-cinq » n'est pas un nombre d'heures" },
        { "formule", "Ligne 6, colonne E (Heures) : la cellule E6 contient une formule (=1+1)" },
        { "autre entreprise", "Ce modèle est celui d'une autre entreprise" },
        { "autre mois", "Ce modèle est celui de janvier 2026, pas de février 2026" },
        { "pas un xlsx", "Ce fichier n'est pas un classeur Excel (.xlsx)" },
        { "vide", "Le fichier est vide" },
        { "trop gros", "Le fichier pèse plus de 2 Mo" },
        { "clé étrangère", "Ligne 6, colonne A (Clé) : " },
        { "clé inconnue", "Ligne 6, colonne A (Clé) : " },
    };

    [Theory]
    [MemberData(nameof(FichiersRefuses))]
    public async Task Un_fichier_refuse_est_explique_en_francais_et_rien_n_est_ecrit(string cas, string debut)
    {
        var (s, a) = await ScenarioAsync();
        var modele = await ModeleAsync(a);
        var heures = ModeleHeuresExcel.ColonneHeures;
        var fichier = cas switch
        {
            "texte" => Remplir(modele, f => { f.Cells[L1, heures].Value = "trente-cinq"; f.Cells[L1 + 1, heures].Value = 10; }),
            "formule" => Remplir(modele, f => { f.Cells[L1, heures].Formula = "1+1"; f.Cells[L1 + 1, heures].Value = 10; }),
            "autre entreprise" => Remplir(await ModeleAsync(await app.ConnecterAsync((await s.ContactAsync(app, s.B)).Email!)),
                f => f.Cells[L1, heures].Value = 10),
            "autre mois" => Remplir(await ModeleAsync(a, "2026-01"), f => f.Cells[L1, heures].Value = 10),
            "pas un xlsx" => Encoding.UTF8.GetBytes("<html><body>Heures de février</body></html>"),
            "vide" => [],
            "trop gros" => TropGros(modele),
            "clé étrangère" => Remplir(modele, f => { f.Cells[L1, 1].Value = s.Paul.Id.Valeur.ToString(); f.Cells[L1, heures].Value = 10; }),
            "clé inconnue" => Remplir(modele, f => { f.Cells[L1, 1].Value = Guid.CreateVersion7().ToString(); f.Cells[L1, heures].Value = 10; }),
            _ => throw new ArgumentOutOfRangeException(nameof(cas)),
        };

        var rapport = await RapportAsync(await DeposerAsync(a, fichier));

        Assert.StartsWith(debut, Assert.Single(rapport), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await DeclarationsScenario.EcrituresAsync(app, s.StructureId));
    }

    private static byte[] TropGros(byte[] modele)
    {
        var gros = new byte[ModeleHeuresExcel.TailleMax + 10];
        modele.CopyTo(gros, 0);
        return gros;
    }

    [Fact]
    public async Task La_cle_d_un_contrat_d_une_autre_entreprise_recoit_le_meme_refus_qu_une_cle_inconnue()
    {
        var (s, a) = await ScenarioAsync();
        var modele = await ModeleAsync(a);
        var heures = ModeleHeuresExcel.ColonneHeures;

        var etrangere = await RapportAsync(await DeposerAsync(a, Remplir(modele, f => { f.Cells[L1, 1].Value = s.Paul.Id.Valeur.ToString(); f.Cells[L1, heures].Value = 10; })));
        var inconnue = await RapportAsync(await DeposerAsync(a, Remplir(modele, f => { f.Cells[L1, 1].Value = Guid.CreateVersion7().ToString(); f.Cells[L1, heures].Value = 10; })));

        Assert.Equal(inconnue, etrangere);
        Assert.DoesNotContain("Paul", etrangere[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chaque_entreprise_ne_telecharge_que_ses_contrats()
    {
        var (s, _) = await ScenarioAsync();
        var b = await app.ConnecterAsync((await s.ContactAsync(app, s.B)).Email!);

        using var paquet = new ExcelPackage(new MemoryStream(await ModeleAsync(b)));
        var f = paquet.Workbook.Worksheets[0];

        Assert.Equal(L1, f.Dimension.End.Row);
        Assert.Equal("Paul Durand", f.Cells[L1, 2].Text);
        Assert.Equal(s.B.Id.Valeur.ToString(), f.Cells[2, 1].Text);
        Assert.False(f.Cells[L1, ModeleHeuresExcel.ColonneMontant].Style.Locked); // sous-traitance SIAE: the amount is open.
    }

    [Fact]
    public async Task Un_sous_traitant_depose_un_montant_facture()
    {
        var (s, _) = await ScenarioAsync();
        var b = await app.ConnecterAsync((await s.ContactAsync(app, s.B)).Email!);

        var reponse = await DeposerAsync(b, Remplir(await ModeleAsync(b), f => f.Cells[L1, ModeleHeuresExcel.ColonneMontant].Value = 12000.5));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var paul = Assert.Single(await app.LignesAsync(s.Paul.Id));
        Assert.True(paul.Converti);
        Assert.Equal(1_200_050L, paul.Versions[^1].MontantFactureCentimes);
    }

    [Fact]
    public async Task Un_mois_a_venir_est_refuse_sans_modele()
    {
        var (_, a) = await ScenarioAsync();

        var page = await a.PageAsync("/Portail/Excel?mois=2026-04");
        var telechargement = await a.GetAsync("/Portail/Excel?handler=Modele&mois=2026-04");

        Assert.Contains("Le mois demandé (avril 2026) n'est pas encore commencé", page.Texte("#mois-erreur"), StringComparison.Ordinal);
        Assert.Null(page.GetElementById("telecharger-modele"));
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.StartsWith("text/html", telechargement.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_portail_mene_a_la_page_excel()
    {
        var (_, a) = await ScenarioAsync();

        var accueil = await a.PageAsync("/Portail");
        var excel = await a.PageAsync("/Portail/Excel");

        Assert.Equal("/Portail/Excel", accueil.QuerySelector("#lien-excel a")!.GetAttribute("href"));
        // Last month by default (« today » 15/03/2026): February, its two contrats.
        Assert.Equal("2026-02", excel.QuerySelector("#telecharger-modele input[name=mois]")!.GetAttribute("value"));
        Assert.Equal("Modele", excel.QuerySelector("#telecharger-modele input[name=handler]")!.GetAttribute("value"));
        Assert.Contains("vos 2 contrat(s) du mois", excel.Texte(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Facilitateur)]
    public async Task Ni_un_acheteur_ni_le_personnel_n_ouvrent_la_page_excel_du_portail(string role)
    {
        var s = await DeclarationsScenario.SemerAsync(app);
        var utilisateur = await app.CreerUtilisateurAsync(role, s.StructureId,
            donneurOrdreId: role == Roles.DonneurOrdre ? s.Lot.Marches.DonneurOrdre.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        foreach (var adresse in new[] { Adresse, "/Portail/Excel?handler=Modele&mois=2026-02" })
        {
            var reponse = await client.GetAsync(adresse);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonAntiforgery();
}
