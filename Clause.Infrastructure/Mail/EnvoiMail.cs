using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Clause.Infrastructure.Mail;

/// <summary>A mail to send: French, HTML plus plain text.</summary>
public sealed record MessageMail(string Destinataire, string NomDestinataire, string Sujet, string Html, string Texte)
{
    /// <summary>The Message-Id header, set by the outbox (the same on every attempt of one mail); MimeKit makes one otherwise.</summary>
    public string? IdentifiantMessage { get; init; }

    /// <summary>A file sent with the mail (a bilan's workbook), or none.</summary>
    public PieceJointe? PieceJointe { get; init; }
}

/// <summary>
/// A file attached to a mail: its name as the recipient sees it, its MIME type and its bytes. Stored with the outbox's
/// row until the mail is sent (<see cref="MessageSortant"/>), so a send survives a mail server that is down.
/// </summary>
public sealed record PieceJointe(string Nom, string TypeContenu, byte[] Contenu)
{
    /// <summary>Largest attachment the outbox takes (a bilan's workbook weighs a few dozen kilobytes).</summary>
    public const int TailleMax = 5 * 1024 * 1024;

    public const int NomLongueurMax = 200;

    public const int TypeLongueurMax = 100;
}

/// <summary>The one way Clause sends mail.</summary>
public interface IEnvoiMail
{
    Task EnvoyerAsync(MessageMail message, CancellationToken annulation = default);
}

/// <summary>Configuration section "Mail". Without <see cref="Hote"/>, mails go to <see cref="DossierDepot"/>.</summary>
public sealed class OptionsMail
{
    public const string Section = "Mail";

    public string? Hote { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto, StartTls, SslOnConnect or Aucune.</summary>
    public string Securite { get; set; } = "Auto";

    public string? Utilisateur { get; set; }

    public string? MotDePasse { get; set; }

    public string Expediteur { get; set; } = "clause@localhost";

    public string NomExpediteur { get; set; } = "Clause";

    /// <summary>Drop folder of .eml files (relative to the content root) when no SMTP host is set.</summary>
    public string DossierDepot { get; set; } = "data/mails";

    public static readonly string[] SecuritesConnues = ["Auto", "StartTls", "SslOnConnect", "Aucune"];

    /// <summary>
    /// What a Production start needs of the section and does not find, in French, one line per key (Demarrage): an SMTP
    /// host (the drop folder is for development), a port between 1 and 65535, a known TLS mode, a sender address with a
    /// real domain (the default « clause@localhost » is refused). Read from the raw configuration, so a port that is not a
    /// number is reported instead of failing the binding.
    /// </summary>
    public static IEnumerable<string> VerifierPourProduction(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hote = configuration[$"{Section}:Hote"];
        if (string.IsNullOrWhiteSpace(hote))
            yield return "Mail:Hote : serveur SMTP manquant (en production, les mails ne sont pas déposés en fichiers).";
        else if (Uri.CheckHostName(hote.Trim()) == UriHostNameType.Unknown)
            yield return $"Mail:Hote : « {hote} » n'est pas un nom de serveur ni une adresse IP.";
        var port = configuration[$"{Section}:Port"];
        if (port is not null && (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numero)
            || numero is < 1 or > 65535))
            yield return $"Mail:Port : « {port} » n'est pas un port entre 1 et 65535.";
        var securite = configuration[$"{Section}:Securite"];
        if (!string.IsNullOrEmpty(securite) && !SecuritesConnues.Contains(securite, StringComparer.Ordinal))
            yield return $"Mail:Securite : « {securite} » n'est pas reconnu ({string.Join(", ", SecuritesConnues)}).";
        var expediteur = configuration[$"{Section}:Expediteur"];
        if (string.IsNullOrWhiteSpace(expediteur))
            yield return "Mail:Expediteur : adresse d'envoi manquante.";
        else if (!Clause.Domain.Commun.AdresseEmail.EstValide(expediteur))
            yield return $"Mail:Expediteur : « {expediteur} » n'est pas une adresse e-mail valide avec un domaine (exemple : clause@agglo.fr).";
    }
}

internal static class Mime
{
    public static MimeMessage Construire(OptionsMail options, MessageMail message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.NomExpediteur, options.Expediteur));
        mime.To.Add(new MailboxAddress(message.NomDestinataire, message.Destinataire));
        mime.Subject = message.Sujet;
        if (message.IdentifiantMessage is { } identifiant) mime.MessageId = identifiant;
        var corps = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Texte };
        if (message.PieceJointe is { } piece)
            corps.Attachments.Add(piece.Nom, piece.Contenu, ContentType.Parse(piece.TypeContenu));
        mime.Body = corps.ToMessageBody();
        return mime;
    }
}

/// <summary>MailKit over SMTP (host, port, TLS and credentials from configuration).</summary>
public sealed class EnvoiMailSmtp(IOptions<OptionsMail> options) : IEnvoiMail
{
    public async Task EnvoyerAsync(MessageMail message, CancellationToken annulation = default)
    {
        var config = options.Value;
        var mime = Mime.Construire(config, message);
        using var client = new SmtpClient();
        var securite = config.Securite switch
        {
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "Aucune" => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(config.Hote ?? "localhost", config.Port, securite, annulation).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(config.Utilisateur))
            await client.AuthenticateAsync(config.Utilisateur, config.MotDePasse ?? string.Empty, annulation).ConfigureAwait(false);
        await client.SendAsync(mime, annulation).ConfigureAwait(false);
        await client.DisconnectAsync(true, annulation).ConfigureAwait(false);
    }
}

/// <summary>The embedded default: each mail is written as an .eml file into a drop folder.</summary>
public sealed class EnvoiMailDossier(IOptions<OptionsMail> options, TimeProvider horloge, string dossier) : IEnvoiMail
{
    public string Dossier { get; } = dossier;

    public async Task EnvoyerAsync(MessageMail message, CancellationToken annulation = default)
    {
        Directory.CreateDirectory(Dossier);
        var mime = Mime.Construire(options.Value, message);
        var chemin = Path.Combine(Dossier, $"{horloge.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(chemin, annulation).ConfigureAwait(false);
    }
}
