using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Mail;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Clause.Tests.Web;

/// <summary>
/// A Production installation in <paramref name="dossier"/> (kept between starts: two fixtures in turn are one server
/// stopped and started again) whose mails go to the test's SMTP server on <paramref name="portSmtp"/>.
/// </summary>
public sealed class FabriquePremiereInstallation(string dossier, int portSmtp) : FabriqueClause("Production", dossier)
{
    public const string Email = "dsi@agglo-exemple.fr";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ConfigurerProduction(builder, portSmtp);
        builder.UseSetting("Administration:PremierAdministrateur", Email);
    }
}

/// <summary>
/// The first administrator of a new installation (issue 16 item 7): invited at the first start, invited again at each
/// start while they have never set a password — without voiding the link already sent, without piling mails up while
/// one still waits — and never again once they have.
/// </summary>
public sealed partial class PremierAdministrateurTests : IDisposable
{
    private readonly string _dossier = Path.Combine(Path.GetTempPath(), "clause-tests", "premier-" + Guid.NewGuid().ToString("N"));

    private readonly SimpleSmtpServer _smtp = SimpleSmtpServer.Start();

    public void Dispose()
    {
        _smtp.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dossier, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file for a moment; the temp folder is cleaned by the OS. */ }
    }

    /// <summary>One start of the server (migrations, first administrator) on the installation's folder.</summary>
    private FabriquePremiereInstallation Demarrer()
    {
        var app = new FabriquePremiereInstallation(_dossier, _smtp.Configuration.Port);
        _ = app.Server;
        return app;
    }

    private List<MimeMessage> Recus() =>
        _smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    private static async Task<Utilisateur> AdministrateurAsync(FabriquePremiereInstallation app)
    {
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        return Assert.Single(await utilisateurs.GetUsersInRoleAsync(Roles.Administrateur));
    }

    private static async Task<bool> AUnMotDePasseAsync(FabriquePremiereInstallation app)
    {
        using var portee = app.Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        return await utilisateurs.HasPasswordAsync(await AdministrateurAsync(app));
    }

    /// <summary>Follows the mail's link and chooses a password on the real invitation page.</summary>
    private static async Task<HttpResponseMessage> ChoisirMotDePasseAsync(FabriquePremiereInstallation app, MimeMessage mail)
    {
        var lien = new Uri(LienInvitation().Match(mail.TextBody ?? string.Empty).Value);
        Assert.Equal("clause.agglo-exemple.fr", lien.Host);
        var parametres = QueryHelpers.ParseQuery(lien.Query);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        return await FabriqueClause.PosterAsync(client, "/Compte/Invitation", new()
        {
            ["Saisie.Utilisateur"] = parametres["utilisateur"].ToString(),
            ["Saisie.Jeton"] = parametres["jeton"].ToString(),
            ["Saisie.MotDePasse"] = FabriqueClause.MotDePasse,
            ["Saisie.Confirmation"] = FabriqueClause.MotDePasse,
        }, lien.PathAndQuery);
    }

    [Fact]
    public async Task Une_installation_neuve_invite_le_premier_administrateur_avec_l_adresse_publique()
    {
        using var app = Demarrer();
        var administrateur = await AdministrateurAsync(app);
        Assert.Equal(FabriquePremiereInstallation.Email, administrateur.Email);
        Assert.False(await AUnMotDePasseAsync(app));

        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await app.EnvoyerMailsAsync());
        var mail = Assert.Single(Recus());
        Assert.Equal(FabriquePremiereInstallation.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("https://clause.agglo-exemple.fr/Compte/Invitation?utilisateur=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sans_mot_de_passe_le_premier_administrateur_est_reinvite_au_demarrage_suivant_et_ce_lien_ouvre_le_compte()
    {
        using (var premier = Demarrer()) await premier.EnvoyerMailsAsync();
        Assert.Single(Recus());

        using var second = Demarrer();
        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await second.EnvoyerMailsAsync());
        var renvoi = Recus()[1];
        Assert.Equal(FabriquePremiereInstallation.Email, renvoi.To.Mailboxes.Single().Address);
        Assert.Equal("Votre accès à Clause", renvoi.Subject);

        var choix = await ChoisirMotDePasseAsync(second, renvoi);
        Assert.Equal(HttpStatusCode.Redirect, choix.StatusCode);
        Assert.Equal("/Compte/Connexion", choix.Headers.Location!.OriginalString);
        Assert.True(await AUnMotDePasseAsync(second));
        Assert.Single(await second.LireBaseAsync(db => db.Users.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task Le_lien_deja_envoye_reste_valable_apres_un_redemarrage()
    {
        using (var premier = Demarrer()) await premier.EnvoyerMailsAsync();
        var lienDuPremierDemarrage = Assert.Single(Recus());

        using var second = Demarrer();
        var choix = await ChoisirMotDePasseAsync(second, lienDuPremierDemarrage);
        Assert.Equal(HttpStatusCode.Redirect, choix.StatusCode);
        Assert.True(await AUnMotDePasseAsync(second));
    }

    [Fact]
    public async Task Une_fois_son_mot_de_passe_choisi_le_premier_administrateur_n_est_plus_invite()
    {
        using (var premier = Demarrer())
        {
            await premier.EnvoyerMailsAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await ChoisirMotDePasseAsync(premier, Assert.Single(Recus()))).StatusCode);
        }

        using var second = Demarrer();
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await second.EnvoyerMailsAsync());
        Assert.Single(Recus());
        Assert.Equal(1, await second.LireBaseAsync(db => db.MessagesSortants.CountAsync()));
    }

    [Fact]
    public async Task Une_invitation_encore_en_attente_n_est_pas_doublee_au_redemarrage()
    {
        using (Demarrer()) { /* the mail server was not reached: the invitation waits in the outbox */ }

        using var second = Demarrer();
        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await second.EnvoyerMailsAsync());
        Assert.Single(Recus());
    }

    [Fact]
    public async Task Un_premier_administrateur_desactive_n_est_pas_reinvite()
    {
        using (var premier = Demarrer())
        {
            await premier.EnvoyerMailsAsync();
            await premier.LireBaseAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.Actif, false)));
        }

        using var second = Demarrer();
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await second.EnvoyerMailsAsync());
        Assert.Single(Recus());
    }

    [GeneratedRegex(@"https://\S+/Compte/Invitation\?\S+")]
    private static partial Regex LienInvitation();
}
