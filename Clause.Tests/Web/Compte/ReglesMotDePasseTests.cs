using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Compte;

/// <summary>
/// The password rules of ValidateurMotDePasse (issue 16 item 5), one test per clause, then the same validator seen through
/// the pages that set a password (invitation, change; the reset is in ReinitialisationTests).
/// </summary>
public class ReglesMotDePasseTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Email = "marie-helene.dupont@agglo.fr";
    private const string Nom = "Marie-Hélène Dupont";

    private static string[] Codes(string motDePasse, string? email = Email, string? nom = Nom) =>
        ValidateurMotDePasse.Erreurs(motDePasse, email, nom).Select(e => e.Code).ToArray();

    [Fact]
    public void Une_phrase_sans_rapport_avec_la_personne_est_acceptee() =>
        Assert.Empty(Codes("la girafe mange des cerises"));

    [Theory]
    [InlineData("marie-helene.dupont@agglo.fr")] // the e-mail whole
    [InlineData("Marie-Helene.Dupont")]          // the local part, capitals
    [InlineData("mon chat dupont 2026")]         // a part of the local part
    [InlineData("la belle HÉLÈNE du lac")]       // a part of the name, accents and capitals
    [InlineData("marie-hélène dupont")]          // equal to the name
    public void Le_nom_ou_la_partie_locale_de_l_adresse_sont_refuses_sans_casse_ni_accents(string motDePasse) =>
        Assert.Equal([ValidateurMotDePasse.CodeIdentite], Codes(motDePasse));

    [Fact]
    public void Un_nom_seul_suffit_a_refuser() =>
        Assert.Equal([ValidateurMotDePasse.CodeIdentite], Codes("bonne nuit dupont", email: "contact@agglo.fr"));

    [Fact]
    public void La_partie_locale_seule_suffit_a_refuser() =>
        Assert.Equal([ValidateurMotDePasse.CodeIdentite], Codes("le grand mdupont du nord", email: "mdupont@agglo.fr", nom: "Camille"));

    [Fact]
    public void Les_parties_de_moins_de_trois_lettres_ne_comptent_pas() =>
        Assert.Empty(Codes("une phrase de ma liste", email: "jo.li@agglo.fr", nom: "Jo Li"));

    [Theory]
    [InlineData("motdepasse123")]
    [InlineData("AZERTYUIOP123")]
    [InlineData("Motdepasse2026")]
    [InlineData("123456789012")]
    [InlineData("azerty123")]
    [InlineData("motdepasse")]
    public void Les_mots_de_passe_courants_sont_refuses(string motDePasse) =>
        Assert.Equal([ValidateurMotDePasse.CodeCourant], Codes(motDePasse, email: "contact@agglo.fr", nom: "Camille"));

    [Fact]
    public void La_liste_livree_compte_des_milliers_de_mots_de_passe_dont_des_francais()
    {
        using var flux = typeof(ValidateurMotDePasse).Assembly.GetManifestResourceStream("Clause.Infrastructure.Identite.MotsDePasseCourants.txt");
        Assert.NotNull(flux);
        var lignes = new StreamReader(flux).ReadToEnd().Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.InRange(lignes.Count, 1000, 10000);
        Assert.Contains("motdepasse", lignes);
        Assert.Contains("azerty123", lignes);
    }

    [Fact]
    public void Un_mot_de_passe_trop_long_a_son_propre_message()
    {
        var erreurs = ValidateurMotDePasse.Erreurs(new string('x', ValidateurMotDePasse.LongueurMax + 1), Email, Nom).ToList();
        Assert.Equal(ValidateurMotDePasse.CodeTropLong, Assert.Single(erreurs).Code);
        Assert.Equal("Le mot de passe ne doit pas dépasser 128 caractères.", erreurs[0].Description);
        Assert.Empty(Codes(string.Concat(Enumerable.Repeat("girafe ", 20))[..ValidateurMotDePasse.LongueurMax]));
    }

    [Fact]
    public void Les_deux_regles_sont_dites_ensemble() =>
        Assert.Equal([ValidateurMotDePasse.CodeIdentite, ValidateurMotDePasse.CodeCourant], Codes("motdepasse", email: "motdepasse@agglo.fr", nom: "Camille"));

    [Fact]
    public void Le_validateur_est_enregistre_une_fois_dans_identity()
    {
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        Assert.Single(utilisateurs.PasswordValidators.OfType<ValidateurMotDePasse>());
    }

    [Theory]
    [InlineData("motdepasse123", ValidateurMotDePasse.MessageCourant)]
    [InlineData("le cheval de Camille Girard", ValidateurMotDePasse.MessageIdentite)]
    public async Task L_invitation_applique_les_regles(string motDePasse, string message)
    {
        var email = $"camille.girard.{Guid.NewGuid():N}@agglo.fr";
        Guid id;
        string jeton;
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = new Utilisateur { UserName = email, Email = email, NomComplet = "Camille Girard" };
            Assert.True((await utilisateurs.CreerInviteAsync(portee.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), compte, Roles.Referent)).Succeeded);
            id = compte.Id;
            jeton = await utilisateurs.GeneratePasswordResetTokenAsync(compte);
        }
        var url = $"/Compte/Invitation?utilisateur={id}&jeton={Uri.EscapeDataString(jeton)}";

        var reponse = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Invitation", new()
        {
            ["Saisie.Utilisateur"] = id.ToString(),
            ["Saisie.Jeton"] = jeton,
            ["Saisie.MotDePasse"] = motDePasse,
            ["Saisie.Confirmation"] = motDePasse,
        }, url);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(message, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.MotDePasse"));
        Assert.Null(await app.LireBaseAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Theory]
    [InlineData("azertyuiop123", ValidateurMotDePasse.MessageCourant)]
    [InlineData("Ma phrase FACILITATEUR", ValidateurMotDePasse.MessageIdentite)]
    public async Task Le_changement_de_mot_de_passe_applique_les_regles(string nouveau, string message)
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/Compte/MotDePasse", new()
        {
            ["Saisie.MotDePasseActuel"] = FabriqueClause.MotDePasse,
            ["Saisie.NouveauMotDePasse"] = nouveau,
            ["Saisie.Confirmation"] = nouveau,
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(message, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.NouveauMotDePasse"));
        Assert.Equal(HttpStatusCode.Redirect, (await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
            new() { ["Saisie.Email"] = utilisateur.Email!, ["Saisie.MotDePasse"] = FabriqueClause.MotDePasse })).StatusCode);
    }

    [Fact]
    public async Task Un_mot_de_passe_trop_long_est_refuse_sur_la_page_avec_son_message()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var long_ = string.Concat(Enumerable.Repeat("girafe bleue ", 16));

        var reponse = await FabriqueClause.PosterAsync(client, "/Compte/MotDePasse", new()
        {
            ["Saisie.MotDePasseActuel"] = FabriqueClause.MotDePasse,
            ["Saisie.NouveauMotDePasse"] = long_,
            ["Saisie.Confirmation"] = long_,
        });

        Assert.Equal(ValidateurMotDePasse.MessageTropLong, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.NouveauMotDePasse"));
    }
}
