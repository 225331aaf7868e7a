using System.Net;
using System.Net.Sockets;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;

namespace Clause.Tests.Infrastructure.Mail;

/// <summary>
/// The outbox (issue 12 item 5) against a real SMTP server (netDumbster) that is down, then up: retries with
/// exponential back-off, the 24-hour give-up, the re-send, the idempotency key.
/// </summary>
public sealed class BoiteEnvoiTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    private readonly int _port = PortLibre();

    public void Dispose() => _base.Dispose();

    private static int PortLibre()
    {
        var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        var port = ((IPEndPoint)ecoute.LocalEndpoint).Port;
        ecoute.Stop();
        return port;
    }

    private EnvoiMailSmtp Smtp() => new(Options.Create(new OptionsMail
    {
        Hote = "localhost",
        Port = _port,
        Securite = "Aucune",
        Expediteur = "clause@exemple.fr",
    }));

    private static MessageMail Mail(string destinataire = "camille.girard@exemple.fr") =>
        new(destinataire, "Camille Girard", "Votre accès à Clause", "<p>Bonjour</p>", "Bonjour");

    private async Task<StructureId> StructureAsync()
    {
        await using var db = _base.Systeme();
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..6], TypeStructure.Plie, "Tours");
        db.Structures.Add(structure);
        await db.SaveChangesAsync();
        return structure.Id;
    }

    private async Task DeposerAsync(StructureId structure, string cle)
    {
        await using var db = _base.Pour(structure);
        new BoiteEnvoi(db, _base.Horloge).Deposer(Mail(), cle);
        await db.SaveChangesAsync();
    }

    private async Task<string> EnvoyerAsync()
    {
        await using var db = _base.Systeme();
        return (await new ExpediteurBoiteEnvoi(db, Smtp(), _base.Horloge).EnvoyerEnAttenteAsync()).Resume;
    }

    private async Task<MessageSortant> LigneAsync()
    {
        await using var db = _base.Systeme();
        return await db.MessagesSortants.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task Un_mail_qui_echoue_sur_un_serveur_absent_part_au_reessai_quand_le_serveur_revient()
    {
        var structure = await StructureAsync();
        await DeposerAsync(structure, "test:retour-serveur");
        var depot = _base.Horloge.GetUtcNow();

        Assert.Equal("0 mail(s) envoyé(s), 1 reporté(s), 0 en échec.", await EnvoyerAsync());
        var reporte = await LigneAsync();
        Assert.Equal(StatutMessage.EnAttente, reporte.Statut);
        Assert.Equal(1, reporte.Tentatives);
        Assert.Equal(depot + TimeSpan.FromMinutes(1), reporte.ProchainEssaiLe);
        Assert.StartsWith("Serveur de mail injoignable", reporte.DerniereErreur, StringComparison.Ordinal);
        Assert.DoesNotContain("camille", reporte.DerniereErreur, StringComparison.OrdinalIgnoreCase);
        Assert.Null(reporte.EnvoiCommenceLe);

        using var serveur = SimpleSmtpServer.Start(_port);
        // Not due yet: the back-off is respected even though the server is back.
        _base.Horloge.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        Assert.Empty(serveur.ReceivedEmail);

        _base.Horloge.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        var recu = Assert.Single(serveur.ReceivedEmail);
        Assert.Equal("camille.girard@exemple.fr", Assert.Single(recu.ToAddresses).Address);
        var envoye = await LigneAsync();
        Assert.Equal(StatutMessage.Envoye, envoye.Statut);
        Assert.Equal(2, envoye.Tentatives);
        Assert.Equal(_base.Horloge.GetUtcNow(), envoye.EnvoyeLe);
        Assert.Null(envoye.DerniereErreur);
        // The body (an invitation's password link) does not stay in the database once sent.
        Assert.Equal(string.Empty, envoye.Html);
        Assert.Equal(string.Empty, envoye.Texte);
        using var brut = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(recu.Data));
        Assert.Equal(envoye.IdentifiantMessage, (await MimeMessage.LoadAsync(brut)).MessageId);

        // Sent once: the next runs send nothing more.
        _base.Horloge.Advance(TimeSpan.FromHours(1));
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        Assert.Single(serveur.ReceivedEmail);
    }

    [Fact]
    public async Task Les_reessais_doublent_puis_le_mail_est_en_echec_24_heures_apres_son_depot_et_se_renvoie()
    {
        var structure = await StructureAsync();
        await DeposerAsync(structure, "test:abandon");
        var depot = _base.Horloge.GetUtcNow();

        var essais = new List<double>();
        while ((await LigneAsync()).Statut == StatutMessage.EnAttente)
        {
            var ligne = await LigneAsync();
            _base.Horloge.SetUtcNow(ligne.ProchainEssaiLe);
            essais.Add((_base.Horloge.GetUtcNow() - depot).TotalMinutes);
            await EnvoyerAsync();
            Assert.True(essais.Count <= 20, "Le mail n'est jamais abandonné.");
        }

        // 1, 2, 4 … 512 minutes between attempts, the last one capped at the 24-hour mark, then failed.
        Assert.Equal([0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 1440], essais);
        var echoue = await LigneAsync();
        Assert.Equal(StatutMessage.Echoue, echoue.Statut);
        Assert.Equal(12, echoue.Tentatives);
        Assert.StartsWith("Serveur de mail injoignable", echoue.DerniereErreur, StringComparison.Ordinal);
        Assert.Equal("Bonjour", echoue.Texte); // kept for the re-send

        // Re-sent by hand: not from another structure's page, then from its own, with a new 24-hour window.
        await using (var db = _base.Systeme())
        {
            var expediteur = new ExpediteurBoiteEnvoi(db, Smtp(), _base.Horloge);
            Assert.False(await expediteur.RenvoyerAsync(echoue.Id, StructureId.De(Guid.NewGuid())));
            Assert.True(await expediteur.RenvoyerAsync(echoue.Id, structure));
        }
        using var serveur = SimpleSmtpServer.Start(_port);
        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        Assert.Single(serveur.ReceivedEmail);
        Assert.Equal(StatutMessage.Envoye, (await LigneAsync()).Statut);
        await using (var db = _base.Systeme())
            Assert.False(await new ExpediteurBoiteEnvoi(db, Smtp(), _base.Horloge).RenvoyerAsync(echoue.Id, null)); // only a failed mail
    }

    [Fact]
    public async Task Un_mail_reserve_par_un_autre_envoi_n_est_pas_envoye_deux_fois_avant_la_fin_du_bail()
    {
        var structure = await StructureAsync();
        await DeposerAsync(structure, "test:bail");
        var depot = _base.Horloge.GetUtcNow();
        // A node claimed it and died before marking it (the at-least-once boundary).
        await using (var db = _base.Systeme())
            await db.MessagesSortants.ExecuteUpdateAsync(s => s.SetProperty(m => m.EnvoiCommenceLe, depot).SetProperty(m => m.Tentatives, 1));
        using var serveur = SimpleSmtpServer.Start(_port);

        _base.Horloge.Advance(ExpediteurBoiteEnvoi.Bail - TimeSpan.FromSeconds(1));
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        Assert.Empty(serveur.ReceivedEmail);

        _base.Horloge.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        Assert.Single(serveur.ReceivedEmail);
    }

    [Fact]
    public async Task La_cle_d_idempotence_ne_laisse_qu_un_mail_par_cause()
    {
        var structure = await StructureAsync();
        await using (var db = _base.Pour(structure))
        {
            var boite = new BoiteEnvoi(db, _base.Horloge);
            boite.Deposer(Mail(), "rejet:ligne:1");
            boite.Deposer(Mail(), "rejet:ligne:1"); // same context: no-op
            await db.SaveChangesAsync();
        }

        // Already in the database: the caller's whole save is refused (the cause is not written twice either).
        await using (var db = _base.Systeme())
        {
            var structureEnPlus = Structure.Creer("Ne doit pas exister", TypeStructure.Plie, "Blois");
            db.Structures.Add(structureEnPlus);
            new BoiteEnvoi(db, _base.Horloge).Deposer(Mail(), "rejet:ligne:1");
            var erreur = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(BoiteEnvoi.EstDoublon(erreur));
        }

        await using var lecture = _base.Systeme();
        var ligne = Assert.Single(await lecture.MessagesSortants.AsNoTracking().ToListAsync());
        Assert.Equal(structure, ligne.StructureId); // the depositing context's structure
        Assert.False(await lecture.Structures.AnyAsync(s => s.Nom == "Ne doit pas exister"));
    }

    [Fact]
    public async Task Un_destinataire_refuse_par_le_serveur_met_le_mail_en_echec_sans_reessai_et_sans_l_adresse_dans_l_erreur()
    {
        var structure = await StructureAsync();
        await DeposerAsync(structure, "test:destinataire-refuse");
        using var serveur = new SmtpQuiRefuseLeDestinataire(_port);

        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 1 en échec.", await EnvoyerAsync());
        var echec = await LigneAsync();
        Assert.Equal(StatutMessage.Echoue, echec.Statut);
        Assert.Equal(1, echec.Tentatives);
        Assert.Equal("Le serveur de mail a refusé le message (code SMTP 550).", echec.DerniereErreur);
        Assert.True(serveur.DestinataireDemande, "Le serveur n'a pas reçu la commande RCPT TO.");

        // Definitive: no retry, even a day later.
        _base.Horloge.Advance(TimeSpan.FromDays(1));
        Assert.Equal("0 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", await EnvoyerAsync());
        Assert.Equal(1, (await LigneAsync()).Tentatives);
    }

    /// <summary>A real SMTP peer on a local port that accepts the session and answers 550 to every RCPT TO.</summary>
    private sealed class SmtpQuiRefuseLeDestinataire : IDisposable
    {
        private readonly TcpListener _ecoute;
        private readonly CancellationTokenSource _fin = new();
        private readonly Task _service;

        public SmtpQuiRefuseLeDestinataire(int port)
        {
            _ecoute = new TcpListener(IPAddress.Loopback, port);
            _ecoute.Start();
            _service = ServirAsync();
        }

        public bool DestinataireDemande { get; private set; }

        private async Task ServirAsync()
        {
            try
            {
                while (!_fin.IsCancellationRequested)
                {
                    using var client = await _ecoute.AcceptTcpClientAsync(_fin.Token);
                    await using var flux = client.GetStream();
                    using var lecteur = new StreamReader(flux, System.Text.Encoding.ASCII);
                    await using var ecrivain = new StreamWriter(flux, System.Text.Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                    await ecrivain.WriteLineAsync("220 localhost ESMTP test");
                    while (await lecteur.ReadLineAsync(_fin.Token) is { } ligne)
                    {
                        var commande = ligne.Length >= 4 ? ligne[..4].ToUpperInvariant() : ligne.ToUpperInvariant();
                        switch (commande)
                        {
                            case "EHLO":
                            case "HELO":
                            case "MAIL":
                            case "RSET":
                            case "NOOP":
                                await ecrivain.WriteLineAsync("250 OK");
                                break;
                            case "RCPT":
                                DestinataireDemande = true;
                                await ecrivain.WriteLineAsync("550 5.1.1 Destinataire inconnu");
                                break;
                            case "QUIT":
                                await ecrivain.WriteLineAsync("221 Au revoir");
                                break;
                            default:
                                await ecrivain.WriteLineAsync("502 Commande non prise en charge");
                                break;
                        }
                        if (commande == "QUIT") break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed: the test is over.
            }
            catch (IOException)
            {
                // The client hung up.
            }
        }

        public void Dispose()
        {
            _fin.Cancel();
            _ecoute.Stop();
            try
            {
                _service.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Stopping the listener ends the accept with an error: nothing to report.
            }
            _fin.Dispose();
        }
    }
}
