using System.Net;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Clause.Tests.Web;

/// <summary>Structures and accounts (Administrateur), and the invitation flow from the mail to the first sign-in.</summary>
public partial class AdministrationTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string NouveauMotDePasse = "une phrase de passe solide";

    private async Task<HttpClient> AdministrateurAsync() => (await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur)).Client;

    private static Dictionary<string, string> Invitation(string email, string role, StructureId? structureId, EntrepriseId? entrepriseId = null, DonneurOrdreId? donneurOrdreId = null) => new()
    {
        ["Saisie.Email"] = email,
        ["Saisie.NomComplet"] = "Camille Girard",
        ["Saisie.Role"] = role,
        ["Saisie.StructureId"] = structureId?.ToString() ?? string.Empty,
        ["Saisie.EntrepriseId"] = entrepriseId?.ToString() ?? string.Empty,
        ["Saisie.DonneurOrdreId"] = donneurOrdreId?.ToString() ?? string.Empty,
    };

    private static string NouvelEmail() => $"invite-{Guid.NewGuid():N}@exemple.fr";

    private Task<bool> CompteExisteAsync(string email)
    {
        var normalise = email.ToUpperInvariant();
        return app.LireBaseAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == normalise));
    }

    private async Task<Entreprise> SemerEntrepriseAsync(StructureId structureId, string nom)
    {
        await using var db = app.ToutesStructures();
        var entreprise = Entreprise.Creer(structureId, nom, AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        db.Entreprises.Add(entreprise);
        await db.SaveChangesAsync();
        return entreprise;
    }

    /// <summary>The mails written to the drop folder for one recipient, oldest first.</summary>
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

    /// <summary>The path and query of the invitation link of a mail, and its two parameters.</summary>
    private static (string Url, string Utilisateur, string Jeton) Lien(MimeMessage mail)
    {
        var lien = new Uri(LienInvitation().Match(mail.TextBody ?? string.Empty).Value);
        var parametres = QueryHelpers.ParseQuery(lien.Query);
        return (lien.PathAndQuery, parametres["utilisateur"].ToString(), parametres["jeton"].ToString());
    }

    private static Task<HttpResponseMessage> ChoisirMotDePasseAsync(HttpClient client, (string Url, string Utilisateur, string Jeton) lien, string motDePasse) =>
        FabriqueClause.PosterAsync(client, "/Compte/Invitation", new()
        {
            ["Saisie.Utilisateur"] = lien.Utilisateur,
            ["Saisie.Jeton"] = lien.Jeton,
            ["Saisie.MotDePasse"] = motDePasse,
            ["Saisie.Confirmation"] = motDePasse,
        }, lien.Url);

    private async Task<(string Url, string Utilisateur, string Jeton)> InviterAsync(string email, string role = Roles.Facilitateur)
    {
        var structure = await app.CreerStructureAsync();
        var reponse = await FabriqueClause.PosterAsync(await AdministrateurAsync(), "/Admin/Utilisateurs/Inviter", Invitation(email, role, structure.Id));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return Lien(Assert.Single(await MailsPourAsync(email)));
    }

    [Fact]
    public async Task Structure_creee_avec_ses_reglages_par_defaut_et_listee()
    {
        var admin = await AdministrateurAsync();
        var nom = "PLIE du Chinonais " + Guid.NewGuid().ToString("N")[..6];

        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Structures/Creer", new()
        {
            ["Saisie.Nom"] = nom,
            ["Saisie.Type"] = "Plie",
            ["Saisie.Commune"] = "Chinon",
        });

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var structure = await app.LireBaseAsync(db => db.Structures.SingleAsync(s => s.Nom == nom));
        Assert.Equal(TypeStructure.Plie, structure.Type);
        var reglages = await app.LireBaseAsync(db => db.Reglages.SingleAsync(r => r.StructureId == structure.Id));
        Assert.Equal(3_000, reglages.CoutHoraireReferenceCentimes);
        var journal = await app.LireBaseAsync(db => db.JournalAudit.SingleAsync(j => j.EntiteId == reglages.Id));
        Assert.Equal(ActionAudit.Creation, journal.Action);
        Assert.Equal("Administrateur de test", journal.NomUtilisateur);
        Assert.Equal(structure.Id, journal.StructureId);

        var liste = await admin.GetStringAsync("/Admin/Structures?numero=1");
        Assert.Contains(nom, liste, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Structure_au_nom_deja_pris_ou_vide_est_refusee_sans_rien_ecrire()
    {
        var admin = await AdministrateurAsync();
        var existante = await app.CreerStructureAsync();
        var avant = await app.LireBaseAsync(db => db.Structures.CountAsync());

        var doublon = await FabriqueClause.PosterAsync(admin, "/Admin/Structures/Creer", new() { ["Saisie.Nom"] = existante.Nom, ["Saisie.Type"] = "Plie" });
        Assert.Equal("Une structure porte déjà ce nom.", (await AcheteursDeTest.DocumentAsync(doublon)).ErreurDuChamp("Saisie.Nom"));
        var vide = await FabriqueClause.PosterAsync(admin, "/Admin/Structures/Creer", new() { ["Saisie.Nom"] = "", ["Saisie.Type"] = "" });
        var page = await AcheteursDeTest.DocumentAsync(vide);
        Assert.Equal("Le champ « Nom » est obligatoire.", page.ErreurDuChamp("Saisie.Nom"));
        Assert.Equal("Le champ « Type » est obligatoire.", page.ErreurDuChamp("Saisie.Type"));
        // In one pass: the name taken is said beside the refusal of another field.
        var deux = await AcheteursDeTest.DocumentAsync(await FabriqueClause.PosterAsync(admin, "/Admin/Structures/Creer",
            new() { ["Saisie.Nom"] = existante.Nom, ["Saisie.Type"] = "Plie", ["Saisie.Commune"] = new string('x', 101) }));
        Assert.Equal("Une structure porte déjà ce nom.", deux.ErreurDuChamp("Saisie.Nom"));
        Assert.False(string.IsNullOrEmpty(deux.ErreurDuChamp("Saisie.Commune")));

        Assert.Equal(avant, await app.LireBaseAsync(db => db.Structures.CountAsync()));
    }

    [Theory]
    [InlineData(Roles.Facilitateur, "/Admin/Structures")]
    [InlineData(Roles.Direction, "/Admin/Utilisateurs")]
    [InlineData(Roles.Facilitateur, "/Admin/Utilisateurs/Inviter")]
    public async Task Administration_refusee_aux_autres_roles(string role, string url)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var reponse = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liste_des_utilisateurs_filtree_par_structure_avec_role_et_etat()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var facilitateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var direction = await app.CreerUtilisateurAsync(Roles.Direction, structure.Id);
        var ailleurs = await app.CreerUtilisateurAsync(Roles.Facilitateur, (await app.CreerStructureAsync()).Id);

        var page = await admin.PageAsync($"/Admin/Utilisateurs?structure={structure.Id}");

        var lignes = page.QuerySelectorAll("main table tbody tr").Select(l => l.TextContent).ToList();
        Assert.Equal(2, lignes.Count);
        Assert.Contains(lignes, l => l.Contains(facilitateur.Email!, StringComparison.Ordinal) && l.Contains("Facilitateur", StringComparison.Ordinal) && l.Contains(structure.Nom, StringComparison.Ordinal) && l.Contains("Actif", StringComparison.Ordinal));
        Assert.Contains(lignes, l => l.Contains(direction.Email!, StringComparison.Ordinal) && l.Contains("Direction", StringComparison.Ordinal));
        Assert.DoesNotContain(lignes, l => l.Contains(ailleurs.Email!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invitation_de_bout_en_bout_du_mail_a_la_premiere_connexion()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var entreprise = await SemerEntrepriseAsync(structure.Id, "Bâtiments du Val SARL");
        var email = NouvelEmail();

        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(email, Roles.Entreprise, structure.Id, entrepriseId: entreprise.Id));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);

        var mail = Assert.Single(await MailsPourAsync(email));
        Assert.Equal("Votre accès à Clause", mail.Subject);
        Assert.Contains("Camille Girard", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(structure.Nom, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(DateParis(app.Horloge.GetUtcNow().AddDays(7)), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Choisir mon mot de passe", mail.HtmlBody, StringComparison.Ordinal);
        var lien = Lien(mail);
        Assert.StartsWith("/Compte/Invitation?utilisateur=", lien.Url, StringComparison.Ordinal);

        var compte = await app.LireBaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Null(compte.PasswordHash);
        Assert.Equal(entreprise.Id, compte.EntrepriseId);
        Assert.Equal(structure.Id, compte.StructureId);
        Assert.Contains("En attente", (await admin.GetStringAsync($"/Admin/Utilisateurs?structure={structure.Id}")), StringComparison.Ordinal);

        var anonyme = app.Client();
        var page = await anonyme.PageAsync(lien.Url);
        Assert.Equal(lien.Jeton, page.QuerySelector("input[name='Saisie.Jeton']")!.GetAttribute("value"));
        var choix = await ChoisirMotDePasseAsync(anonyme, lien, NouveauMotDePasse);
        Assert.Equal(HttpStatusCode.Redirect, choix.StatusCode);
        Assert.Equal("/Compte/Connexion", choix.Headers.Location!.OriginalString);

        var connecte = await app.ConnecterAsync(email, NouveauMotDePasse);
        // A company account's home is its portal (issue 9): « / » sends it there.
        Assert.Equal("/Portail", (await connecte.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Contains("Portail entreprise", await connecte.GetStringAsync("/Portail"), StringComparison.Ordinal);
        var accepte = await app.LireBaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(app.Horloge.GetUtcNow(), accepte.InvitationAccepteeLe);
        Assert.True(accepte.EmailConfirmed);
        Assert.True(await app.LireBaseAsync(db => db.UserRoles.AnyAsync(r => r.UserId == accepte.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Entreprise))));
        Assert.Contains("Acceptée le " + DateParis(app.Horloge.GetUtcNow()), (await admin.GetStringAsync($"/Admin/Utilisateurs?structure={structure.Id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mot_de_passe_de_moins_de_12_caracteres_est_refuse()
    {
        var email = NouvelEmail();
        var lien = await InviterAsync(email);

        var reponse = await ChoisirMotDePasseAsync(app.Client(), lien, "trop-court");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("Le mot de passe doit comporter au moins 12 caractères.", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.MotDePasse"));
        Assert.Null(await app.LireBaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task Lien_utilise_apres_7_jours_est_refuse()
    {
        var email = NouvelEmail();
        var lien = await InviterAsync(email);

        app.Horloge.Advance(TimeSpan.FromDays(8));
        var reponse = await ChoisirMotDePasseAsync(app.Client(), lien, NouveauMotDePasse);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Ce lien n'est plus valable", (await AcheteursDeTest.DocumentAsync(reponse)).QuerySelector("#resume-erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.LireBaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task Lien_valable_jusqu_au_septieme_jour()
    {
        var email = NouvelEmail();
        var lien = await InviterAsync(email);

        app.Horloge.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var reponse = await ChoisirMotDePasseAsync(app.Client(), lien, NouveauMotDePasse);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
    }

    [Fact]
    public async Task Lien_deja_utilise_ne_sert_pas_une_seconde_fois()
    {
        var email = NouvelEmail();
        var lien = await InviterAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirMotDePasseAsync(app.Client(), lien, NouveauMotDePasse)).StatusCode);

        var seconde = await ChoisirMotDePasseAsync(app.Client(), lien, "un autre mot de passe solide");

        Assert.Equal(HttpStatusCode.OK, seconde.StatusCode);
        Assert.Contains("Ce lien n'est plus valable", (await AcheteursDeTest.DocumentAsync(seconde)).Body!.TextContent, StringComparison.Ordinal);
        await app.ConnecterAsync(email, NouveauMotDePasse);
    }

    [Fact]
    public async Task Entreprise_ou_donneur_d_ordre_d_une_autre_structure_est_refuse_sans_rien_ecrire()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var autre = await app.CreerStructureAsync();
        var entrepriseAilleurs = await SemerEntrepriseAsync(autre.Id, "Entreprise d'ailleurs");
        var donneurAilleurs = await app.SemerDonneurAsync(autre.Id, "Acheteur d'ailleurs");
        var email = NouvelEmail();

        var entreprise = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(email, Roles.Entreprise, structure.Id, entrepriseId: entrepriseAilleurs.Id));
        Assert.Equal("Cette entreprise n'appartient pas à la structure choisie.", (await AcheteursDeTest.DocumentAsync(entreprise)).ErreurDuChamp("Saisie.EntrepriseId"));
        var donneur = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(email, Roles.DonneurOrdre, structure.Id, donneurOrdreId: donneurAilleurs.Id));
        Assert.Equal("Ce donneur d'ordre n'appartient pas à la structure choisie.", (await AcheteursDeTest.DocumentAsync(donneur)).ErreurDuChamp("Saisie.DonneurOrdreId"));

        Assert.False(await CompteExisteAsync(email));
        Assert.Empty(await MailsPourAsync(email));
    }

    [Theory]
    [InlineData(Roles.Administrateur, true, "Saisie.StructureId", "Un administrateur n'appartient à aucune structure : laissez le champ « Structure » vide.")]
    [InlineData(Roles.Facilitateur, false, "Saisie.StructureId", "Le champ « Structure » est obligatoire pour le rôle « Facilitateur ».")]
    [InlineData(Roles.Entreprise, true, "Saisie.EntrepriseId", "Le champ « Entreprise » est obligatoire pour le rôle « Entreprise ».")]
    [InlineData(Roles.DonneurOrdre, true, "Saisie.DonneurOrdreId", "Le champ « Donneur d'ordre » est obligatoire pour le rôle « Donneur d'ordre ».")]
    [InlineData("Pirate", true, "Saisie.Role", "Le champ « Rôle » est obligatoire : choisissez un rôle de la liste.")]
    public async Task Rattachement_incoherent_avec_le_role_est_refuse(string role, bool avecStructure, string champ, string message)
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var email = NouvelEmail();

        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(email, role, avecStructure ? structure.Id : null));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(message, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp(champ));
        Assert.False(await CompteExisteAsync(email));
    }

    [Fact]
    public async Task Administrateur_invite_sans_structure()
    {
        var admin = await AdministrateurAsync();
        var email = NouvelEmail();

        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(email, Roles.Administrateur, null));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("administration de Clause", Assert.Single(await MailsPourAsync(email)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_deja_utilise_est_refuse_sans_rien_ecrire()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var existant = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var avant = await app.LireBaseAsync(db => db.Users.CountAsync());

        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", Invitation(existant.Email!.ToUpperInvariant(), Roles.Direction, structure.Id));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("Un compte existe déjà avec cette adresse e-mail.", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.Email"));
        Assert.Equal(avant, await app.LireBaseAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Compte_desactive_ne_peut_plus_se_connecter_et_sa_session_est_fermee_puis_reactive()
    {
        var admin = await AdministrateurAsync();
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var session = await app.ConnecterAsync(utilisateur.Email!);

        var confirmation = await admin.PageAsync($"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?operation=desactiver");
        Assert.Contains("Oui, désactiver ce compte", confirmation.QuerySelector("main form")!.TextContent, StringComparison.Ordinal);
        var desactivation = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?handler=Desactiver", new(),
            $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?operation=desactiver");
        Assert.Equal(HttpStatusCode.Redirect, desactivation.StatusCode);

        var compte = await app.LireBaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == utilisateur.Id));
        Assert.False(compte.Actif);
        Assert.True(compte.LockoutEnd > app.Horloge.GetUtcNow().AddYears(1000), "verrouillé sans limite");
        Assert.NotEqual(utilisateur.SecurityStamp, compte.SecurityStamp);
        var refus = await FabriqueClause.PosterAsync(app.Client(), "/Compte/Connexion",
            new() { ["Saisie.Email"] = utilisateur.Email!, ["Saisie.MotDePasse"] = FabriqueClause.MotDePasse });
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        Assert.Contains("Ce compte est désactivé. Contactez votre administrateur.", (await AcheteursDeTest.DocumentAsync(refus)).Body!.TextContent, StringComparison.Ordinal);

        // The open session stops at the next security stamp check (every minute).
        app.Horloge.Advance(TimeSpan.FromMinutes(2));
        var apres = await session.GetAsync("/DonneursOrdre");
        Assert.Equal(HttpStatusCode.Redirect, apres.StatusCode);
        Assert.StartsWith("/Compte/Connexion", apres.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var reactivation = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?handler=Reactiver", new(),
            $"/Admin/Utilisateurs/Gerer/{utilisateur.Id}?operation=reactiver");
        Assert.Equal(HttpStatusCode.Redirect, reactivation.StatusCode);
        await app.ConnecterAsync(utilisateur.Email!);
    }

    [Fact]
    public async Task Administrateur_ne_peut_pas_desactiver_son_propre_compte()
    {
        var (admin, _, moi) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);

        var reponse = await FabriqueClause.PosterAsync(admin, $"/Admin/Utilisateurs/Gerer/{moi.Id}?handler=Desactiver", new(),
            $"/Admin/Utilisateurs/Gerer/{moi.Id}?operation=desactiver");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte.", (await AcheteursDeTest.DocumentAsync(reponse)).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.LireBaseAsync(db => db.Users.Where(u => u.Id == moi.Id).Select(u => u.Actif).SingleAsync()));
    }

    [Fact]
    public async Task Invitation_renvoyee_remplace_l_ancien_lien()
    {
        var email = NouvelEmail();
        var ancien = await InviterAsync(email);
        var id = Guid.Parse(ancien.Utilisateur);

        var renvoi = await FabriqueClause.PosterAsync(await AdministrateurAsync(), $"/Admin/Utilisateurs/Gerer/{id}?handler=Renvoyer", new(),
            $"/Admin/Utilisateurs/Gerer/{id}?operation=renvoyer");
        Assert.Equal(HttpStatusCode.Redirect, renvoi.StatusCode);

        var mails = await MailsPourAsync(email);
        Assert.Equal(2, mails.Count);
        var nouveau = mails.Select(Lien).Single(l => l.Jeton != ancien.Jeton);
        var refus = await AcheteursDeTest.DocumentAsync(await ChoisirMotDePasseAsync(app.Client(), ancien, NouveauMotDePasse));
        Assert.Contains("Ce lien n'est plus valable", refus.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirMotDePasseAsync(app.Client(), nouveau, NouveauMotDePasse)).StatusCode);
    }

    [Fact]
    public async Task Compte_desactive_ne_peut_pas_utiliser_son_lien_d_invitation()
    {
        var email = NouvelEmail();
        var lien = await InviterAsync(email);
        var id = Guid.Parse(lien.Utilisateur);
        await FabriqueClause.PosterAsync(await AdministrateurAsync(), $"/Admin/Utilisateurs/Gerer/{id}?handler=Desactiver", new(),
            $"/Admin/Utilisateurs/Gerer/{id}?operation=desactiver");

        var reponse = await ChoisirMotDePasseAsync(app.Client(), lien, NouveauMotDePasse);

        Assert.Contains("Ce lien n'est plus valable", (await AcheteursDeTest.DocumentAsync(reponse)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.LireBaseAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
    }

    private static string DateParis(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"https?://\S+/Compte/Invitation\?\S+")]
    private static partial Regex LienInvitation();
}
