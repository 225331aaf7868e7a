using System.Net;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

/// <summary>
/// Issue 16 item 8, the edge of every form: control characters, the strict e-mail rule, a value outside a list, too many
/// fields, a NUL byte — each refused with a French message that says what was wrong, on real pages (and the API) against
/// the real database, and nothing written.
/// </summary>
public class HygieneSaisiesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private async Task<(HttpClient Client, Clause.Domain.Entreprises.Entreprise Entreprise)> EntrepriseAsync()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        return (client, await app.CreerEntrepriseAsync(structure.Id, "Loire Peinture", "73282932000074"));
    }

    private static Dictionary<string, string> Contact(string nom = "Claire Martin", string role = "RH", string email = "claire.martin@loire-peinture.fr") =>
        new() { ["Saisie.Nom"] = nom, ["Saisie.Role"] = role, ["Saisie.Email"] = email, ["Saisie.Telephone"] = "" };

    private Task<int> ContactsAsync(Clause.Domain.Entreprises.Entreprise entreprise) =>
        app.LireAsync(db => db.Entreprises.Where(e => e.Id == entreprise.Id).SelectMany(e => e.Contacts).CountAsync());

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> FormulaireRefuseAsync(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return await AcheteursDeTest.DocumentAsync(reponse);
    }

    [Fact]
    public async Task Un_caractere_de_controle_dans_un_nom_est_refuse_en_nommant_le_champ()
    {
        var (client, entreprise) = await EntrepriseAsync();

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", Contact(nom: "Claire\u0007Martin")));

        Assert.Equal("Le champ « Nom et prénom » contient un caractère non autorisé.", page.ErreurDuChamp("Saisie.Nom"));
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Une_tabulation_ou_un_saut_de_ligne_refuses_dans_un_nom()
    {
        var (client, entreprise) = await EntrepriseAsync();

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", Contact(nom: "Claire\tMartin\nRH")));

        Assert.Equal("Le champ « Nom et prénom » contient un caractère non autorisé.", page.ErreurDuChamp("Saisie.Nom"));
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Un_texte_long_garde_tabulation_et_sauts_de_ligne_mais_refuse_les_autres_controles()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var lot = (await app.SemerMarcheAsync(s, euros: 1_000_000, lots: SituationsMarches.LotF1())).Lots[0];
        var details = $"/Lots/Details/{lot.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await FabriqueClause.PosterAsync(client, $"/Lots/Statut/{lot.Id}", new() { ["Saisie.Cible"] = "Lancement" }, details)).StatusCode);

        var refus = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, $"/Lots/Statut/{lot.Id}",
            new() { ["Saisie.Cible"] = "ANotifier", ["Saisie.Motif"] = "Erreur de saisie\u001B[2J" }, details));
        Assert.Equal("Le champ « Motif du retour » contient un caractère non autorisé.", refus.ErreurDuChamp("Saisie.Motif"));
        Assert.Equal(StatutLot.Lancement, (await app.RelireLotAsync(lot.Id)).Statut);

        var accepte = await FabriqueClause.PosterAsync(client, $"/Lots/Statut/{lot.Id}",
            new() { ["Saisie.Cible"] = "ANotifier", ["Saisie.Motif"] = "Erreur de saisie :\r\n\t- mauvais lot" }, details);
        Assert.Equal(HttpStatusCode.Redirect, accepte.StatusCode);
        var relu = await app.RelireLotAsync(lot.Id);
        Assert.Equal(StatutLot.ANotifier, relu.Statut);
        Assert.Equal("Erreur de saisie :\r\n\t- mauvais lot", relu.MotifRetour);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Chef")]
    [InlineData("RH,Tuteur")]
    public async Task Une_valeur_forgee_dans_une_liste_nomme_le_champ(string role)
    {
        var (client, entreprise) = await EntrepriseAsync();

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", Contact(role: role)));

        Assert.Equal("Le champ « Rôle » n'accepte pas cette valeur.", page.ErreurDuChamp("Saisie.Role"));
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Theory]
    [InlineData("mailto:claire.martin@loire-peinture.fr")]
    [InlineData("http://claire@loire-peinture.fr")]
    [InlineData("claire martin@loire-peinture.fr")]
    [InlineData("claire@martin@loire-peinture.fr")]
    [InlineData("claire.martin@loire-peinture")]
    public async Task Une_adresse_e_mail_non_stricte_est_refusee_sur_un_contact(string email)
    {
        var (client, entreprise) = await EntrepriseAsync();

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", Contact(email: email)));

        Assert.Equal("Le champ « E-mail » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr).", page.ErreurDuChamp("Saisie.Email"));
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Une_invitation_a_une_adresse_avec_schema_est_refusee_et_aucun_compte_n_est_cree()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, "/Admin/Utilisateurs/Inviter", new()
        {
            ["Saisie.Email"] = "mailto:camille.girard@exemple.fr",
            ["Saisie.NomComplet"] = "Camille Girard",
            ["Saisie.Role"] = Roles.Facilitateur,
            ["Saisie.StructureId"] = structure.Id.ToString(),
        }));

        Assert.Equal("Le champ « Adresse e-mail » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr).", page.ErreurDuChamp("Saisie.Email"));
        Assert.False(await app.LireAsync(db => db.Users.AnyAsync(u => u.NomComplet == "Camille Girard")));
    }

    [Fact]
    public async Task Mot_de_passe_oublie_refuse_une_adresse_non_stricte_et_ne_depose_rien()
    {
        var avant = await app.LireAsync(db => db.MessagesSortants.CountAsync());

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(app.Client(), "/Compte/MotDePasseOublie",
            new() { ["Saisie.Email"] = "camille girard@exemple.fr" }));

        Assert.Equal("Le champ « Adresse e-mail » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr).", page.ErreurDuChamp("Saisie.Email"));
        Assert.Equal(avant, await app.LireAsync(db => db.MessagesSortants.CountAsync()));
    }

    [Fact]
    public async Task Toutes_les_erreurs_de_bord_en_une_passe()
    {
        var (client, entreprise) = await EntrepriseAsync();

        var page = await FormulaireRefuseAsync(await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}",
            Contact(nom: "Claire\u001BMartin", role: "Chef", email: "mailto:claire@loire-peinture.fr")));

        Assert.Equal("Le champ « Nom et prénom » contient un caractère non autorisé.", page.ErreurDuChamp("Saisie.Nom"));
        Assert.Equal("Le champ « Rôle » n'accepte pas cette valeur.", page.ErreurDuChamp("Saisie.Role"));
        Assert.Equal("Le champ « E-mail » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr).", page.ErreurDuChamp("Saisie.Email"));
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Trop_de_champs_repond_une_page_400_en_francais_et_rien_n_est_ecrit()
    {
        var (client, entreprise) = await EntrepriseAsync();
        var champs = Contact();
        for (var i = 0; i < 1100; i++) champs[$"Saisie.Inutile{i}"] = "x";

        var reponse = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", champs);

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Requête refusée", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Le formulaire contient trop de champs.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Un_champ_trop_long_repond_une_page_400_en_francais()
    {
        var (client, entreprise) = await EntrepriseAsync();

        var reponse = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", Contact(nom: new string('a', 5 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("Un champ du formulaire est trop long.", (await AcheteursDeTest.DocumentAsync(reponse)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Une_page_qui_declare_plus_de_champs_les_recoit()
    {
        // Heures/Lot takes 20 000 fields ([RequestFormLimits]): the edge reads the page's limit, not the default 1 024.
        var (client, _) = await EntrepriseAsync();
        var champs = new Dictionary<string, string>();
        for (var i = 0; i < 1100; i++) champs[$"Lignes[{i}].Heures"] = "1";

        var reponse = await FabriqueClause.PosterAsync(client, $"/Heures/Lot/{Guid.NewGuid()}", champs, "/Entreprises");

        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
    }

    [Fact]
    public async Task Un_octet_nul_dans_un_formulaire_repond_une_page_400_en_francais_et_rien_n_est_ecrit()
    {
        var (client, entreprise) = await EntrepriseAsync();

        var reponse = await FabriqueClause.PosterAsync(client, $"/Entreprises/Contact/{entreprise.Id}", Contact(nom: "Claire\0Martin"));

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Requête refusée", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("La requête contient un caractère nul.", page.QuerySelector("main")?.TextContent ?? page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(0, await ContactsAsync(entreprise));
    }

    [Fact]
    public async Task Un_octet_nul_dans_l_adresse_d_une_page_repond_400_en_francais()
    {
        var (client, _) = await EntrepriseAsync();

        var reponse = await client.GetAsync("/Entreprises?recherche=Loire%00Peinture");

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("La requête contient un caractère nul.", (await AcheteursDeTest.DocumentAsync(reponse)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_octet_nul_sur_l_api_repond_un_probleme_en_francais()
    {
        var (_, structure, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var client = app.ClientApi(await app.CreerJetonAsync(utilisateur));
        _ = structure;

        var reponse = await client.GetAsync("/api/v1/moi?x=%00");

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync());
        Assert.Equal("Requête invalide", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("La requête contient un caractère nul.", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Un_mot_de_passe_n_est_pas_controle_caractere_par_caractere()
    {
        var (_, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var email = $"secret-{Guid.NewGuid():N}@test.fr";
        await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id, email: email);

        // A wrong password holding a control character gets the sign-in's one answer, not a field error about characters.
        var reponse = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
            new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = "chevalagrafe-batterie" });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal(string.Empty, page.ErreurDuChamp("Saisie.MotDePasse"));
        Assert.DoesNotContain("caractère non autorisé", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nom", false, true)]
    [InlineData("Nom\u0000", false, false)]
    [InlineData("Nom\u007F", false, false)]
    [InlineData("Nom\u0085", false, false)]
    [InlineData("Nom\tPrénom", false, false)]
    [InlineData("Ligne 1\r\nLigne 2\t", true, true)]
    [InlineData("Ligne 1\u000B", true, false)]
    [InlineData("Ligne 1\0", true, false)]
    public void Les_caracteres_de_controle_permis_dependent_du_texte(string texte, bool texteLong, bool autorise) =>
        Assert.Equal(autorise, ValidationCaracteres.EstAutorise(texte, texteLong));
}

public class AdresseEmailTests
{
    [Theory]
    [InlineData("prenom.nom@exemple.fr")]
    [InlineData("p+tag@sous.domaine.exemple.fr")]
    [InlineData("jean-luc_o'neil@agglo-tours.fr")]
    [InlineData("camille@mairie-saint-étienne.fr")]
    public void Une_adresse_valide_passe(string adresse) => Assert.True(AdresseEmail.EstValide(adresse));

    [Theory]
    [InlineData("")]
    [InlineData("prenom.nom")]
    [InlineData("@exemple.fr")]
    [InlineData("prenom@")]
    [InlineData("prenom@exemple")]
    [InlineData("prenom@@exemple.fr")]
    [InlineData("a@b@exemple.fr")]
    [InlineData("prenom @exemple.fr")]
    [InlineData(" prenom@exemple.fr")]
    [InlineData("prenom@exemple.fr\n")]
    [InlineData("mailto:prenom@exemple.fr")]
    [InlineData("http://prenom@exemple.fr")]
    [InlineData("prenom@exemple..fr")]
    [InlineData("prenom@.exemple.fr")]
    [InlineData("prenom@exemple.fr.")]
    [InlineData("prenom@-exemple.fr")]
    [InlineData("prenom@exemple.fr/chemin")]
    [InlineData("Prénom <prenom@exemple.fr>")]
    [InlineData("a@exemple.fr,b@exemple.fr")]
    public void Une_adresse_non_stricte_est_refusee(string adresse) => Assert.False(AdresseEmail.EstValide(adresse));

    [Fact]
    public void Le_domaine_applique_la_meme_regle()
    {
        var erreur = Assert.Throws<RegleMetierException>(() => Garde.Email("mailto:prenom@exemple.fr", "Email", "E-mail", 254));
        Assert.Equal("Le champ « E-mail » doit être une adresse e-mail valide (exemple : prenom.nom@exemple.fr).", erreur.Message);
        Assert.Equal("prenom@exemple.fr", Garde.Email("  prenom@exemple.fr ", "Email", "E-mail", 254));
    }
}
