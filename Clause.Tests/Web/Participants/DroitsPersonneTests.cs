using System.Net;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Domain.Pieces;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Pages.Participants.DroitsPersonne;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Participants;

/// <summary>
/// The participant's rights (issue 16 item 11, DOMAIN.md §12): the access export, whole, as a printable page and as JSON
/// from one collection, logged as an export of personal data; a correction that answers the person's request, with its date.
/// </summary>
public class DroitsPersonneTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static string Acces(ParticipantId id) => $"/Participants/DroitsPersonne/Acces/{id}";

    private static string AccesJson(ParticipantId id) => Acces(id) + "?handler=Json";

    private static async Task<string> LirePageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    /// <summary>
    /// A participant « Benali Yasmina » validated on 10/01/2025 (RSA and TH, the sensitive one), with two contrats on one lot
    /// (05/01 → 28/02/2026 and 01/03 → 31/12/2026), hours in January and February 2026, and a payslip on the first contrat.
    /// </summary>
    private async Task<(Participant Participant, LotDeTest Lot, Contrat Premier, Contrat Second)> UnParticipantCompletAsync(StructureId structureId, Guid? referentId = null)
    {
        var lot = await app.SemerLotAsync(structureId);
        var participant = ParticipantsDeTest.UnParticipant(structureId, nom: "Benali", prenom: "Yasmina", referentId: referentId);
        participant.Valider(new DateOnly(2025, 1, 10), CategorieEligibilite.RSA, CategorieEligibilite.TH);
        await app.EcrireAsync(db => db.Participants.Add(participant));
        var premier = await app.SemerContratAsync(lot, participant, new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 28));
        var second = await app.SemerContratAsync(lot, participant, new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31));
        await app.SemerHeuresAsync(lot, premier, null, (new Mois(2026, 1), 35), (new Mois(2026, 2), 70));
        var piece = PieceJustificative.Deposer(structureId, lot.Titulaire.Id, premier, new Mois(2026, 1), NaturePiece.BulletinPaie, "bulletin-janvier.pdf",
            new FichierRecu(TypeFichier.Pdf, 1_000, new string('a', PieceJustificative.EmpreinteLongueur)), SituationsContrats.Entreprise,
            new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.Zero));
        await app.EcrireAsync(db => db.PiecesJustificatives.Add(piece));
        return (participant, lot, premier, second);
    }

    /// <summary>Posts the edit form as shown, with <paramref name="changements"/> typed over it.</summary>
    private static async Task<HttpResponseMessage> ModifierAsync(HttpClient client, ParticipantId id, Dictionary<string, string> changements)
    {
        var url = $"/Participants/Modifier/{id}";
        var champs = FabriqueClause.ChampsDuFormulaire(await client.GetStringAsync(url));
        foreach (var (cle, valeur) in changements) champs[cle] = valeur;
        return await FabriqueClause.PosterAsync(client, url, champs);
    }

    [Fact]
    public async Task L_export_d_acces_contient_tout_en_JSON_et_en_HTML_et_il_est_journalise()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var (participant, lot, _, _) = await UnParticipantCompletAsync(structure.Id);
        var modification = await ModifierAsync(client, participant.Id, new()
        {
            ["Saisie.Commune"] = "Tours",
            ["Rectification.DemandeDeLaPersonne"] = "true",
            ["Rectification.DateDemande"] = "2026-03-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, modification.StatusCode);

        var json = await client.GetAsync(AccesJson(participant.Id));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("droit-acces-benali-", json.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var racine = document.RootElement;
        var identite = racine.GetProperty("identite");
        Assert.Equal("Benali", identite.GetProperty("nom").GetString());
        Assert.Equal("Yasmina", identite.GetProperty("prenom").GetString());
        Assert.Equal("1990-06-01", identite.GetProperty("dateNaissance").GetString());
        Assert.Equal("Tours", identite.GetProperty("commune").GetString());
        Assert.Equal("12 rue des Tanneurs", identite.GetProperty("adresse").GetString());
        Assert.Equal("2024-01-05", racine.GetProperty("noteInformationRemiseLe").GetString());
        var categories = racine.GetProperty("decisionsEligibilite").EnumerateArray().Single().GetProperty("categories").EnumerateArray().ToList();
        var th = categories.Single(c => c.GetProperty("code").GetString() == "TH");
        Assert.True(th.GetProperty("sensible").GetBoolean());
        Assert.Equal(CategorieEligibilite.TH.Libelle(), th.GetProperty("libelle").GetString());
        Assert.Contains(categories, c => c.GetProperty("code").GetString() == "RSA");
        var contrats = racine.GetProperty("contrats").EnumerateArray().ToList();
        Assert.Equal(["2026-01-05", "2026-03-01"], contrats.Select(c => c.GetProperty("dateDebut").GetString()));
        Assert.Equal(["2026-02-28", "2026-12-31"], contrats.Select(c => c.GetProperty("finPrevue").GetString()));
        Assert.All(contrats, c => Assert.Equal(lot.Titulaire.RaisonSociale, c.GetProperty("entreprise").GetString()));
        Assert.All(contrats, c => Assert.Contains(lot.Lot.Libelle, c.GetProperty("lot").GetString(), StringComparison.Ordinal));
        Assert.All(contrats, c => Assert.Equal(TypeContrat.CDDI.Libelle(), c.GetProperty("typeContrat").GetString()));
        var mois = racine.GetProperty("heuresParMois").EnumerateArray().ToList();
        Assert.Equal(["2026-01", "2026-02"], mois.Select(m => m.GetProperty("mois").GetString()));
        Assert.Equal([35 * 60L, 70 * 60L], mois.Select(m => m.GetProperty("minutesComptees").GetInt64() + m.GetProperty("minutesEnAttente").GetInt64()));
        var piece = racine.GetProperty("pieces").EnumerateArray().Single();
        Assert.Equal("bulletin-janvier.pdf", piece.GetProperty("nom").GetString());
        var demandes = racine.GetProperty("demandes").EnumerateArray().ToList();
        Assert.Contains(demandes, d => d.GetProperty("type").GetString() == TypeDemandeDroit.Rectification.Libelle()
            && d.GetProperty("dateDemande").GetString() == "2026-03-02");
        var journal = racine.GetProperty("journalAudit").EnumerateArray().ToList();
        Assert.Contains(journal, l => l.GetProperty("action").GetString() == "Modification"
            && l.GetProperty("changements").EnumerateArray().Any(c => c.GetProperty("champ").GetString() == "Commune"));
        Assert.Contains(journal, l => l.GetProperty("action").GetString() == "Création d'une ligne d'heures");
        Assert.Contains(journal, l => l.GetProperty("action").GetString() == "Création d'une catégorie d'éligibilité");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", journal[0].GetProperty("quand").GetString());

        var page = await LirePageAsync(client, Acces(participant.Id));
        foreach (var attendu in new[]
        {
            "Benali", "Yasmina", "01/06/1990", "12 rue des Tanneurs", "Tours", "Notice d'information remise le", "05/01/2024",
            CategorieEligibilite.TH.Libelle(), CategorieEligibilite.RSA.Libelle(), "10/01/2025",
            lot.Lot.Libelle, lot.Titulaire.RaisonSociale, "05/01/2026", "28/02/2026", "01/03/2026", "31/12/2026", TypeContrat.CDDI.Libelle(),
            "2026-01", "2026-02", "bulletin-janvier.pdf", "Rectification", "02/03/2026",
            "Modification", "Création d'une ligne d'heures", "Imprimer / enregistrer en PDF",
        })
            Assert.Contains(attendu, page, StringComparison.Ordinal);
        Assert.Contains(SituationsMarches.Espaces(new Duree(35 * 60).ToString()), SituationsMarches.Espaces(page), StringComparison.Ordinal);

        // Two exports (JSON, then the page): two entries of the sensitive-data journal and two access requests answered.
        var journalises = await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles
            .Where(j => j.ParticipantId == participant.Id && j.Quoi.StartsWith(ExportAcces.QuoiJournal)).Select(j => j.Quoi).ToListAsync());
        Assert.Equal(2, journalises.Count);
        Assert.Contains(journalises, q => q.EndsWith("JSON", StringComparison.Ordinal));
        Assert.Equal(2, await app.LireBaseAsync(db => db.DemandesDroits.CountAsync(d => d.ParticipantId == participant.Id && d.Type == TypeDemandeDroit.Acces)));
    }

    [Fact]
    public async Task La_fiche_propose_l_export_a_la_direction_et_au_facilitateur_seulement()
    {
        var (facilitateur, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        var (participant, _, _, _) = await UnParticipantCompletAsync(structure.Id, referent.Id);
        const string Lien = "Exporter ses données (droit d'accès)";

        Assert.Contains(Lien, await LirePageAsync(facilitateur, $"/Participants/Details/{participant.Id}"), StringComparison.Ordinal);
        Assert.Contains(Lien, await LirePageAsync(await app.ConnecterAsync(direction.Email!), $"/Participants/Details/{participant.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(Lien, await LirePageAsync(await app.ConnecterAsync(referent.Email!), $"/Participants/Details/{participant.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ConnecterAsync(direction.Email!)).GetAsync(AccesJson(participant.Id))).StatusCode);
    }

    [Fact]
    public async Task L_export_d_un_participant_d_une_autre_structure_repond_404_sans_rien_journaliser()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var autre = await app.CreerStructureAsync();
        var (participant, _, _, _) = await UnParticipantCompletAsync(autre.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Acces(participant.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AccesJson(participant.Id))).StatusCode);
        Assert.Equal(0, await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.ParticipantId == participant.Id)));
        Assert.Equal(0, await app.LireBaseAsync(db => db.DemandesDroits.CountAsync(d => d.ParticipantId == participant.Id)));
    }

    [Fact]
    public async Task Referent_entreprise_et_acheteur_ne_peuvent_pas_exporter()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var (participant, lot, _, _) = await UnParticipantCompletAsync(structure.Id, referent.Id);
        var entreprise = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, entrepriseId: lot.Titulaire.Id);
        var acheteur = await app.CreerUtilisateurAsync(Roles.DonneurOrdre, structure.Id, donneurOrdreId: lot.Marches.DonneurOrdre.Id);

        foreach (var utilisateur in new[] { referent, entreprise, acheteur })
        {
            var client = await app.ConnecterAsync(utilisateur.Email!);
            foreach (var url in new[] { Acces(participant.Id), AccesJson(participant.Id) })
            {
                var reponse = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
                Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
        Assert.Equal(0, await app.LireBaseAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.ParticipantId == participant.Id)));
    }

    [Fact]
    public async Task Une_rectification_demandee_est_enregistree_avec_sa_date_et_visible_sur_la_fiche()
    {
        var (client, structure, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var (participant, _, _, _) = await UnParticipantCompletAsync(structure.Id);

        var reponse = await ModifierAsync(client, participant.Id, new()
        {
            ["Saisie.Adresse"] = "3 place Plumereau",
            ["Rectification.DemandeDeLaPersonne"] = "true",
            ["Rectification.DateDemande"] = "2026-03-09",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var demande = await app.LireBaseAsync(db => db.DemandesDroits.SingleAsync(d => d.ParticipantId == participant.Id));
        Assert.Equal(TypeDemandeDroit.Rectification, demande.Type);
        Assert.Equal(new DateOnly(2026, 3, 9), demande.DateDemande);
        Assert.Equal(new DateOnly(2026, 3, 15), demande.DateReponse);
        Assert.Equal(utilisateur.Id, demande.AuteurId);
        Assert.Equal("3 place Plumereau", await app.LireBaseAsync(db => db.Participants.Where(p => p.Id == participant.Id).Select(p => p.Adresse).SingleAsync()));
        var fiche = await LirePageAsync(client, $"/Participants/Details/{participant.Id}");
        var section = fiche[fiche.IndexOf("Demandes de la personne", StringComparison.Ordinal)..];
        Assert.Contains("Rectification", section, StringComparison.Ordinal);
        Assert.Contains("09/03/2026", section, StringComparison.Ordinal);
        Assert.Contains("Création d'une demande de la personne", fiche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_modification_sans_la_case_n_enregistre_aucune_demande()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var (participant, _, _, _) = await UnParticipantCompletAsync(structure.Id);

        var reponse = await ModifierAsync(client, participant.Id, new() { ["Saisie.Adresse"] = "3 place Plumereau", ["Rectification.DateDemande"] = "2026-03-09" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(0, await app.LireBaseAsync(db => db.DemandesDroits.CountAsync(d => d.ParticipantId == participant.Id)));
        Assert.Contains("Aucune demande enregistrée.", await LirePageAsync(client, $"/Participants/Details/{participant.Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1850-01-01", "Le champ « Date de la demande » doit être une date comprise entre le 01/01/1900 et le 31/12/2100.")]
    [InlineData("2101-01-01", "Le champ « Date de la demande » doit être une date comprise entre le 01/01/1900 et le 31/12/2100.")]
    [InlineData("", "Le champ « Date de la demande » est obligatoire lorsque la modification répond à une demande de la personne.")]
    [InlineData("2026-03-16", "La date de la demande ne peut pas être dans le futur.")]
    [InlineData("2024-01-04", "La date de la demande ne peut pas précéder l'inscription du participant (05/01/2024).")]
    public async Task Une_date_de_demande_invalide_est_refusee_et_rien_ne_change(string date, string message)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var (participant, _, _, _) = await UnParticipantCompletAsync(structure.Id);

        var reponse = await ModifierAsync(client, participant.Id, new()
        {
            ["Saisie.Adresse"] = "3 place Plumereau",
            ["Rectification.DemandeDeLaPersonne"] = "true",
            ["Rectification.DateDemande"] = date,
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("12 rue des Tanneurs", await app.LireBaseAsync(db => db.Participants.Where(p => p.Id == participant.Id).Select(p => p.Adresse).SingleAsync()));
        Assert.Equal(0, await app.LireBaseAsync(db => db.DemandesDroits.CountAsync(d => d.ParticipantId == participant.Id)));
    }
}
