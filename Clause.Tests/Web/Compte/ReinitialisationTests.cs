using System.Net;
using System.Text.RegularExpressions;
using Clause.Domain.Securite;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Compte;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Clause.Tests.Web.Compte;

/// <summary>« Mot de passe oublié ? » and the reset link (issue 16 item 3): same answer, single use, 1 hour, sessions closed, staff sending.</summary>
public partial class ReinitialisationTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Nouveau = "une girafe sous la pluie";

    private async Task<HttpResponseMessage> DemanderAsync(string email)
    {
        var reponse = await FabriqueClause.PosterAsync(app.Client(), "/Compte/MotDePasseOublie", new() { ["Saisie.Email"] = email });
        await app.Services.GetRequiredService<FileDemandesReinitialisation>().AttendreAsync();
        return reponse;
    }

    private async Task<List<MimeMessage>> MailsPourAsync(string email)
    {
        await app.EnvoyerMailsAsync();
        var mails = new List<MimeMessage>();
        if (!Directory.Exists(app.DossierMails)) return mails;
        foreach (var fichier in Directory.EnumerateFiles(app.DossierMails, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(fichier);
            if (message.To.Mailboxes.Any(m => m.Address == email)) mails.Add(message);
        }
        return mails;
    }

    private static (string Url, string Utilisateur, string Jeton) Lien(MimeMessage mail)
    {
        var lien = new Uri(LienReinitialisation().Match(mail.TextBody ?? string.Empty).Value);
        var parametres = QueryHelpers.ParseQuery(lien.Query);
        return (lien.PathAndQuery, parametres["utilisateur"].ToString(), parametres["jeton"].ToString());
    }

    private static Task<HttpResponseMessage> ChoisirAsync((string Url, string Utilisateur, string Jeton) lien, string motDePasse, HttpClient client) =>
        FabriqueClause.PosterAsync(client, "/Compte/Reinitialisation", new()
        {
            ["Saisie.Utilisateur"] = lien.Utilisateur,
            ["Saisie.Jeton"] = lien.Jeton,
            ["Saisie.MotDePasse"] = motDePasse,
            ["Saisie.Confirmation"] = motDePasse,
        }, lien.Url);

    private async Task<bool> ConnexionReussitAsync(string email, string motDePasse) =>
        (await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion", new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = motDePasse }))
        .StatusCode == HttpStatusCode.Redirect;

    [Fact]
    public async Task La_page_de_connexion_mene_au_mot_de_passe_oublie()
    {
        var page = await app.Client().PageAsync("/Compte/Connexion");
        Assert.Equal("/Compte/MotDePasseOublie", page.QuerySelector("a[href='/Compte/MotDePasseOublie']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Meme_reponse_que_l_adresse_existe_soit_desactivee_ou_non()
    {
        var structure = await app.CreerStructureAsync();
        var actif = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var desactive = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        await app.LireBaseAsync(db => db.Users.Where(u => u.Id == desactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Actif, false)));
        var inconnue = $"personne-{Guid.NewGuid():N}@test.fr";

        var reponses = new List<(HttpStatusCode, string?)>();
        foreach (var email in new[] { actif.Email!, desactive.Email!, inconnue })
        {
            var reponse = await DemanderAsync(email);
            reponses.Add((reponse.StatusCode, reponse.Headers.Location?.OriginalString));
        }

        Assert.All(reponses, r => Assert.Equal((HttpStatusCode.Redirect, "/Compte/MotDePasseOublie?demande=envoyee"), r));
        var page = await app.Client().PageAsync("/Compte/MotDePasseOublie?demande=envoyee");
        Assert.Equal(MotDePasseOublieModel.MessageEnvoye, page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Single(await MailsPourAsync(actif.Email!));
        Assert.Empty(await MailsPourAsync(desactive.Email!));
        Assert.Empty(await MailsPourAsync(inconnue));
    }

    [Fact]
    public async Task Le_lien_sert_une_fois_ferme_les_sessions_et_applique_les_regles()
    {
        var structure = await app.CreerStructureAsync();
        var compte = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var session = await app.ConnecterAsync(compte.Email!);
        await DemanderAsync(compte.Email!);
        var mail = Assert.Single(await MailsPourAsync(compte.Email!));
        Assert.Equal("Choisir un nouveau mot de passe Clause", mail.Subject);
        var lien = Lien(mail);

        var courant = await ChoisirAsync(lien, "motdepasse123", app.Client());
        Assert.Equal(ValidateurMotDePasse.MessageCourant, (await AcheteursDeTest.DocumentAsync(courant)).ErreurDuChamp("Saisie.MotDePasse"));

        var reponse = await ChoisirAsync(lien, Nouveau, app.Client());
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal("/Compte/Connexion", reponse.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.LireBaseAsync(db => db.SessionsConnexion.CountAsync(s => s.UtilisateurId == compte.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/Compte/MonCompte")).StatusCode);
        Assert.True(await ConnexionReussitAsync(compte.Email!, Nouveau));
        Assert.False(await ConnexionReussitAsync(compte.Email!, FabriqueClause.MotDePasse));

        var reutilise = await ChoisirAsync(lien, "encore une autre girafe", app.Client());
        Assert.Equal(HttpStatusCode.OK, reutilise.StatusCode);
        Assert.Contains(ReinitialisationModel.MessageLienInvalide, (await AcheteursDeTest.DocumentAsync(reutilise)).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await ConnexionReussitAsync(compte.Email!, Nouveau));
    }

    [Fact]
    public async Task Le_lien_expire_apres_une_heure_et_n_ouvre_pas_l_invitation()
    {
        var structure = await app.CreerStructureAsync();
        var compte = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        await DemanderAsync(compte.Email!);
        var lien = Lien(Assert.Single(await MailsPourAsync(compte.Email!)));

        // The reset token is no invitation token (its own protector).
        var invitation = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Invitation", new()
        {
            ["Saisie.Utilisateur"] = lien.Utilisateur,
            ["Saisie.Jeton"] = lien.Jeton,
            ["Saisie.MotDePasse"] = Nouveau,
            ["Saisie.Confirmation"] = Nouveau,
        }, "/Compte/Invitation");
        Assert.Equal(HttpStatusCode.OK, invitation.StatusCode);

        app.Horloge.Advance(TimeSpan.FromMinutes(61));
        var expire = await ChoisirAsync(lien, Nouveau, app.Client());
        Assert.Contains(ReinitialisationModel.MessageLienInvalide, (await AcheteursDeTest.DocumentAsync(expire)).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await ConnexionReussitAsync(compte.Email!, FabriqueClause.MotDePasse));
    }

    [Fact]
    public async Task La_direction_envoie_un_lien_journalise_a_un_compte_de_sa_structure_et_404_ailleurs()
    {
        var (direction, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var collegue = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var autreStructure = await app.CreerStructureAsync();
        var etranger = await app.CreerUtilisateurAsync(Roles.Facilitateur, autreStructure.Id);

        Assert.Contains(collegue.Email!, await direction.GetStringAsync("/Structure/Utilisateurs"), StringComparison.Ordinal);
        Assert.DoesNotContain(etranger.Email!, await direction.GetStringAsync("/Structure/Utilisateurs"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await direction.GetAsync($"/Structure/AccesUtilisateur/{etranger.Id}?operation=reinitialiser")).StatusCode);
        var refus = await FabriqueClause.PosterAsync(direction, $"/Structure/AccesUtilisateur/{etranger.Id}?handler=Reinitialiser", [],
            $"/Structure/AccesUtilisateur/{collegue.Id}?operation=reinitialiser");
        Assert.Equal(HttpStatusCode.NotFound, refus.StatusCode);
        Assert.Empty(await MailsPourAsync(etranger.Email!));

        var reponse = await FabriqueClause.PosterAsync(direction, $"/Structure/AccesUtilisateur/{collegue.Id}?handler=Reinitialiser", [],
            $"/Structure/AccesUtilisateur/{collegue.Id}?operation=reinitialiser");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("est parti dans la boîte d'envoi", (await direction.PageAsync("/Structure/Utilisateurs")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await MailsPourAsync(collegue.Email!));
        var journal = await app.LireBaseAsync(db => db.JournalAudit.SingleAsync(j => j.EntiteId == collegue.Id));
        Assert.Equal(JournalComptes.Type, journal.TypeEntite);
        Assert.Contains(Reinitialisations.ChampJournal, journal.Changements, StringComparison.Ordinal);
        Assert.Equal(structure.Id, journal.StructureId);
        Assert.All(await app.LireBaseAsync(db => ChaineAudit.VerifierAsync(db, structure.Id)), v => Assert.True(v.Intacte));
    }

    [Fact]
    public async Task L_administrateur_renvoie_une_invitation_journalisee_au_compte_sans_mot_de_passe()
    {
        var admin = (await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur)).Client;
        var structure = await app.CreerStructureAsync();
        var email = $"invite-{Guid.NewGuid():N}@test.fr";
        Guid id;
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Utilisateur>>();
            var compte = new Utilisateur { UserName = email, Email = email, NomComplet = "Camille Girard", StructureId = structure.Id };
            Assert.True((await utilisateurs.CreerInviteAsync(portee.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>>(), compte, Roles.Referent)).Succeeded);
            id = compte.Id;
        }
        // A reset link is refused for an account without password: it needs its invitation.
        var refus = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{id}?handler=Reinitialiser", [], $"/Admin/Utilisateurs/Gerer/{id}?operation=reinitialiser");
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);

        var reponse = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{id}?handler=Renvoyer", [], $"/Admin/Utilisateurs/Gerer/{id}?operation=renvoyer");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var mail = Assert.Single(await MailsPourAsync(email));
        Assert.Equal("Votre accès à Clause", mail.Subject);
        var journal = await app.LireBaseAsync(db => db.JournalAudit.SingleAsync(j => j.EntiteId == id));
        Assert.Contains(Invitations.ChampJournal, journal.Changements, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/Compte/Reinitialisation\?\S+")]
    private static partial Regex LienReinitialisation();
}
