using System.Net;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Clause.Web.Pages.Admin.Utilisateurs;
using Clause.Web.Pages.Entreprises;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Clause.Tests.Web.Portail;

/// <summary>
/// The portal accounts of a company's contacts, from the company's page (issue 9 item 1): the facilitateur invites a
/// contact (an Entreprise account of that company and structure, a mail with a 7-day link), sees where the account
/// stands, sends the invitation again, deactivates it; a contact without e-mail cannot be invited; another structure's
/// company or contact answers 404.
/// </summary>
public partial class ComptesContactsTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Situation(HttpClient Facilitateur, StructureId StructureId, Entreprise Entreprise, Guid AvecEmail, Guid SansEmail, string Email);

    private async Task<Situation> SituationAsync()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var email = $"chef-{Guid.NewGuid():N}@batiments-du-val.fr";
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val SARL", AcheteursDeTest.NouveauSiret(), completer: e =>
        {
            e.AjouterContact("Jeanne Roux", RoleContactEntreprise.ConducteurTravaux, email, null);
            e.AjouterContact("Marc Blanc", RoleContactEntreprise.ChefEquipe, null, "0601020304");
        });
        var avec = entreprise.Contacts.Single(c => c.Email is not null).Id;
        var sans = entreprise.Contacts.Single(c => c.Email is null).Id;
        return new Situation(client, structure.Id, entreprise, avec, sans, email);
    }

    private static string Adresse(Situation s, Guid contactId, string? operation = null) =>
        $"/Entreprises/Compte/{s.Entreprise.Id}/{contactId}" + (operation is null ? string.Empty : "?operation=" + operation);

    private static Task<HttpResponseMessage> OpererAsync(Situation s, Guid contactId, string operation, string handler) =>
        FabriqueClause.PosterAsync(s.Facilitateur, Adresse(s, contactId) + "?handler=" + handler, [], Adresse(s, contactId, operation));

    private Task<Utilisateur?> CompteAsync(string email) =>
        app.LireBaseAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email));

    [Fact]
    public async Task Le_facilitateur_invite_un_contact_qui_recoit_un_lien_et_arrive_sur_le_portail_de_son_entreprise()
    {
        var s = await SituationAsync();

        var reponse = await OpererAsync(s, s.AvecEmail, CompteModel.Inviter, "Inviter");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var compte = await CompteAsync(s.Email);
        Assert.NotNull(compte);
        Assert.Equal(s.Entreprise.Id, compte.EntrepriseId);
        Assert.Equal(s.StructureId, compte.StructureId);
        Assert.Equal("Jeanne Roux", compte.NomComplet);
        Assert.Null(compte.PasswordHash);
        Assert.True(await app.LireBaseAsync(db => (from ur in db.UserRoles
                                                   join r in db.Roles on ur.RoleId equals r.Id
                                                   where ur.UserId == compte.Id
                                                   select r.Name).ContainsAsync(Roles.Entreprise)));
        var fiche = await s.Facilitateur.PageAsync($"/Entreprises/Details/{s.Entreprise.Id}");
        Assert.Contains("Invitation envoyée le 15/03/2026", fiche.Texte("section[aria-labelledby=titre-contacts]"), StringComparison.Ordinal);

        var mail = Assert.Single(await MailsPourAsync(s.Email));
        var lien = new Uri(LienInvitation().Match(mail.TextBody ?? string.Empty).Value);
        var parametres = QueryHelpers.ParseQuery(lien.Query);
        var client = app.Client();
        var choix = await FabriqueClause.PosterAsync(client, "/Compte/Invitation", new()
        {
            ["Saisie.Utilisateur"] = parametres["utilisateur"].ToString(),
            ["Saisie.Jeton"] = parametres["jeton"].ToString(),
            ["Saisie.MotDePasse"] = "un-mot-de-passe-solide",
            ["Saisie.Confirmation"] = "un-mot-de-passe-solide",
        }, lien.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, choix.StatusCode);
        var connecte = await app.ConnecterAsync(s.Email, "un-mot-de-passe-solide");
        var accueil = await connecte.GetAsync("/");
        Assert.Equal("/Portail", accueil.Headers.Location!.OriginalString);
        var portail = await connecte.PageAsync("/Portail");
        Assert.Contains("Bâtiments du Val SARL", portail.Texte("h1"), StringComparison.Ordinal);
        var ficheApres = await s.Facilitateur.PageAsync($"/Entreprises/Details/{s.Entreprise.Id}");
        Assert.Contains("Compte actif", ficheApres.Texte("section[aria-labelledby=titre-contacts]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_contact_sans_e_mail_ne_peut_pas_etre_invite()
    {
        var s = await SituationAsync();
        var fiche = await s.Facilitateur.PageAsync($"/Entreprises/Details/{s.Entreprise.Id}");
        Assert.Contains("Aucun compte (pas d'e-mail)", fiche.Texte("section[aria-labelledby=titre-contacts]"), StringComparison.Ordinal);
        Assert.Empty(fiche.QuerySelectorAll($"a[href^='/Entreprises/Compte/{s.Entreprise.Id}/{s.SansEmail}']"));
        var comptesAvant = await app.LireBaseAsync(db => db.Users.CountAsync());

        var reponse = await OpererAsync(s, s.SansEmail, CompteModel.Inviter, "Inviter");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(CompteModel.MessageSansEmail, WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(comptesAvant, await app.LireBaseAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Un_contact_deja_invite_ne_l_est_pas_deux_fois_et_une_adresse_prise_ailleurs_est_refusee()
    {
        var s = await SituationAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await OpererAsync(s, s.AvecEmail, CompteModel.Inviter, "Inviter")).StatusCode);

        var encore = await FabriqueClause.PosterAsync(s.Facilitateur, Adresse(s, s.AvecEmail) + "?handler=Inviter", [], Adresse(s, s.AvecEmail, CompteModel.Desactiver));
        Assert.Equal(HttpStatusCode.OK, encore.StatusCode);
        Assert.Contains(CompteModel.MessageDejaCompte, WebUtility.HtmlDecode(await encore.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The same e-mail already used by a staff account: refused, nothing created for the company.
        var email = $"pris-{Guid.NewGuid():N}@test.fr";
        await app.CreerUtilisateurAsync(Roles.Referent, s.StructureId, email: email);
        await app.EcrireAsync(async db =>
        {
            var e = await db.Entreprises.Include(x => x.Contacts).SingleAsync(x => x.Id == s.Entreprise.Id);
            e.AjouterContact("Paul Pris", RoleContactEntreprise.RH, email, null);
        });
        var pris = await app.LireBaseAsync(db => db.Entreprises.Where(e => e.Id == s.Entreprise.Id).SelectMany(e => e.Contacts).Where(c => c.Email == email).Select(c => c.Id).SingleAsync());
        var reponse = await OpererAsync(s, pris, CompteModel.Inviter, "Inviter");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(InviterModel.MessageEmailPris, WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await CompteAsync(email))!.EntrepriseId);
    }

    [Fact]
    public async Task Le_facilitateur_renvoie_l_invitation_puis_desactive_le_compte()
    {
        var s = await SituationAsync();
        await OpererAsync(s, s.AvecEmail, CompteModel.Inviter, "Inviter");

        Assert.Equal(HttpStatusCode.Redirect, (await OpererAsync(s, s.AvecEmail, CompteModel.Renvoyer, "Renvoyer")).StatusCode);
        Assert.Equal(2, (await MailsPourAsync(s.Email)).Count);

        Assert.Equal(HttpStatusCode.Redirect, (await OpererAsync(s, s.AvecEmail, CompteModel.Desactiver, "Desactiver")).StatusCode);
        var compte = await CompteAsync(s.Email);
        Assert.False(compte!.Actif);
        var fiche = await s.Facilitateur.PageAsync($"/Entreprises/Details/{s.Entreprise.Id}");
        Assert.Contains("Désactivé", fiche.Texte("section[aria-labelledby=titre-contacts]"), StringComparison.Ordinal);
        Assert.NotEmpty(fiche.QuerySelectorAll($"a[href='{Adresse(s, s.AvecEmail, CompteModel.Reactiver)}']"));
        // A deactivated account awaits no invitation.
        Assert.Equal(HttpStatusCode.OK, (await OpererAsync(s, s.AvecEmail, CompteModel.Renvoyer, "Renvoyer")).StatusCode);
        Assert.Equal(2, (await MailsPourAsync(s.Email)).Count);

        Assert.Equal(HttpStatusCode.Redirect, (await OpererAsync(s, s.AvecEmail, CompteModel.Reactiver, "Reactiver")).StatusCode);
        Assert.True((await CompteAsync(s.Email))!.Actif);
    }

    [Fact]
    public async Task Le_compte_d_un_contact_d_une_autre_structure_repond_404_en_lecture_comme_en_ecriture()
    {
        var s = await SituationAsync();
        await OpererAsync(s, s.AvecEmail, CompteModel.Inviter, "Inviter");
        var (autre, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        Assert.Equal(HttpStatusCode.NotFound, (await autre.GetAsync(Adresse(s, s.AvecEmail, CompteModel.Desactiver))).StatusCode);
        foreach (var handler in new[] { "Inviter", "Desactiver", "Renvoyer", "Reactiver" })
        {
            var reponse = await FabriqueClause.PosterAsync(autre, Adresse(s, s.AvecEmail) + "?handler=" + handler, [], "/Entreprises/Creer");
            Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        }
        Assert.True((await CompteAsync(s.Email))!.Actif);
        // A contact of another company of the same structure through this company's address: 404 too.
        var autreEntreprise = await app.CreerEntrepriseAsync(s.StructureId, "Loire Peinture", AcheteursDeTest.NouveauSiret(),
            completer: e => e.AjouterContact("Luc Noir", RoleContactEntreprise.RH, $"luc-{Guid.NewGuid():N}@test.fr", null));
        var contactAutre = autreEntreprise.Contacts.Single().Id;
        Assert.Equal(HttpStatusCode.NotFound, (await s.Facilitateur.GetAsync($"/Entreprises/Compte/{s.Entreprise.Id}/{contactAutre}")).StatusCode);
    }

    [Fact]
    public async Task La_direction_voit_l_etat_des_comptes_mais_ne_peut_pas_inviter()
    {
        var s = await SituationAsync();
        var direction = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Direction, s.StructureId)).Email!);

        var fiche = await direction.PageAsync($"/Entreprises/Details/{s.Entreprise.Id}");
        var reponse = await direction.GetAsync(Adresse(s, s.AvecEmail, CompteModel.Inviter));

        Assert.Contains("Aucun compte", fiche.Texte("section[aria-labelledby=titre-contacts]"), StringComparison.Ordinal);
        Assert.Empty(fiche.QuerySelectorAll("a[href^='/Entreprises/Compte/']"));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<List<MimeMessage>> MailsPourAsync(string email)
    {
        var mails = new List<(DateTime, MimeMessage)>();
        await app.EnvoyerMailsAsync();
        if (!Directory.Exists(app.DossierMails)) return [];
        foreach (var fichier in Directory.EnumerateFiles(app.DossierMails, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(fichier);
            if (message.To.Mailboxes.Any(m => m.Address == email)) mails.Add((File.GetLastWriteTimeUtc(fichier), message));
        }
        return mails.OrderBy(m => m.Item1).Select(m => m.Item2).ToList();
    }

    [GeneratedRegex(@"https?://\S+/Compte/Invitation\?\S+")]
    private static partial Regex LienInvitation();
}
