using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

public class EntreprisesPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string MessageSiret = "Le SIRET doit comporter 14 chiffres et sa clé de contrôle doit être valide.";

    private static Dictionary<string, string> Formulaire(string raisonSociale, string siret, string type = "Classique", string codeNaf = "") => new()
    {
        ["Saisie.RaisonSociale"] = raisonSociale,
        ["Saisie.Siret"] = siret,
        ["Saisie.TypeEmployeur"] = type,
        ["Saisie.CodeNaf"] = codeNaf,
        ["Saisie.TrancheEffectif"] = "De10A19",
        ["Saisie.Adresse"] = "12 rue Nationale",
        ["Saisie.CodePostal"] = "37000",
        ["Saisie.Commune"] = "Tours",
    };

    /// <summary>The page as text (entities decoded: Razor writes the apostrophe as &amp;#x27;).</summary>
    private static async Task<string> LirePageAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static async Task<string> LirePageAsync(HttpClient client, Uri? url) => await LirePageAsync(client, url!.OriginalString);

    private Task<int> CompterAsync(StructureId structureId) =>
        app.LireAsync(db => db.Entreprises.CountAsync(e => e.StructureId == structureId));

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("35600000049837")] // La Poste: the sum of the 14 digits is a multiple of 5
    public async Task Siret_valide_du_domaine_est_accepte_a_la_creation(string siret)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire("Maçonnerie Rabelais", siret, "EI", "43.99C"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var enregistree = await app.LireAsync(db => db.Entreprises.SingleAsync(e => e.StructureId == structure.Id));
        Assert.Equal(siret.Replace(" ", "", StringComparison.Ordinal), enregistree.Siret);
        Assert.Equal("4399C", enregistree.CodeNaf);
        Assert.Equal(TrancheEffectif.De10A19, enregistree.TrancheEffectif);
        Assert.Equal($"/Entreprises/Details/{enregistree.Id}", reponse.Headers.Location!.OriginalString);

        var fiche = await LirePageAsync(client, reponse.Headers.Location);
        Assert.Contains("L'entreprise « Maçonnerie Rabelais » a été créée.", fiche, StringComparison.Ordinal);
        Assert.Contains("43.99C", fiche, StringComparison.Ordinal);
        Assert.Contains("10 à 19 salariés", fiche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Siret_a_cle_fausse_est_refuse_sur_le_champ_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire("Maçonnerie Rabelais", "73282932000075"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(MessageSiret, FabriqueClause.ErreurDuChamp(await reponse.Content.ReadAsStringAsync(), "Saisie.Siret"));
        Assert.Equal(0, await CompterAsync(structure.Id));
    }

    [Fact]
    public async Task Siret_deja_present_dans_la_structure_est_refuse_sur_le_champ_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val", "73282932000074");

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire("Autre nom", "732 829 320 00074"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var erreur = FabriqueClause.ErreurDuChamp(await reponse.Content.ReadAsStringAsync(), "Saisie.Siret");
        Assert.Contains("déjà celui de l'entreprise « Bâtiments du Val »", erreur, StringComparison.Ordinal);
        Assert.Equal(1, await CompterAsync(structure.Id));
        Assert.False(await app.LireAsync(db => db.JournalAudit.AnyAsync(j => j.StructureId == structure.Id && j.TypeEntite == "Entreprise" && j.Changements.Contains("Autre nom"))));
    }

    [Fact]
    public async Task Siret_d_une_entreprise_d_une_autre_structure_est_accepte()
    {
        var autre = await app.CreerStructureAsync();
        await app.CreerEntrepriseAsync(autre.Id, "Chez le voisin", "73282932000074");
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire("Chez nous", "73282932000074"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(1, await CompterAsync(structure.Id));
    }

    [Fact]
    public async Task Modifier_vers_le_siret_d_une_autre_entreprise_est_refuse_et_rien_ne_change()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await app.CreerEntrepriseAsync(structure.Id, "Première", "73282932000074");
        var seconde = await app.CreerEntrepriseAsync(structure.Id, "Seconde", "35600000049837");

        var reponse = await FabriqueClause.PosterAsync(client, $"/Entreprises/Modifier/{seconde.Id}", Formulaire("Seconde renommée", "73282932000074"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("« Première »", FabriqueClause.ErreurDuChamp(await reponse.Content.ReadAsStringAsync(), "Saisie.Siret"), StringComparison.Ordinal);
        var relue = await app.LireAsync(db => db.Entreprises.SingleAsync(e => e.Id == seconde.Id));
        Assert.Equal("Seconde", relue.RaisonSociale);
        Assert.Equal("35600000049837", relue.Siret);
    }

    [Fact]
    public async Task Modifier_enregistre_et_l_historique_le_montre()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Loire Peinture", "73282932000074");
        var formulaire = FabriqueClause.ChampsDuFormulaire(await LirePageAsync(client, $"/Entreprises/Modifier/{entreprise.Id}"));
        Assert.Equal("Loire Peinture", formulaire["Saisie.RaisonSociale"]);
        formulaire["Saisie.TypeEmployeur"] = "RegieQuartier";
        formulaire["Saisie.CodeNaf"] = "8121z";

        var reponse = await FabriqueClause.PosterAsync(client, $"/Entreprises/Modifier/{entreprise.Id}", formulaire);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var fiche = await LirePageAsync(client, $"/Entreprises/Details/{entreprise.Id}");
        Assert.Contains("Régie de quartier", fiche, StringComparison.Ordinal);
        Assert.Contains("Structure d'insertion (SIAE)", fiche, StringComparison.Ordinal);
        Assert.Contains("Historique des modifications", fiche, StringComparison.Ordinal);
        Assert.Contains("Type d'employeur : Entreprise classique → Régie de quartier", System.Text.RegularExpressions.Regex.Replace(fiche, "<[^>]+>", ""), StringComparison.Ordinal);
        Assert.Contains("— → 81.21Z", fiche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_NAF_mal_forme_est_refuse_avec_un_message_francais_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire("Maçonnerie Rabelais", "73282932000074", codeNaf: "41200"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Le code NAF doit comporter 4 chiffres suivis d'une lettre", FabriqueClause.ErreurDuChamp(await reponse.Content.ReadAsStringAsync(), "Saisie.CodeNaf"), StringComparison.Ordinal);
        Assert.Equal(0, await CompterAsync(structure.Id));
    }

    [Fact]
    public async Task Raison_sociale_trop_longue_est_refusee_avec_un_message_francais()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire(new string('A', 201), "73282932000074"));

        Assert.Equal("Le champ « Raison sociale » ne doit pas dépasser 200 caractères.",
            FabriqueClause.ErreurDuChamp(await reponse.Content.ReadAsStringAsync(), "Saisie.RaisonSociale"));
        Assert.Equal(0, await CompterAsync(structure.Id));
    }

    [Fact]
    public async Task Fiche_montre_la_section_des_lots_vide()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "GEIQ Bâtiment", "73282932000074", TypeEmployeur.GEIQ);

        var fiche = await LirePageAsync(client, $"/Entreprises/Details/{entreprise.Id}");

        Assert.Contains("<h2 id=\"titre-lots-entreprise\">Lots de l'entreprise</h2>", fiche, StringComparison.Ordinal);
        Assert.Contains("Cette entreprise ne tient aucun lot.", fiche, StringComparison.Ordinal);
        Assert.DoesNotContain("/Entreprises/Modifier/", fiche, StringComparison.Ordinal); // Direction reads, does not edit
    }

    [Theory]
    [InlineData("732 829 320 00074")]
    [InlineData("73282932000074")]
    [InlineData("732829320")]
    [InlineData("rabelais")]
    public async Task Recherche_par_nom_ou_siret_avec_ou_sans_espaces(string recherche)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        await app.CreerEntrepriseAsync(structure.Id, "Maçonnerie Rabelais", "73282932000074");
        await app.CreerEntrepriseAsync(structure.Id, "Loire Peinture", "35600000049837");

        var page = await LirePageAsync(client, "/Entreprises?Recherche=" + Uri.EscapeDataString(recherche));

        Assert.Contains("Maçonnerie Rabelais", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Loire Peinture", page, StringComparison.Ordinal);
        Assert.Contains("1 entreprise.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtre_par_type_d_employeur()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        await app.CreerEntrepriseAsync(structure.Id, "Maçonnerie Rabelais", "73282932000074");
        await app.CreerEntrepriseAsync(structure.Id, "Intérim Solidaire", "35600000049837", TypeEmployeur.ETTI);

        var page = await LirePageAsync(client, "/Entreprises?Type=ETTI");

        Assert.Contains("Intérim Solidaire", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Maçonnerie Rabelais", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liste_paginee_et_triee_cote_serveur_sans_les_entreprises_des_autres()
    {
        var autre = await app.CreerStructureAsync();
        await app.CreerEntrepriseAsync(autre.Id, "AAA d'une autre structure", "73282932000074");
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        for (var i = 1; i <= 25; i++)
        {
            var siren = Clause.Domain.Commun.Siret.AvecCle($"100000{i:00}");
            await app.CreerEntrepriseAsync(structure.Id, $"Entreprise {i:00}", Clause.Domain.Commun.Siret.AvecCle(siren + "0001"));
        }

        var premiere = await LirePageAsync(client, "/Entreprises?tri=nom&ordre=desc");
        var seconde = await LirePageAsync(client, "/Entreprises?tri=nom&ordre=desc&numero=2");

        Assert.Contains("25 entreprises.", premiere, StringComparison.Ordinal);
        Assert.Contains("Entreprise 25", premiere, StringComparison.Ordinal);
        Assert.DoesNotContain("Entreprise 05", premiere, StringComparison.Ordinal);
        Assert.Contains("Entreprise 05", seconde, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", seconde, StringComparison.Ordinal);
        Assert.DoesNotContain("AAA d'une autre structure", premiere + seconde, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_ajoute_modifie_puis_retire_par_les_pages()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Loire Peinture", "73282932000074");

        var ajout = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", new()
        {
            ["Saisie.Nom"] = "Claire Martin",
            ["Saisie.Role"] = "ConducteurTravaux",
            ["Saisie.Email"] = "claire.martin@loire-peinture.fr",
            ["Saisie.Telephone"] = "02 47 12 34 56",
        });
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        var contactId = await app.LireAsync(db => db.Entreprises.Where(e => e.Id == entreprise.Id).SelectMany(e => e.Contacts).Select(c => c.Id).SingleAsync());
        var fiche = await LirePageAsync(client, $"/Entreprises/Details/{entreprise.Id}");
        Assert.Contains("Claire Martin", fiche, StringComparison.Ordinal);
        Assert.Contains("Conducteur de travaux", fiche, StringComparison.Ordinal);

        var modification = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}/{contactId}", new()
        {
            ["Saisie.Nom"] = "Claire Martin",
            ["Saisie.Role"] = "Tuteur",
            ["Saisie.Email"] = "",
            ["Saisie.Telephone"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, modification.StatusCode);
        Assert.Equal(RoleContactEntreprise.Tuteur, await app.LireAsync(db => db.Entreprises.Where(e => e.Id == entreprise.Id).SelectMany(e => e.Contacts).Select(c => c.Role).SingleAsync()));

        var retrait = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}/{contactId}?handler=Retirer", [],
            $"/Entreprises/Contact/{entreprise.Id}/{contactId}");
        Assert.Equal(HttpStatusCode.Redirect, retrait.StatusCode);
        Assert.False(await app.LireAsync(db => db.Entreprises.Where(e => e.Id == entreprise.Id).SelectMany(e => e.Contacts).AnyAsync()));
        fiche = await LirePageAsync(client, $"/Entreprises/Details/{entreprise.Id}");
        Assert.Contains("Suppression d'un contact", fiche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_avec_email_invalide_est_refuse_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Loire Peinture", "73282932000074");

        var reponse = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", new()
        {
            ["Saisie.Nom"] = "Claire Martin",
            ["Saisie.Role"] = "RH",
            ["Saisie.Email"] = "claire.martin",
            ["Saisie.Telephone"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("« E-mail » doit être une adresse e-mail valide", FabriqueClause.ErreurDuChamp(await reponse.Content.ReadAsStringAsync(), "Saisie.Email"), StringComparison.Ordinal);
        Assert.False(await app.LireAsync(db => db.Entreprises.Where(e => e.Id == entreprise.Id).SelectMany(e => e.Contacts).AnyAsync()));
    }

    [Fact]
    public async Task Entreprise_d_une_autre_structure_repond_404()
    {
        var autre = await app.CreerStructureAsync();
        var etrangere = await app.CreerEntrepriseAsync(autre.Id, "Chez le voisin", "73282932000074",
            completer: e => e.AjouterContact("Paul Durand", RoleContactEntreprise.Dirigeant, null, null));
        var contactId = etrangere.Contacts[0].Id;
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Entreprises/Details/{etrangere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Entreprises/Modifier/{etrangere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Entreprises/Contact/{etrangere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Entreprises/Contact/{etrangere.Id}/{contactId}")).StatusCode);

        // The antiforgery token comes from one's own form; the POST targets the other structure's record.
        var modification = await FabriqueClause.PosterAsync(client, $"/Entreprises/Modifier/{etrangere.Id}", Formulaire("Pris !", "73282932000074"), "/Entreprises/Creer");
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        var contact = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{etrangere.Id}",
            new() { ["Saisie.Nom"] = "Intrus", ["Saisie.Role"] = "RH" }, "/Entreprises/Creer");
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        var retrait = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{etrangere.Id}/{contactId}?handler=Retirer", [], "/Entreprises/Creer");
        Assert.Equal(HttpStatusCode.NotFound, retrait.StatusCode);

        var relue = await app.LireAsync(db => db.Entreprises.Include(e => e.Contacts).SingleAsync(e => e.Id == etrangere.Id));
        Assert.Equal("Chez le voisin", relue.RaisonSociale);
        Assert.Single(relue.Contacts);
    }

    [Theory]
    [InlineData(Roles.Referent, "/Entreprises")]
    [InlineData(Roles.Referent, "/Entreprises/Details/{id}")]
    [InlineData(Roles.Referent, "/Entreprises/Creer")]
    [InlineData(Roles.Entreprise, "/Entreprises")]
    [InlineData(Roles.Entreprise, "/Entreprises/Details/{id}")]
    [InlineData(Roles.Entreprise, "/Entreprises/Modifier/{id}")]
    [InlineData(Roles.DonneurOrdre, "/Entreprises")]
    [InlineData(Roles.Direction, "/Entreprises/Creer")]
    [InlineData(Roles.Direction, "/Entreprises/Modifier/{id}")]
    [InlineData(Roles.Direction, "/Entreprises/Contact/{id}")]
    public async Task Role_non_autorise_est_refuse(string role, string url)
    {
        var structure = await app.CreerStructureAsync();
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val", "73282932000074");
        var utilisateur = await app.CreerUtilisateurAsync(role, structure.Id, role == Roles.Entreprise ? entreprise.Id : null);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var reponse = await client.GetAsync(url.Replace("{id}", entreprise.Id.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.Direction)]
    public async Task Role_non_autorise_ne_peut_pas_creer_par_un_post(string role)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);

        // The token comes from the home page's sign-out form.
        var reponse = await FabriqueClause.PosterAsync(client, "/Entreprises/Creer", Formulaire("Intrus", "73282932000074"), "/");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await CompterAsync(structure.Id));
    }

    [Fact]
    public async Task Direction_voit_la_liste_et_le_lien_du_menu()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val", "73282932000074");

        var page = await LirePageAsync(client, "/Entreprises");

        Assert.Contains("Bâtiments du Val", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Entreprises\">Entreprises</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter une entreprise", page, StringComparison.Ordinal);
    }
}
