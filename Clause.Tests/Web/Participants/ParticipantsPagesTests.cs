using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Participants;

public class ParticipantsPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly string[] LibellesSensibles =
        CategoriesEligibilite.Sensibles.Select(c => c.Libelle()).ToArray();

    private static Dictionary<string, string> Formulaire(string nom = "Benali", string naissance = "1991-04-12", bool qpv = false, string? codeQpv = null) => new()
    {
        ["Saisie.Nom"] = nom,
        ["Saisie.Prenom"] = "Yasmina",
        ["Saisie.Sexe"] = "F",
        ["Saisie.DateNaissance"] = naissance,
        ["Saisie.Adresse"] = "4 allée des Tilleuls",
        ["Saisie.CodePostal"] = "37540",
        ["Saisie.Commune"] = "Saint-Aubin-sur-Loire",
        ["Saisie.ResidentQpv"] = qpv ? "true" : "false",
        ["Saisie.CodeQpv"] = codeQpv ?? string.Empty,
        ["Saisie.NiveauQualification"] = "Niveau3",
        ["Saisie.Prescripteur"] = "FranceTravail",
        ["Saisie.IdentifiantFranceTravail"] = "7654321B",
        ["Saisie.DateInformation"] = "2026-03-10",
    };

    private async Task<T> LireAsync<T>(Func<ClauseDbContext, Task<T>> lecture)
    {
        await using var db = app.ToutesStructures();
        return await lecture(db);
    }

    /// <summary>A participant saved directly, with one decision of the given categories (none: no decision).</summary>
    private async Task<Participant> ParticipantEnBaseAsync(StructureId structureId, Guid? referentId = null, string nom = "Martin",
        string commune = "Saint-Aubin-sur-Loire", bool qpv = false, params CategorieEligibilite[] categories)
    {
        var participant = Participant.Creer(structureId,
            ParticipantsDeTest.Donnees(nom: nom, commune: commune, referentId: referentId, residentQpv: qpv, codeQpv: qpv ? "QP037004" : null),
            new DateOnly(2024, 1, 5));
        if (categories.Length > 0) participant.Valider(new DateOnly(2024, 1, 10), categories);
        await LireAsync(async db =>
        {
            db.Participants.Add(participant);
            return await db.SaveChangesAsync();
        });
        return participant;
    }

    private Task<int> NombreParticipantsAsync(StructureId structureId) =>
        LireAsync(db => db.Participants.CountAsync(p => p.StructureId == structureId));

    /// <summary>The page as text (entities decoded), so labels with apostrophes compare as written.</summary>
    private static async Task<string> LirePageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static async Task<string> Decoder(HttpResponseMessage reponse) => WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());

    private static string Tableau(string page)
    {
        var debut = page.IndexOf("<table", StringComparison.Ordinal);
        return debut < 0 ? string.Empty : page[debut..page.IndexOf("</table>", debut, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Facilitateur_inscrit_un_participant_puis_voit_sa_fiche()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", Formulaire(qpv: true, codeQpv: "qp 037004"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var fiche = reponse.Headers.Location!.OriginalString;
        Assert.StartsWith("/Participants/Details/", fiche, StringComparison.Ordinal);
        var page = await LirePageAsync(client, fiche);
        Assert.Contains("Yasmina Benali", page, StringComparison.Ordinal);
        Assert.Contains("Oui — QP037004", page, StringComparison.Ordinal);
        Assert.Contains("12/04/1991 (34 ans)", page, StringComparison.Ordinal);
        Assert.Contains("Aucune décision d'éligibilité", page, StringComparison.Ordinal);
        Assert.Equal(1, await NombreParticipantsAsync(structure.Id));
    }

    [Fact]
    public async Task La_date_de_la_notice_reste_vide_tant_qu_elle_n_est_pas_donnee()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var formulaire = await client.GetStringAsync("/Participants/Creer");
        Assert.Equal(string.Empty, FabriqueClause.ChampsDuFormulaire(formulaire)["Saisie.DateInformation"]);

        var champs = Formulaire();
        champs["Saisie.DateInformation"] = string.Empty;
        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", champs);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Null(await LireAsync(db => db.Participants.Where(p => p.StructureId == structure.Id).Select(p => p.DateInformation).SingleAsync()));
    }

    [Fact]
    public async Task Le_prescripteur_est_facultatif()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var champs = Formulaire();
        champs["Saisie.Prescripteur"] = string.Empty;

        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Null(await LireAsync(db => db.Participants.Where(p => p.StructureId == structure.Id).Select(p => p.Prescripteur).SingleAsync()));
        Assert.Contains("<dt>Prescripteur</dt><dd>Non renseigné</dd>", await LirePageAsync(client, reponse.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_de_naissance_future_refusee_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", Formulaire(naissance: "2026-03-16"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await Decoder(reponse);
        Assert.Contains("La date de naissance ne peut pas être dans le futur.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Saisie_DateNaissance\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await NombreParticipantsAsync(structure.Id));
    }

    [Theory]
    [InlineData("Saisie.DateNaissance", "1899-12-31", "Date de naissance")]
    [InlineData("Saisie.DateInformation", "9999-12-31", "Notice d'information remise le")]
    public async Task Une_date_hors_de_1900_2100_est_refusee_en_nommant_le_champ_et_rien_n_est_ecrit(string champ, string date, string libelle)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var formulaire = Formulaire();
        formulaire[champ] = date;

        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", formulaire);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal($"Le champ « {libelle} » doit être une date comprise entre le 01/01/1900 et le 31/12/2100.",
            (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp(champ));
        Assert.Equal(0, await NombreParticipantsAsync(structure.Id));
    }

    [Fact]
    public async Task Resident_QPV_sans_code_refuse_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", Formulaire(qpv: true));

        var page = await Decoder(reponse);
        Assert.Contains("Le code du quartier prioritaire (QPV) est obligatoire pour un résident QPV.", page, StringComparison.Ordinal);
        Assert.Equal(0, await NombreParticipantsAsync(structure.Id));
    }

    [Fact]
    public async Task Referent_d_une_autre_structure_refuse()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var ailleurs = await app.CreerStructureAsync();
        var referentAilleurs = await app.CreerUtilisateurAsync(Roles.Referent, ailleurs.Id);
        var champs = Formulaire();
        champs["Saisie.ReferentId"] = referentAilleurs.Id.ToString();

        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", champs);

        Assert.Contains("Choisissez un référent de parcours de votre structure.", await Decoder(reponse), StringComparison.Ordinal);
        Assert.Equal(0, await NombreParticipantsAsync(structure.Id));
    }

    [Fact]
    public async Task Facilitateur_corrige_l_identite()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var participant = await ParticipantEnBaseAsync(structure.Id);
        var champs = Formulaire(nom: "Benali-Roux");
        champs["Saisie.ReferentId"] = referent.Id.ToString();

        var reponse = await FabriqueClause.PosterAsync(client, $"/Participants/Modifier/{participant.Id}", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var relu = await LireAsync(db => db.Participants.SingleAsync(p => p.Id == participant.Id));
        Assert.Equal("Benali-Roux", relu.Nom);
        Assert.Equal(referent.Id, relu.ReferentId);
    }

    [Fact]
    public async Task Facilitateur_voit_les_categories_sensibles_et_l_acces_est_journalise()
    {
        var (client, structure, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await ParticipantEnBaseAsync(structure.Id, categories: [CategorieEligibilite.RSA, CategorieEligibilite.TH]);

        var page = await LirePageAsync(client, $"/Participants/Details/{participant.Id}");

        Assert.Contains(CategorieEligibilite.TH.Libelle(), page, StringComparison.Ordinal);
        Assert.Contains(CategorieEligibilite.RSA.Libelle(), page, StringComparison.Ordinal);
        Assert.Contains("du 10/01/2024 au 10/01/2026 (close)", page, StringComparison.Ordinal);
        var journal = await LireAsync(db => db.JournalAccesDonneesSensibles.Where(j => j.ParticipantId == participant.Id).ToListAsync());
        var ligne = Assert.Single(journal);
        Assert.Equal(utilisateur.Id, ligne.UtilisateurId);
        Assert.Equal(structure.Id, ligne.StructureId);
        Assert.Equal(app.Horloge.GetUtcNow(), ligne.Quand);
        foreach (var categorie in Enum.GetValues<CategorieEligibilite>())
        {
            Assert.DoesNotContain(categorie.Libelle(), ligne.Quoi, StringComparison.Ordinal);
            Assert.DoesNotContain(categorie.ToString(), ligne.Quoi.Split(' '), StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task Direction_voit_les_categories_sensibles_mais_ne_peut_ni_inscrire_ni_valider()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var participant = await ParticipantEnBaseAsync(structure.Id, categories: [CategorieEligibilite.AAH]);

        Assert.Contains(CategorieEligibilite.AAH.Libelle(), await LirePageAsync(client, $"/Participants/Details/{participant.Id}"), StringComparison.Ordinal);
        Assert.Equal(1, await LireAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.ParticipantId == participant.Id)));
        foreach (var url in new[] { "/Participants/Creer", $"/Participants/Modifier/{participant.Id}", $"/Participants/Eligibilite/{participant.Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Referent_voit_son_participant_sans_les_categories_sensibles()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var client = await app.ConnecterAsync(referent.Email!);
        var participant = await ParticipantEnBaseAsync(structure.Id, referent.Id, categories:
            [CategorieEligibilite.RSA, CategorieEligibilite.TH, CategorieEligibilite.AAH, CategorieEligibilite.PensionInvalidite, CategorieEligibilite.SecteurAdapte]);

        var page = await LirePageAsync(client, $"/Participants/Details/{participant.Id}");

        Assert.Contains(CategorieEligibilite.RSA.Libelle(), page, StringComparison.Ordinal);
        foreach (var libelle in LibellesSensibles)
            Assert.DoesNotContain(libelle, page, StringComparison.Ordinal);
        foreach (var justificatif in CategoriesEligibilite.Sensibles.SelectMany(c => c.Justificatifs()))
            Assert.DoesNotContain(justificatif, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Historique des modifications", page, StringComparison.Ordinal);
        Assert.Equal(0, await LireAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.ParticipantId == participant.Id)));
    }

    [Theory]
    [InlineData(CategorieEligibilite.TH)]
    [InlineData(CategorieEligibilite.AAH)]
    [InlineData(CategorieEligibilite.PensionInvalidite)]
    [InlineData(CategorieEligibilite.SecteurAdapte)]
    public async Task Referent_ne_voit_aucune_trace_d_une_decision_uniquement_sensible(CategorieEligibilite sensible)
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var participant = await ParticipantEnBaseAsync(structure.Id, referent.Id, nom: "Sensible", categories: [sensible]);
        const string DateDecision = "10/01/2024";

        var client = await app.ConnecterAsync(referent.Email!);
        var fiche = await LirePageAsync(client, $"/Participants/Details/{participant.Id}");
        Assert.DoesNotContain(DateDecision, fiche, StringComparison.Ordinal);
        Assert.Contains("Aucune décision d'éligibilité", fiche, StringComparison.Ordinal);
        Assert.DoesNotContain(sensible.Libelle(), fiche, StringComparison.Ordinal);
        var liste = Tableau(await LirePageAsync(client, "/Participants"));
        Assert.Contains("Sensible", liste, StringComparison.Ordinal);
        Assert.Contains("À valider", liste, StringComparison.Ordinal);
        Assert.DoesNotContain("Fenêtre", liste, StringComparison.Ordinal);

        // The same participant for a facilitateur: the decision is there (so the hiding above is the rule, not an empty base).
        var clientFacilitateur = await app.ConnecterAsync(facilitateur.Email!);
        var ficheFacilitateur = await LirePageAsync(clientFacilitateur, $"/Participants/Details/{participant.Id}");
        Assert.Contains(DateDecision, ficheFacilitateur, StringComparison.Ordinal);
        Assert.Contains(sensible.Libelle(), ficheFacilitateur, StringComparison.Ordinal);
        Assert.Contains("Fenêtre", Tableau(await LirePageAsync(clientFacilitateur, "/Participants")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referent_voit_une_decision_sensible_qui_porte_aussi_une_categorie_ordinaire()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var participant = await ParticipantEnBaseAsync(structure.Id, referent.Id, categories: [CategorieEligibilite.TH, CategorieEligibilite.DELD12]);

        var fiche = await LirePageAsync(await app.ConnecterAsync(referent.Email!), $"/Participants/Details/{participant.Id}");

        Assert.Contains("10/01/2024", fiche, StringComparison.Ordinal);
        Assert.DoesNotContain(CategorieEligibilite.TH.Libelle(), fiche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referent_ne_voit_pas_le_participant_d_un_autre_referent()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var autreReferent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var client = await app.ConnecterAsync(referent.Email!);
        await ParticipantEnBaseAsync(structure.Id, referent.Id, nom: "Mienne");
        var autre = await ParticipantEnBaseAsync(structure.Id, autreReferent.Id, nom: "Dautre");
        var sansReferent = await ParticipantEnBaseAsync(structure.Id, nom: "Personne");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Participants/Details/{autre.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Participants/Details/{sansReferent.Id}")).StatusCode);
        var liste = await LirePageAsync(client, "/Participants");
        Assert.Contains("Mienne", liste, StringComparison.Ordinal);
        Assert.DoesNotContain("Dautre", liste, StringComparison.Ordinal);
        Assert.DoesNotContain("Personne", Tableau(liste), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referent_ne_peut_ni_inscrire_ni_modifier_ni_valider()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var client = await app.ConnecterAsync(referent.Email!);
        var sien = await ParticipantEnBaseAsync(structure.Id, referent.Id);

        foreach (var url in new[] { "/Participants/Creer", $"/Participants/Modifier/{sien.Id}", $"/Participants/Eligibilite/{sien.Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Administrateur)]
    public async Task Roles_sans_acces_aux_participants_refuses(string role)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var participant = await ParticipantEnBaseAsync(structure.Id);

        foreach (var url in new[] { "/Participants", $"/Participants/Details/{participant.Id}", "/Participants/Creer", $"/Participants/Eligibilite/{participant.Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Identifiant_d_une_autre_structure_donne_404_partout_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var sien = await ParticipantEnBaseAsync(structure.Id);
        var ailleurs = await app.CreerStructureAsync();
        var etranger = await ParticipantEnBaseAsync(ailleurs.Id, nom: "Etranger");

        foreach (var url in new[] { "Details", "Modifier", "Eligibilite" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Participants/{url}/{etranger.Id}")).StatusCode);

        var modification = await FabriqueClause.PosterAsync(client, $"/Participants/Modifier/{etranger.Id}", Formulaire(nom: "Pirate"),
            urlFormulaire: $"/Participants/Modifier/{sien.Id}");
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        var validation = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{etranger.Id}", new()
        {
            ["Saisie.DateValidation"] = "2026-03-15",
            ["Saisie.Lignes[0].Categorie"] = "RSA",
            ["Saisie.Lignes[0].Cochee"] = "true",
            ["Saisie.Lignes[0].Justificatif"] = "Attestation RSA de moins de 3 mois",
        }, urlFormulaire: $"/Participants/Eligibilite/{sien.Id}");
        Assert.Equal(HttpStatusCode.NotFound, validation.StatusCode);

        var relu = await LireAsync(db => db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == etranger.Id));
        Assert.Equal("Etranger", relu.Nom);
        Assert.Empty(relu.Decisions);
    }

    [Fact]
    public async Task La_liste_ne_montre_jamais_de_categorie()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await ParticipantEnBaseAsync(structure.Id, nom: "Sensible", categories: [CategorieEligibilite.TH, CategorieEligibilite.RSA]);

        var liste = await LirePageAsync(client, "/Participants");
        var filtre = await LirePageAsync(client, "/Participants?Categorie=TH");

        Assert.Contains("Sensible", Tableau(liste), StringComparison.Ordinal);
        Assert.Contains("Sensible", Tableau(filtre), StringComparison.Ordinal);
        foreach (var categorie in Enum.GetValues<CategorieEligibilite>())
        {
            Assert.DoesNotContain(categorie.Libelle(), Tableau(liste), StringComparison.Ordinal);
            Assert.DoesNotContain(categorie.Libelle(), Tableau(filtre), StringComparison.Ordinal);
        }
        // The facilitateur's filter offers sensitive categories; showing the list is not an access to a person's data.
        Assert.Contains(CategorieEligibilite.TH.Libelle(), liste, StringComparison.Ordinal);
        Assert.Equal(0, await LireAsync(db => db.JournalAccesDonneesSensibles.CountAsync(j => j.StructureId == structure.Id)));
    }

    [Fact]
    public async Task Le_filtre_du_referent_n_offre_aucune_categorie_sensible_et_l_ignore_si_forge()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var client = await app.ConnecterAsync(referent.Email!);
        await ParticipantEnBaseAsync(structure.Id, referent.Id, nom: "Avecth", categories: [CategorieEligibilite.TH]);
        await ParticipantEnBaseAsync(structure.Id, referent.Id, nom: "Sansth", categories: [CategorieEligibilite.RSA]);

        var page = await LirePageAsync(client, "/Participants?Categorie=TH");

        foreach (var libelle in LibellesSensibles)
            Assert.DoesNotContain(libelle, page, StringComparison.Ordinal);
        // The forged filter is dropped: it must not reveal who has the category.
        Assert.Contains("Avecth", page, StringComparison.Ordinal);
        Assert.Contains("Sansth", page, StringComparison.Ordinal);
        Assert.Contains(CategorieEligibilite.RSA.Libelle(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recherche_par_nom_commune_categorie_et_QPV()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await ParticipantEnBaseAsync(structure.Id, nom: "Aubert", commune: "Montlouis-la-Forêt", qpv: true, categories: [CategorieEligibilite.RSA]);
        await ParticipantEnBaseAsync(structure.Id, nom: "Bernard", commune: "Saint-Aubin-sur-Loire", categories: [CategorieEligibilite.DELD12]);
        await ParticipantEnBaseAsync(structure.Id, nom: "Charpentier", commune: "Joué-sur-Cher", qpv: true);

        async Task<string> Noms(string requete) => Tableau(await LirePageAsync(client, "/Participants" + requete));

        var parNom = await Noms("?Recherche=bern");
        Assert.Contains("Bernard", parNom, StringComparison.Ordinal);
        Assert.DoesNotContain("Aubert", parNom, StringComparison.Ordinal);
        var parCommune = await Noms("?Commune=montlouis");
        Assert.Contains("Aubert", parCommune, StringComparison.Ordinal);
        Assert.DoesNotContain("Bernard", parCommune, StringComparison.Ordinal);
        var parCategorie = await Noms("?Categorie=DELD12");
        Assert.Contains("Bernard", parCategorie, StringComparison.Ordinal);
        Assert.DoesNotContain("Aubert", parCategorie, StringComparison.Ordinal);
        var qpv = await Noms("?Qpv=oui");
        Assert.Contains("Aubert", qpv, StringComparison.Ordinal);
        Assert.Contains("Charpentier", qpv, StringComparison.Ordinal);
        Assert.DoesNotContain("Bernard", qpv, StringComparison.Ordinal);
        var horsQpv = await Noms("?Qpv=non");
        Assert.Contains("Bernard", horsQpv, StringComparison.Ordinal);
        Assert.DoesNotContain("Charpentier", horsQpv, StringComparison.Ordinal);
        Assert.Contains("Fenêtre close le 10/01/2026", horsQpv, StringComparison.Ordinal);
        Assert.DoesNotContain("Bernard", await Noms("?Recherche=%25"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_liste_est_paginee_cote_serveur()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        for (var i = 0; i < 23; i++) await ParticipantEnBaseAsync(structure.Id, nom: $"Nom{i:00}");

        var premiere = await LirePageAsync(client, "/Participants");
        var seconde = await LirePageAsync(client, "/Participants?Numero=2");

        Assert.Contains("Page 1 sur 2", premiere, StringComparison.Ordinal);
        Assert.Contains("Nom19", Tableau(premiere), StringComparison.Ordinal);
        Assert.DoesNotContain("Nom20", Tableau(premiere), StringComparison.Ordinal);
        Assert.Contains("Nom22", Tableau(seconde), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Validation(string date, params (CategorieEligibilite Categorie, string Justificatif)[] lignes)
    {
        var champs = new Dictionary<string, string> { ["Saisie.DateValidation"] = date };
        for (var i = 0; i < lignes.Length; i++)
        {
            champs[$"Saisie.Lignes[{i}].Categorie"] = lignes[i].Categorie.ToString();
            champs[$"Saisie.Lignes[{i}].Cochee"] = "true";
            champs[$"Saisie.Lignes[{i}].Justificatif"] = lignes[i].Justificatif;
        }
        return champs;
    }

    private async Task<Participant> NeLe15Mars2000Async(StructureId structureId)
    {
        var participant = Participant.Creer(structureId, ParticipantsDeTest.Donnees(naissance: new DateOnly(2000, 3, 15), nom: "Jeune"), new DateOnly(2026, 1, 5));
        await LireAsync(async db =>
        {
            db.Participants.Add(participant);
            return await db.SaveChangesAsync();
        });
        return participant;
    }

    [Fact]
    public async Task Facilitateur_valide_l_eligibilite_avec_justificatifs()
    {
        var (client, structure, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await NeLe15Mars2000Async(structure.Id);
        var formulaire = await LirePageAsync(client, $"/Participants/Eligibilite/{participant.Id}");
        Assert.Contains("<legend>Catégories d'éligibilité et justificatifs vus</legend>", formulaire, StringComparison.Ordinal);
        Assert.Contains("value=\"Attestation RSA de moins de 3 mois\"", formulaire, StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}", Validation("2026-03-14",
            (CategorieEligibilite.Jeune26, "Attestation de la Mission locale"), (CategorieEligibilite.TH, "Notification RQTH en cours de validité")));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var decision = await LireAsync(db => db.DecisionsEligibilite.Include(d => d.Categories).SingleAsync(d => d.ParticipantId == participant.Id));
        Assert.Equal(new DateOnly(2026, 3, 14), decision.DateValidation);
        Assert.Equal(utilisateur.Id, decision.ValideParId);
        Assert.Equal(utilisateur.NomComplet, decision.ValideParNom);
        Assert.Equal([CategorieEligibilite.TH, CategorieEligibilite.Jeune26], decision.Categories.Select(c => c.Categorie).OrderByDescending(c => c == CategorieEligibilite.TH));
        Assert.Equal("Attestation de la Mission locale", decision.Categories.Single(c => c.Categorie == CategorieEligibilite.Jeune26).Justificatif);
    }

    [Fact]
    public async Task Jeune26_le_jour_des_26_ans_refuse_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await NeLe15Mars2000Async(structure.Id);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}",
            Validation("2026-03-15", (CategorieEligibilite.Jeune26, "Attestation de la Mission locale")));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await Decoder(reponse);
        Assert.Contains("le participant a 26 ans au 15/03/2026", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Saisie_Categories\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await LireAsync(db => db.DecisionsEligibilite.CountAsync(d => d.ParticipantId == participant.Id)));
    }

    [Fact]
    public async Task Age_prescripteur_et_motif_de_l_avis_sont_refuses_en_une_passe_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await NeLe15Mars2000Async(structure.Id);
        // Jeune26 on the 26th birthday, an avis motivé without a prescripteur nor a motive: three refusals of the domain at once.
        var champs = Validation("2026-03-15", (CategorieEligibilite.Jeune26, "Attestation de la Mission locale"),
            (CategorieEligibilite.AvisMotive, "Fiche de prescription avec avis motivé"));

        var reponse = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}", champs);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var resume = page.QuerySelector("#resume-erreurs")!.TextContent;
        Assert.Contains("le participant a 26 ans au 15/03/2026", resume, StringComparison.Ordinal);
        Assert.Contains("L'avis motivé doit être donné par un prescripteur", resume, StringComparison.Ordinal);
        Assert.Contains("Le champ « Motif de l'avis » est obligatoire.", resume, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#resume-erreurs a[href='#Saisie_Categories']"));
        foreach (var id in new[] { "Saisie_PrescripteurAvis", "Saisie_MotifAvis" })
        {
            Assert.Equal("true", page.GetElementById(id)!.GetAttribute("aria-invalid"));
            Assert.Contains(id + "-erreur", page.GetElementById(id)!.GetAttribute("aria-describedby")!.Split(' '));
            Assert.NotNull(page.QuerySelector($"#resume-erreurs a[href='#{id}']"));
        }
        Assert.Equal(0, await LireAsync(db => db.DecisionsEligibilite.CountAsync(d => d.ParticipantId == participant.Id)));
    }

    [Fact]
    public async Task Aucune_categorie_cochee_refuse()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await NeLe15Mars2000Async(structure.Id);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}", Validation("2026-03-01"));

        Assert.Contains("Cochez au moins une catégorie d'éligibilité.", await Decoder(reponse), StringComparison.Ordinal);
        Assert.Equal(0, await LireAsync(db => db.DecisionsEligibilite.CountAsync(d => d.ParticipantId == participant.Id)));
    }

    [Fact]
    public async Task Avis_motive_sans_motif_refuse_puis_accepte_avec_motif()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await NeLe15Mars2000Async(structure.Id);
        var champs = Validation("2026-03-01", (CategorieEligibilite.AvisMotive, "Fiche de prescription avec avis motivé"));
        champs["Saisie.PrescripteurAvis"] = "MissionLocale";

        var refus = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}", champs);
        var page = await Decoder(refus);
        Assert.Contains("Le champ « Motif de l'avis » est obligatoire.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Saisie_MotifAvis\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await LireAsync(db => db.DecisionsEligibilite.CountAsync(d => d.ParticipantId == participant.Id)));

        champs["Saisie.MotifAvis"] = "Hébergée en CHRS, aucune expérience professionnelle en France.";
        var accepte = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}", champs);
        Assert.Equal(HttpStatusCode.Redirect, accepte.StatusCode);
        var decision = await LireAsync(db => db.DecisionsEligibilite.SingleAsync(d => d.ParticipantId == participant.Id));
        Assert.Equal(Prescripteur.MissionLocale, decision.PrescripteurAvis);
    }

    [Fact]
    public async Task Justificatif_libre_refuse_pour_une_categorie_sensible()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var participant = await NeLe15Mars2000Async(structure.Id);

        var reponse = await FabriqueClause.PosterAsync(client, $"/Participants/Eligibilite/{participant.Id}",
            Validation("2026-03-01", (CategorieEligibilite.TH, "RQTH — troubles bipolaires")));

        Assert.Contains("choisissez le justificatif dans la liste", await Decoder(reponse), StringComparison.Ordinal);
        Assert.Equal(0, await LireAsync(db => db.DecisionsEligibilite.CountAsync(d => d.ParticipantId == participant.Id)));
    }
}
