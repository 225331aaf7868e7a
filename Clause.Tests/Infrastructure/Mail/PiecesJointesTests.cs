using System.Net;
using System.Net.Sockets;
using Clause.Domain.Structures;
using Clause.Infrastructure.Mail;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;

namespace Clause.Tests.Infrastructure.Mail;

/// <summary>
/// A file attached to an outbox mail (a bilan's workbook, issue 10 item 6): stored with the row, sent by the SMTP sender
/// to a real SMTP server (netDumbster) byte for byte, then erased with the body.
/// </summary>
public sealed class PiecesJointesTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private static int PortLibre()
    {
        var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        var port = ((IPEndPoint)ecoute.LocalEndpoint).Port;
        ecoute.Stop();
        return port;
    }

    [Fact]
    public async Task La_piece_jointe_est_gardee_avec_le_mail_arrive_telle_quelle_puis_est_effacee()
    {
        var port = PortLibre();
        var contenu = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
        await using (var db = _base.Systeme())
        {
            var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..6], TypeStructure.Plie, "Tours");
            db.Structures.Add(structure);
            await db.SaveChangesAsync();
        }
        await using (var db = _base.Systeme())
        {
            new BoiteEnvoi(db, _base.Horloge).Deposer(new MessageMail("elu@ville.fr", "Camille Girard", "Bilan", "<p>Bonjour</p>", "Bonjour")
            {
                PieceJointe = new PieceJointe("bilan-lot-2026-01-2026-03.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", contenu),
            }, "test:piece-jointe");
            await db.SaveChangesAsync();
        }
        await using (var db = _base.Systeme())
        {
            var depose = await db.MessagesSortants.AsNoTracking().SingleAsync();
            Assert.Equal("bilan-lot-2026-01-2026-03.xlsx", depose.PieceJointeNom);
            Assert.Equal(contenu, depose.PieceJointeContenu);
        }

        using var serveur = SimpleSmtpServer.Start(port);
        await using (var db = _base.Systeme())
        {
            var smtp = new EnvoiMailSmtp(Options.Create(new OptionsMail { Hote = "localhost", Port = port, Securite = "Aucune", Expediteur = "clause@exemple.fr" }));
            Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", (await new ExpediteurBoiteEnvoi(db, smtp, _base.Horloge).EnvoyerEnAttenteAsync()).Resume);
        }

        var recu = Assert.Single(serveur.ReceivedEmail);
        using var brut = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(recu.Data));
        var mime = await MimeMessage.LoadAsync(brut);
        var piece = Assert.IsType<MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal("bilan-lot-2026-01-2026-03.xlsx", piece.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", piece.ContentType?.MimeType);
        using var octets = new MemoryStream();
        Assert.NotNull(piece.Content);
        await piece.Content.DecodeToAsync(octets);
        Assert.Equal(contenu, octets.ToArray());
        Assert.Equal("Bonjour", mime.TextBody?.Trim());

        await using (var db = _base.Systeme())
        {
            var envoye = await db.MessagesSortants.AsNoTracking().SingleAsync();
            Assert.Null(envoye.PieceJointeContenu);
            Assert.Equal("bilan-lot-2026-01-2026-03.xlsx", envoye.PieceJointeNom);
        }
    }

    [Fact]
    public void Une_piece_jointe_trop_lourde_est_refusee_au_depot()
    {
        using var db = _base.Systeme();
        var trop = new byte[PieceJointe.TailleMax + 1];
        Assert.Throws<ArgumentException>(() => new BoiteEnvoi(db, _base.Horloge).Deposer(new MessageMail("elu@ville.fr", "Camille", "Bilan", "<p>x</p>", "x")
        {
            PieceJointe = new PieceJointe("bilan.xlsx", "application/octet-stream", trop),
        }, "test:trop-lourd"));
        Assert.Empty(db.MessagesSortants.Local);
    }
}
