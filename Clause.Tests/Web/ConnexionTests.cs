using System.Net;
using Clause.Domain.Securite;
using Clause.Tests.Support;

namespace Clause.Tests.Web;

public class ConnexionTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Page_protegee_redirige_vers_la_connexion()
    {
        var reponse = await app.Client().GetAsync("/DonneursOrdre");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/Connexion", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facilitateur_se_connecte_et_voit_l_accueil()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var accueil = await client.GetStringAsync("/");
        Assert.Contains("Facilitateur", accueil, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mauvais_mot_de_passe_donne_un_message_francais()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var reponse = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
            new() { ["Saisie.Email"] = utilisateur.Email!, ["Saisie.MotDePasse"] = "pas le bon mot de passe" });
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Six_mots_de_passe_faux_verrouillent_le_compte_meme_avec_le_bon_ensuite()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        string page = string.Empty;
        for (var i = 0; i < 6; i++)
        {
            var reponse = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
                new() { ["Saisie.Email"] = utilisateur.Email!, ["Saisie.MotDePasse"] = "mauvais-mot-de-passe-" + i });
            page = await reponse.Content.ReadAsStringAsync();
        }
        // A wrong password is answered as such, locked or not: the lockout is not told to whoever does not know the password.
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("verrouillé", page, StringComparison.Ordinal);

        var bon = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
            new() { ["Saisie.Email"] = utilisateur.Email!, ["Saisie.MotDePasse"] = FabriqueClause.MotDePasse });
        Assert.Equal(HttpStatusCode.OK, bon.StatusCode); // no redirect: still locked
        Assert.Contains("verrouillé", await bon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_sans_jeton_antiforgery_est_refuse()
    {
        using var formulaire = new FormUrlEncodedContent(new Dictionary<string, string> { ["Saisie.Email"] = "x@y.fr", ["Saisie.MotDePasse"] = "abcdefghijklm" });
        var reponse = await app.Client().PostAsync("/Compte/Connexion", formulaire);
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
    }
}
