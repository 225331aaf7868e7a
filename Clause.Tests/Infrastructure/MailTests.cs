using Clause.Infrastructure.Mail;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace Clause.Tests.Infrastructure;

/// <summary>The two mail senders: MailKit over real SMTP (an in-process server) and the .eml drop folder.</summary>
public sealed class MailTests : IDisposable
{
    private readonly string _dossier = Path.Combine(Path.GetTempPath(), "clause-tests", "mails-" + Guid.NewGuid().ToString("N"));

    private static MessageMail Invitation() => ModelesMail.Invitation("camille.girard@exemple.fr", "Camille Girard", "PLIE Loire Vallée",
        "https://clause.exemple.fr/Compte/Invitation?utilisateur=1&jeton=abc", new DateTimeOffset(2026, 3, 22, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_dossier)) Directory.Delete(_dossier, recursive: true);
    }

    private static void VerifierInvitation(MimeMessage mime)
    {
        Assert.Equal("Votre accès à Clause", mime.Subject);
        var destinataire = Assert.Single(mime.To.Mailboxes);
        Assert.Equal("camille.girard@exemple.fr", destinataire.Address);
        Assert.Equal("Camille Girard", destinataire.Name);
        Assert.Equal("clause@exemple.fr", Assert.Single(mime.From.Mailboxes).Address);
        // multipart/alternative: a plain-text part and an HTML part.
        Assert.Contains("Bonjour Camille Girard", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("avant le 22/03/2026", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://clause.exemple.fr/Compte/Invitation?utilisateur=1&jeton=abc", mime.TextBody, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mime.HtmlBody ?? string.Empty);
        var lien = Assert.Single(html.QuerySelectorAll("a"));
        Assert.Equal("https://clause.exemple.fr/Compte/Invitation?utilisateur=1&jeton=abc", lien.GetAttribute("href"));
        Assert.Equal("Choisir mon mot de passe", lien.TextContent);
        Assert.Contains("Un compte Clause a été créé pour vous (PLIE Loire Vallée).", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailKit_envoie_un_mail_html_et_texte_a_un_vrai_serveur_smtp()
    {
        using var serveur = SimpleSmtpServer.Start(); // random free port
        var recu = new TaskCompletionSource<SmtpMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        serveur.MessageReceived += (_, e) => recu.TrySetResult(e.Message);
        var options = Options.Create(new OptionsMail
        {
            Hote = "localhost",
            Port = serveur.Configuration.Port,
            Securite = "Aucune",
            Expediteur = "clause@exemple.fr",
            NomExpediteur = "Clause",
        });

        await new EnvoiMailSmtp(options).EnvoyerAsync(Invitation());

        var message = await recu.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("camille.girard@exemple.fr", Assert.Single(message.ToAddresses).Address);
        using var brut = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data));
        VerifierInvitation(await MimeMessage.LoadAsync(brut));
    }

    [Fact]
    public async Task Dossier_de_depot_ecrit_un_eml_lisible()
    {
        var options = Options.Create(new OptionsMail { Expediteur = "clause@exemple.fr", NomExpediteur = "Clause" });
        var horloge = new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 9, 30, 0, TimeSpan.Zero));

        await new EnvoiMailDossier(options, horloge, _dossier).EnvoyerAsync(Invitation());

        var fichier = Assert.Single(Directory.GetFiles(_dossier, "*.eml"));
        Assert.StartsWith("20260315-093000-", Path.GetFileName(fichier), StringComparison.Ordinal);
        VerifierInvitation(await MimeMessage.LoadAsync(fichier));
    }
}
