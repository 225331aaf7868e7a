using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Clause.Web.Pages.Compte;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Compte;

/// <summary>Changing one's password: current one required, sign-in policy, other sessions closed, this one kept.</summary>
public class MotDePasseTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Page = "/Compte/MotDePasse";
    private const string Nouveau = "une toute nouvelle phrase";

    private static Task<HttpResponseMessage> ChangerAsync(HttpClient client, string actuel, string nouveau, string? confirmation = null) =>
        FabriqueClause.PosterAsync(client, Page, new()
        {
            ["Saisie.MotDePasseActuel"] = actuel,
            ["Saisie.NouveauMotDePasse"] = nouveau,
            ["Saisie.Confirmation"] = confirmation ?? nouveau,
        });

    private Task<string?> TamponAsync(Guid id) =>
        app.LireBaseAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

    /// <summary>A fresh client posting the sign-in form: true when it is let in.</summary>
    private async Task<bool> ConnexionReussitAsync(string email, string motDePasse)
    {
        var reponse = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
            new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = motDePasse });
        return reponse.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task Changer_son_mot_de_passe_ferme_les_autres_sessions_et_garde_celle_ci()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var ici = await app.ConnecterAsync(utilisateur.Email!);
        var ailleurs = await app.ConnecterAsync(utilisateur.Email!);

        var reponse = await ChangerAsync(ici, FabriqueClause.MotDePasse, Nouveau);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/Compte/MonCompte", reponse.Headers.Location!.OriginalString);
        Assert.Contains(MotDePasseModel.Succes, (await ici.PageAsync("/Compte/MonCompte")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // Past the security stamp's check interval (one minute, on the app's clock): the other session is closed...
        app.Horloge.Advance(TimeSpan.FromMinutes(2));
        var autre = await ailleurs.GetAsync("/Compte/MonCompte");
        Assert.Equal(HttpStatusCode.Redirect, autre.StatusCode);
        Assert.StartsWith("/Compte/Connexion", autre.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // ...this one goes on, with the cookie refreshed by the change.
        Assert.Equal(HttpStatusCode.OK, (await ici.GetAsync("/Compte/MonCompte")).StatusCode);

        Assert.True(await ConnexionReussitAsync(utilisateur.Email!, Nouveau));
        Assert.False(await ConnexionReussitAsync(utilisateur.Email!, FabriqueClause.MotDePasse));
    }

    [Fact]
    public async Task Actuel_faux_nouveau_trop_court_et_confirmation_differente_sont_annonces_en_une_passe_et_rien_ne_change()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var tampon = await TamponAsync(utilisateur.Id);

        var reponse = await ChangerAsync(client, "pas le bon mot de passe", "trop court", "autre chose");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var messages = new Dictionary<string, string>
        {
            ["Saisie_MotDePasseActuel"] = MotDePasseModel.MessageActuelIncorrect,
            ["Saisie_NouveauMotDePasse"] = "Le mot de passe doit comporter au moins 12 caractères.",
            ["Saisie_Confirmation"] = "Les deux mots de passe ne sont pas identiques.",
        };
        foreach (var (id, message) in messages)
        {
            var champ = page.GetElementById(id)!;
            Assert.Equal("true", champ.GetAttribute("aria-invalid"));
            Assert.Contains(id + "-erreur", champ.GetAttribute("aria-describedby")!.Split(' '));
            Assert.Equal(message, page.GetElementById(id + "-erreur")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector($"#resume-erreurs a[href='#{id}']"));
        }
        Assert.Equal(tampon, await TamponAsync(utilisateur.Id));
        Assert.True(await ConnexionReussitAsync(utilisateur.Email!, FabriqueClause.MotDePasse));
    }

    [Fact]
    public async Task Un_mot_de_passe_actuel_faux_est_refuse_sur_son_champ_et_rien_ne_change()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Entreprise);
        var tampon = await TamponAsync(utilisateur.Id);

        var reponse = await ChangerAsync(client, "pas le bon mot de passe", Nouveau);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(MotDePasseModel.MessageActuelIncorrect, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.MotDePasseActuel"));
        Assert.Equal(tampon, await TamponAsync(utilisateur.Id));
        Assert.True(await ConnexionReussitAsync(utilisateur.Email!, FabriqueClause.MotDePasse));
    }

    [Theory]
    [InlineData("trop court", null, "Saisie.NouveauMotDePasse", "Le mot de passe doit comporter au moins 12 caractères.")]
    [InlineData("aaaaaaaaaaaaaaaa", null, "Saisie.NouveauMotDePasse", "Le mot de passe doit comporter au moins 4 caractères différents.")]
    [InlineData(Nouveau, "une autre phrase encore", "Saisie.Confirmation", "Les deux mots de passe ne sont pas identiques.")]
    [InlineData("", null, "Saisie.NouveauMotDePasse", "Saisissez un nouveau mot de passe.")]
    public async Task Un_nouveau_mot_de_passe_hors_regle_est_refuse_en_francais_et_rien_ne_change(string nouveau, string? confirmation, string champ, string message)
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.DonneurOrdre);
        var tampon = await TamponAsync(utilisateur.Id);

        var reponse = await ChangerAsync(client, FabriqueClause.MotDePasse, nouveau, confirmation);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(message, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp(champ));
        Assert.Equal(tampon, await TamponAsync(utilisateur.Id));
        Assert.True(await ConnexionReussitAsync(utilisateur.Email!, FabriqueClause.MotDePasse));
    }

    [Fact]
    public async Task Le_mot_de_passe_actuel_est_obligatoire()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);

        var reponse = await ChangerAsync(client, "", Nouveau);

        Assert.Equal("Saisissez votre mot de passe actuel.", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.MotDePasseActuel"));
    }
}
