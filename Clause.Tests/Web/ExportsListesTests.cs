using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Excel;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Clause.Tests.Web;

/// <summary>
/// The Excel export of every list (issue 15 item 2, <c>?handler=Excel</c> of PageListe) through real requests on a real
/// SQLite database: each file read back (headers, French formats, frozen header), the list's filters and sort kept by the
/// link and by the file, a user text that would be a formula written as text, no sensitive category in the participants'
/// file (and no file at all filtered on one), nothing of another structure, the exports of personal data journalled, the
/// rights of the list.
/// </summary>
public class ExportsListesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    /// <summary>The export's answer read as a workbook: its file name and its only sheet.</summary>
    private static async Task<(string Nom, ExcelWorksheet Feuille)> ExporterAsync(HttpClient client, string adresse)
    {
        using var reponse = await client.GetAsync(adresse);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(ClasseurListe.TypeContenu, reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", reponse.Content.Headers.ContentDisposition?.DispositionType);
        var paquet = new ExcelPackage(new MemoryStream(await reponse.Content.ReadAsByteArrayAsync()));
        return (reponse.Content.Headers.ContentDisposition!.FileNameStar!, Assert.Single(paquet.Workbook.Worksheets));
    }

    private static List<string> Entetes(ExcelWorksheet feuille) =>
        Enumerable.Range(1, feuille.Dimension.End.Column).Select(c => feuille.Cells[1, c].Text).ToList();

    /// <summary>The values of a column under the header, as stored (a text, a double, a DateTime).</summary>
    private static List<object?> Colonne(ExcelWorksheet feuille, int colonne) =>
        feuille.Dimension.End.Row < 2 ? [] : Enumerable.Range(2, feuille.Dimension.End.Row - 1).Select(r => (object?)feuille.Cells[r, colonne].Value).ToList();

    private static IEnumerable<string> Textes(ExcelWorksheet feuille) =>
        from r in Enumerable.Range(1, feuille.Dimension.End.Row)
        from c in Enumerable.Range(1, feuille.Dimension.End.Column)
        select feuille.Cells[r, c].Text;

    private static void EnTeteFigeeEtFiltrable(ExcelWorksheet feuille)
    {
        var xml = feuille.WorksheetXml.OuterXml;
        Assert.Contains("state=\"frozen\"", xml, StringComparison.Ordinal);
        Assert.Contains("topLeftCell=\"A2\"", xml, StringComparison.Ordinal);
        Assert.True(feuille.Cells[1, 1].Style.Font.Bold);
        Assert.StartsWith("A1:", feuille.AutoFilterAddress.Address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_marches_s_exportent_avec_les_filtres_et_le_tri_de_la_liste_en_formats_francais()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        foreach (var numero in new[] { "LST-B", "LST-A", "LST-C", "AUTRE-1" }) await app.SemerMarcheAsync(s, numero, euros: 1_234_567);

        // The list's link carries its filters and sort, no page number.
        var page = await client.PageAsync("/Marches?q=LST&tri=numero&ordre=desc&numero=1");
        var lien = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Exporter (Excel)").GetAttribute("href");
        Assert.Equal("/Marches?q=LST&tri=numero&ordre=desc&handler=Excel", lien);

        var (nom, feuille) = await ExporterAsync(client, lien!);

        Assert.Equal("marches-2026-03-15.xlsx", nom);
        Assert.Equal("Marchés", feuille.Name);
        Assert.Equal(["Numéro", "Objet", "Opération", "Donneur d'ordre", "Type", "Montant HT (€)", "Lots", "Heures dues"], Entetes(feuille));
        Assert.Equal(["LST-C", "LST-B", "LST-A"], Colonne(feuille, 1));
        EnTeteFigeeEtFiltrable(feuille);
        Assert.Equal(1_234_567m, Convert.ToDecimal(feuille.Cells[2, 6].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ClasseurListe.FormatMontant, feuille.Cells[2, 6].Style.Numberformat.Format);
        Assert.Equal(833m, Convert.ToDecimal(feuille.Cells[2, 8].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ClasseurBilan.FormatHeures, feuille.Cells[2, 8].Style.Numberformat.Format);
        Assert.Equal(ClasseurBilan.FormatEntier, feuille.Cells[2, 7].Style.Numberformat.Format);
        Assert.Equal("@", feuille.Cells[2, 1].Style.Numberformat.Format);

        // Ascending on another column, with another filter: the file follows.
        var (_, parType) = await ExporterAsync(client, "/Marches?handler=Excel&q=LST&tri=numero");
        Assert.Equal(["LST-A", "LST-B", "LST-C"], Colonne(parType, 1));
    }

    [Fact]
    public async Task Un_texte_qui_serait_une_formule_est_ecrit_comme_texte_neutralise()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var dangereux = new[] { "=HYPERLINK(\"http://pirate.example\",\"Cliquez\")", "+33 Bâtiment", "-2+3 Travaux", "@SOMME Services" };
        foreach (var raison in dangereux) await app.CreerEntrepriseAsync(structure.Id, raison, AcheteursDeTest.NouveauSiret());
        await app.CreerEntrepriseAsync(structure.Id, "Zéphyr Construction", AcheteursDeTest.NouveauSiret());

        var (nom, feuille) = await ExporterAsync(client, "/Entreprises?handler=Excel&tri=nom");

        Assert.Equal("entreprises-2026-03-15.xlsx", nom);
        Assert.Equal(["Raison sociale", "SIRET", "Type d'employeur", "Commune", "Code NAF", "Contacts"], Entetes(feuille));
        var raisons = Colonne(feuille, 1).Cast<string>().ToList();
        Assert.Equal(5, raisons.Count);
        Assert.Contains("Zéphyr Construction", raisons);
        foreach (var texte in dangereux) Assert.Contains("'" + texte, raisons);
        for (var r = 2; r <= feuille.Dimension.End.Row; r++)
        {
            var cellule = feuille.Cells[r, 1];
            Assert.True(string.IsNullOrEmpty(cellule.Formula), $"Une formule dans {cellule.Address}.");
            Assert.Equal(TexteCellule.EstDangereux(((string)cellule.Value).TrimStart('\'')) && ((string)cellule.Value).StartsWith('\''), cellule.Style.QuotePrefix);
            Assert.Equal("@", cellule.Style.Numberformat.Format);
        }
        // The SIRET stays a text (« 356 000 000 00048 »), never a number Excel would round.
        Assert.All(Colonne(feuille, 2), siret => Assert.IsType<string>(siret));
    }

    [Fact]
    public async Task Les_operations_et_les_donneurs_d_ordre_s_exportent_filtres_et_seulement_ceux_de_la_structure()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        await app.EcrireAsync(db =>
        {
            db.Operations.Add(Operation.Creer(s.DonneurOrdre, "Export Nord", "Tours", null, null, ProgrammeRenouvellement.Aucun, false, null, null));
            db.Operations.Add(Operation.Creer(s.DonneurOrdre, "Export Sud", "Joué-lès-Tours", null, null, ProgrammeRenouvellement.Aucun, false, null, null));
        });
        await app.SemerDonneurAsync(structure.Id, "Export Habitat", contacts: 2);
        var autre = await app.CreerStructureAsync();
        var ailleurs = await app.SemerOperationAsync(autre.Id);
        await app.EcrireAsync(db => db.Operations.Add(Operation.Creer(ailleurs.DonneurOrdre, "Export Ailleurs", "Blois", null, null,
            ProgrammeRenouvellement.Aucun, false, null, null)));
        await app.SemerDonneurAsync(autre.Id, "Export Autre Structure");

        var (_, operations) = await ExporterAsync(client, "/Operations?handler=Excel&q=Export&tri=nom&ordre=desc");
        Assert.Equal(["Nom", "Donneur d'ordre", "Commune", "Renouvellement urbain", "QPV", "Code QPV", "Statut", "Marchés"], Entetes(operations));
        Assert.Equal(["Export Sud", "Export Nord"], Colonne(operations, 1));
        Assert.Equal(["Non", "Non"], Colonne(operations, 5));

        var (nom, donneurs) = await ExporterAsync(client, "/DonneursOrdre?handler=Excel&q=Export");
        Assert.Equal("donneurs-d-ordre-2026-03-15.xlsx", nom);
        Assert.Equal(["Export Habitat"], Colonne(donneurs, 1));
        Assert.Equal(2d, donneurs.Cells[2, 5].Value);
        Assert.DoesNotContain(Textes(donneurs), t => t.Contains("Autre Structure", StringComparison.Ordinal));

        // These lists name no one: no journal line.
        Assert.Equal(0, await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.StructureId == structure.Id)));
    }

    [Fact]
    public async Task Les_participants_s_exportent_sans_aucune_categorie_et_l_export_est_journalise_sans_donnee_personnelle()
    {
        var (client, structure, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lea = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Exportée", prenom: "Léa");
        lea.Valider(new DateOnly(2026, 1, 10), CategorieEligibilite.RSA, CategorieEligibilite.TH, CategorieEligibilite.AAH);
        var paul = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Exporté", prenom: "Paul");
        paul.Valider(new DateOnly(2026, 1, 10), CategorieEligibilite.PensionInvalidite);
        var autre = ParticipantsDeTest.UnParticipant((await app.CreerStructureAsync()).Id, nom: "Exportable", prenom: "Ailleurs");
        await app.EcrireAsync(db => db.Participants.AddRange(lea, paul, autre));

        var (nom, feuille) = await ExporterAsync(client, "/Participants?handler=Excel&Recherche=Export");

        Assert.Equal("participants-2026-03-15.xlsx", nom);
        Assert.Equal(["Nom", "Prénom", "Âge", "Commune", "Résident QPV", "Référent", "Éligibilité"], Entetes(feuille));
        Assert.Equal(["Exporté", "Exportée"], Colonne(feuille, 1));
        var textes = Textes(feuille).ToList();
        foreach (var categorie in Enum.GetValues<CategorieEligibilite>())
            Assert.DoesNotContain(textes, t => t.Contains(categorie.Libelle(), StringComparison.Ordinal) || t == categorie.ToString());
        foreach (var justificatif in CategoriesEligibilite.Sensibles.SelectMany(c => c.Justificatifs()))
            Assert.DoesNotContain(textes, t => t.Contains(justificatif, StringComparison.Ordinal));
        Assert.DoesNotContain(textes, t => t.Contains("Ailleurs", StringComparison.Ordinal));
        Assert.StartsWith("Fenêtre ouverte jusqu'au ", (string)feuille.Cells[2, 7].Value, StringComparison.Ordinal);

        var ligne = Assert.Single(await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.AsNoTracking()
            .Where(j => j.StructureId == structure.Id).ToListAsync()));
        Assert.Null(ligne.ParticipantId);
        Assert.Equal(utilisateur.Id, ligne.UtilisateurId);
        Assert.Equal(app.Horloge.GetUtcNow(), ligne.Quand);
        Assert.Equal("Export Excel — Participants (2 lignes, filtres : Recherche)", ligne.Quoi);
    }

    [Theory]
    [InlineData(CategorieEligibilite.TH)]
    [InlineData(CategorieEligibilite.AAH)]
    public async Task Filtree_sur_une_categorie_sensible_la_liste_des_participants_ne_s_exporte_pas(CategorieEligibilite sensible)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var participant = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Sensible");
        participant.Valider(new DateOnly(2026, 1, 10), sensible);
        await app.EcrireAsync(db => db.Participants.Add(participant));

        var page = await client.PageAsync($"/Participants?Categorie={sensible}");
        Assert.Single(page.QuerySelectorAll("table tbody tr"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.TextContent.Contains("Exporter", StringComparison.Ordinal));
        Assert.Contains("n'est pas proposé lorsque la liste est filtrée sur une catégorie sensible", page.Body!.TextContent, StringComparison.Ordinal);

        using var reponse = await client.GetAsync($"/Participants?handler=Excel&Categorie={sensible}");
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Equal(0, await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.StructureId == structure.Id)));
    }

    [Fact]
    public async Task Le_referent_n_exporte_que_ses_participants_et_leurs_contrats()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var client = await app.ConnecterAsync(referent.Email!);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var sien = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Suivi", referentId: referent.Id);
        sien.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        await app.EcrireAsync(db => db.Participants.Add(sien));
        await app.SemerContratAsync(lot, sien);
        await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom: "Autrui"));

        var (_, participants) = await ExporterAsync(client, "/Participants?handler=Excel");
        Assert.Equal(["Suivi"], Colonne(participants, 1));
        var (_, contrats) = await ExporterAsync(client, "/Contrats?handler=Excel");
        Assert.Equal(["Suivi"], Colonne(contrats, 1));
        Assert.Equal(2, await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.StructureId == structure.Id && j.ParticipantId == null)));
    }

    [Fact]
    public async Task Les_contrats_s_exportent_filtres_et_tries_avec_des_dates_francaises_et_l_export_est_journalise()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom: "Bernard"), debut: new DateOnly(2026, 2, 2));
        await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom: "Arnaud"), debut: new DateOnly(2026, 1, 5));
        await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom: "Hors filtre"), debut: new DateOnly(2026, 1, 5));

        var (nom, feuille) = await ExporterAsync(client, "/Contrats?handler=Excel&q=ar&tri=debut&ordre=desc");

        Assert.Equal("contrats-2026-03-15.xlsx", nom);
        Assert.Equal(["Nom", "Prénom", "Lot", "Employeur", "Modalité", "Type", "Début", "Fin prévue", "Fin réelle", "Statut", "Éligibilité"], Entetes(feuille));
        Assert.Equal(["Bernard", "Arnaud"], Colonne(feuille, 1));
        Assert.Equal(new DateTime(2026, 2, 2), feuille.Cells[2, 7].GetValue<DateTime>());
        Assert.Equal(ClasseurBilan.FormatDate, feuille.Cells[2, 7].Style.Numberformat.Format);
        Assert.Equal("02/02/2026", feuille.Cells[2, 7].Text);
        EnTeteFigeeEtFiltrable(feuille);

        var ligne = Assert.Single(await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.AsNoTracking().Where(j => j.StructureId == structure.Id).ToListAsync()));
        Assert.Equal("Export Excel — Contrats (2 lignes, filtres : q)", ligne.Quoi);
        Assert.DoesNotContain("Bernard", ligne.Quoi, StringComparison.Ordinal);

        // A file without a row names no one: not journalled.
        var (_, vide) = await ExporterAsync(client, "/Contrats?handler=Excel&q=Personne");
        Assert.Equal(["Nom", "Prénom", "Lot", "Employeur", "Modalité", "Type", "Début", "Fin prévue", "Fin réelle", "Statut", "Éligibilité"], Entetes(vide));
        Assert.Equal(1, vide.Dimension.End.Row);
        Assert.Equal(1, await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.StructureId == structure.Id)));
    }

    [Fact]
    public async Task Les_heures_a_valider_s_exportent_avec_le_mois_les_heures_et_l_horodatage_et_l_export_est_journalise()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var contrat = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id, nom: "Horaire"));
        await app.SemerHeuresAsync(lot, contrat, null, (new Mois(2026, 1), 35), (new Mois(2026, 2), 70));
        var autre = await app.CreerStructureAsync();
        var lotAilleurs = await app.SemerLotAsync(autre.Id, enExecution: true);
        await app.SemerHeuresAsync(lotAilleurs, await app.SemerContratAsync(lotAilleurs, await app.SemerParticipantAsync(autre.Id, nom: "Ailleurs")), null,
            (new Mois(2026, 1), 10));

        Assert.Equal("/Heures/AValider?handler=Excel", (await client.PageAsync("/Heures/AValider")).QuerySelectorAll("a")
            .Single(a => a.TextContent.Trim() == "Exporter (Excel)").GetAttribute("href"));
        var (nom, feuille) = await ExporterAsync(client, "/Heures/AValider?handler=Excel");

        Assert.Equal("heures-a-valider-2026-03-15.xlsx", nom);
        Assert.Equal(["Nom", "Prénom", "Mois", "Heures", "État", "Lot", "Employeur", "Saisie par", "Saisie le", "Version"], Entetes(feuille));
        Assert.Equal(["Horaire", "Horaire"], Colonne(feuille, 1));
        Assert.Equal([new DateTime(2026, 1, 1), new DateTime(2026, 2, 1)], [feuille.Cells[2, 3].GetValue<DateTime>(), feuille.Cells[3, 3].GetValue<DateTime>()]);
        Assert.Equal(ClasseurBilan.FormatMois, feuille.Cells[2, 3].Style.Numberformat.Format);
        Assert.Equal([35d, 70d], Colonne(feuille, 4));
        Assert.Equal(ClasseurBilan.FormatHeures, feuille.Cells[2, 4].Style.Numberformat.Format);
        // 20/12/2026 09:00 UTC is 10:00 in Paris.
        Assert.Equal(new DateTime(2026, 12, 20, 10, 0, 0), feuille.Cells[2, 9].GetValue<DateTime>());
        Assert.Equal("20/12/2026 10:00", feuille.Cells[2, 9].Text);

        var ligne = Assert.Single(await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.AsNoTracking().Where(j => j.StructureId == structure.Id).ToListAsync()));
        Assert.Equal("Export Excel — Heures à valider (2 lignes)", ligne.Quoi);
    }

    [Theory]
    [InlineData(Roles.Referent, "/Marches?handler=Excel")]
    [InlineData(Roles.Referent, "/Heures/AValider?handler=Excel")]
    [InlineData(Roles.Entreprise, "/Participants?handler=Excel")]
    [InlineData(Roles.DonneurOrdre, "/Contrats?handler=Excel")]
    [InlineData(Roles.Administrateur, "/Entreprises?handler=Excel")]
    public async Task Un_role_qui_ne_voit_pas_la_liste_ne_peut_pas_l_exporter(string role, string adresse)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        using var reponse = await client.GetAsync(adresse);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_liste_sans_export_declare_repond_introuvable()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);

        using var reponse = await client.GetAsync("/Admin/Structures?handler=Excel");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
    }
}
