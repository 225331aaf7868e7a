using System.Net;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Clause.Tests.Web.Bilans;

/// <summary>
/// The pages of the bilans' outputs (issue 10 items 4, 6, 7) through real requests: the Excel download, the send form
/// (a contact without e-mail refused by name, nothing written; a valid send back to the buyer's page), the yearly
/// consolidation and its CSV; bad input named field by field; another structure's scope → 404.
/// </summary>
public sealed class ExportsBilansPagesTests : IDisposable
{
    private readonly FabriqueClause _app = new();

    public void Dispose() => _app.Dispose();

    private sealed record Situation(StructureId Structure, DonneurOrdreId DonneurOrdre, Guid Camille, Guid SansEmail, HttpClient Client);

    private async Task<Situation> SemerAsync()
    {
        var structure = await _app.CreerStructureAsync();
        var s = new SituationsMarches(structure.Id);
        var camille = s.DonneurOrdre.AjouterContact("Camille Girard", RoleContactDonneurOrdre.Elu, "camille.girard@ville-tours.fr", null);
        var sans = s.DonneurOrdre.AjouterContact("Rose Petit", RoleContactDonneurOrdre.Technicien, null, null);
        await _app.EcrireAsync(db =>
        {
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Operations.Add(s.Operation);
        });
        await _app.SemerMarcheAsync(s);
        var facilitateur = await _app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        return new Situation(structure.Id, s.DonneurOrdre.Id, camille.Id, sans.Id, await _app.ConnecterAsync(facilitateur.Email!));
    }

    private static string Adresse(Situation s, string page = "Excel", string du = "2026-01", string au = "2026-03") =>
        $"/Bilans/Exports/{page}?perimetre=donneurOrdre&id={s.DonneurOrdre}&du={du}&au={au}";

    [Fact]
    public async Task Le_bilan_se_telecharge_en_excel_avec_un_nom_qui_dit_le_perimetre_et_la_periode()
    {
        var s = await SemerAsync();
        using var reponse = await s.Client.GetAsync(Adresse(s));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("bilan-donneur-d-ordre-ville-de-tours-2026-01-2026-03.xlsx", reponse.Content.Headers.ContentDisposition?.FileNameStar);
        using var paquet = new ExcelPackage(new MemoryStream(await reponse.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Synthèse", paquet.Workbook.Worksheets[0].Name);
    }

    [Fact]
    public async Task Une_periode_mal_formee_est_refusee_champ_par_champ_et_un_perimetre_d_une_autre_structure_est_introuvable()
    {
        var s = await SemerAsync();
        var autre = await SemerAsync();

        var page = WebUtility.HtmlDecode(await s.Client.GetStringAsync($"/Bilans/Exports/Excel?perimetre=lot&du=2026-13&au=hier"));
        Assert.Contains("L'identifiant (id) du périmètre est obligatoire.", page, StringComparison.Ordinal);
        Assert.Contains("Le mois de début (du) doit être au format aaaa-mm", page, StringComparison.Ordinal);
        Assert.Contains("Le mois de fin (au) doit être au format aaaa-mm", page, StringComparison.Ordinal);
        var inverse = WebUtility.HtmlDecode(await s.Client.GetStringAsync(Adresse(s, du: "2026-05", au: "2026-01")));
        Assert.Contains("Le mois de début (du) doit précéder ou égaler le mois de fin (au).", inverse, StringComparison.Ordinal);

        using var reponse = await s.Client.GetAsync(Adresse(autre));
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        using var envoi = await s.Client.GetAsync(Adresse(autre, "Envoyer"));
        Assert.Equal(HttpStatusCode.NotFound, envoi.StatusCode);
    }

    [Fact]
    public async Task Le_formulaire_d_envoi_refuse_un_contact_sans_e_mail_et_n_ecrit_rien_puis_envoie_et_revient_au_donneur_d_ordre()
    {
        var s = await SemerAsync();
        var champs = new List<KeyValuePair<string, string>>
        {
            new("Saisie.Perimetre", "donneurOrdre"), new("Saisie.Id", s.DonneurOrdre.ToString()!), new("Saisie.Du", "2026-01"), new("Saisie.Au", "2026-03"),
            new("Saisie.Destinataires", s.Camille.ToString()), new("Saisie.Destinataires", s.SansEmail.ToString()),
        };

        using var refus = await s.Client.PosterChampsAsync("/Bilans/Exports/Envoyer", champs, Adresse(s, "Envoyer"));
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains("Le contact Rose Petit n'a pas d'adresse e-mail (champ « E-mail » de sa fiche)", WebUtility.HtmlDecode(await refus.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal((0, 0), (await _app.LireAsync(db => db.EnvoisBilans.IgnoreQueryFilters().CountAsync()), await _app.LireAsync(db => db.MessagesSortants.CountAsync())));

        champs.RemoveAt(champs.Count - 1);
        using var envoi = await s.Client.PosterChampsAsync("/Bilans/Exports/Envoyer", champs, Adresse(s, "Envoyer"));
        Assert.Equal(HttpStatusCode.Redirect, envoi.StatusCode);
        Assert.Equal($"/DonneursOrdre/Details/{s.DonneurOrdre}#titre-envois", envoi.Headers.Location?.OriginalString);
        Assert.Equal(1, await _app.LireAsync(db => db.EnvoisBilans.IgnoreQueryFilters().CountAsync()));
        var mail = await _app.LireAsync(db => db.MessagesSortants.AsNoTracking().SingleAsync());
        Assert.Equal(("camille.girard@ville-tours.fr", "bilan-donneur-d-ordre-ville-de-tours-2026-01-2026-03.xlsx"), (mail.Destinataire, mail.PieceJointeNom));
    }

    [Fact]
    public async Task La_consolidation_s_affiche_et_se_telecharge_en_csv_francais_et_une_annee_mal_formee_est_nommee()
    {
        var s = await SemerAsync();

        var page = WebUtility.HtmlDecode(await s.Client.GetStringAsync("/Bilans/Exports/Consolidation?annee=2026"));
        Assert.Contains("Consolidation 2026", page, StringComparison.Ordinal);
        Assert.Contains("Maîtres d'ouvrage (donneurs d'ordre)", page, StringComparison.Ordinal);

        using var csv = await s.Client.GetAsync("/Bilans/Exports/Consolidation?handler=Csv&annee=2026");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var octets = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), octets[..3]);
        Assert.Contains(";Chiffres clés;Marchés;1;0;\r\n", Encoding.UTF8.GetString(octets), StringComparison.Ordinal);

        using var excel = await s.Client.GetAsync("/Bilans/Exports/Consolidation?handler=Excel&annee=2026");
        Assert.Equal("attachment", excel.Content.Headers.ContentDisposition?.DispositionType);

        var erreur = WebUtility.HtmlDecode(await s.Client.GetStringAsync("/Bilans/Exports/Consolidation?annee=deux"));
        Assert.Contains("L'année (annee) doit comporter quatre chiffres", erreur, StringComparison.Ordinal);
        Assert.DoesNotContain("<caption>", erreur, StringComparison.Ordinal);
    }
}
