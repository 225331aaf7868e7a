using System.Net;
using System.Text;
using Clause.Tests.Support;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// Every error of the upload form in one pass (issue 15 item 5): a missing nature, a month that could not be read or is
/// to come, no file or a file of another type are shown together, each beside its field with aria-invalid and a link
/// from the summary; nothing is stored (no row, no file on disk).
/// </summary>
public partial class PiecesPagesTests
{
    [Fact]
    public async Task Un_depot_sans_nature_pour_un_mois_a_venir_d_un_fichier_qui_n_est_pas_un_pdf_montre_les_trois_erreurs()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var reponse = await DeposerAsync(client, Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>relevé</body></html>"), "releve.pdf",
            mois: "2026-05", nature: "");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        ErreursEnUnePassePortailTests.AssertErreurSurLeChamp(page, "Saisie_Nature", "Le champ « Nature de la pièce » est obligatoire.");
        ErreursEnUnePassePortailTests.AssertErreurSurLeChamp(page, "Saisie_Mois", "Le mois choisi n'est pas encore commencé");
        ErreursEnUnePassePortailTests.AssertErreurSurLeChamp(page, "Saisie_Fichier", "Fichier : le fichier « releve.pdf » n'est pas un PDF, un PNG ou un JPEG.");
        Assert.Equal(3, page.QuerySelectorAll("#resume-erreurs li").Length);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }

    [Fact]
    public async Task Un_depot_sans_fichier_ni_nature_au_mois_illisible_montre_les_trois_erreurs()
    {
        var s = await SituationAsync();
        var (client, _) = await ContactAsync(s.StructureId, s.A);

        var reponse = await DeposerAsync(client, contenu: null, "releve.pdf", mois: "février", nature: "");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        ErreursEnUnePassePortailTests.AssertErreurSurLeChamp(page, "Saisie_Mois", "Le champ « Mois » doit être un mois écrit aaaa-mm (exemple : 2026-02).");
        ErreursEnUnePassePortailTests.AssertErreurSurLeChamp(page, "Saisie_Nature", "Le champ « Nature de la pièce » est obligatoire.");
        ErreursEnUnePassePortailTests.AssertErreurSurLeChamp(page, "Saisie_Fichier", "Fichier : choisissez le fichier de la pièce");
        Assert.Equal(3, page.QuerySelectorAll("#resume-erreurs li").Length);
        Assert.Equal(0, await PiecesAsync(s.StructureId));
        Assert.Empty(Fichiers(s.StructureId));
    }
}
