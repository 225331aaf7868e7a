using System.Net.Sockets;
using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Taches;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Mail;

/// <summary>
/// Sends the outbox's pending mails through <see cref="IEnvoiMail"/> (the job "boite-envoi"). Each mail is first
/// <b>claimed</b> by a conditional update (one node wins it, even on a cluster), then sent, then marked sent — its
/// body erased — or rescheduled with an exponential back-off (1 min, 2, 4, … capped at the window's end) for up to
/// 24 hours after its deposit, then marked failed. A refusal by the server (SMTP 5xx: unknown recipient…) fails at
/// once: repeating it would not change the answer.
/// <para>
/// <b>At-least-once boundary</b>: if the process dies after the SMTP server accepted the mail and before the row is
/// marked, the claim expires after <see cref="Bail"/> and the mail is sent again — the only case of a duplicate; it
/// carries the same Message-Id, so mail clients show it once. A crash before the server accepted it loses nothing.
/// </para>
/// </summary>
public sealed class ExpediteurBoiteEnvoi(ClauseDbContext db, IEnvoiMail envoi, TimeProvider horloge)
{
    public static readonly TimeSpan DureeMaximale = TimeSpan.FromHours(24);

    public static readonly TimeSpan PremierDelai = TimeSpan.FromMinutes(1);

    /// <summary>How long a claim protects a mail being sent; past it, the sender is presumed dead.</summary>
    public static readonly TimeSpan Bail = TimeSpan.FromMinutes(10);

    public const int TailleLot = 100;

    public async Task<CompteRendu> EnvoyerEnAttenteAsync(CancellationToken annulation = default)
    {
        var maintenant = horloge.GetUtcNow();
        var limiteBail = maintenant - Bail;
        var ids = await Disponibles(maintenant, limiteBail).OrderBy(m => m.ProchainEssaiLe).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(TailleLot).ToListAsync(annulation).ConfigureAwait(false);
        int envoyes = 0, reportes = 0, echoues = 0;
        foreach (var id in ids)
        {
            annulation.ThrowIfCancellationRequested();
            var pris = await Disponibles(maintenant, limiteBail).Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.EnvoiCommenceLe, maintenant).SetProperty(m => m.Tentatives, m => m.Tentatives + 1),
                    annulation).ConfigureAwait(false);
            if (pris == 0) continue; // another node claimed it first

            var message = await db.MessagesSortants.FirstAsync(m => m.Id == id, annulation).ConfigureAwait(false);
            try
            {
                await envoi.EnvoyerAsync(new MessageMail(message.Destinataire, message.NomDestinataire, message.Sujet, message.Html, message.Texte)
                {
                    IdentifiantMessage = message.IdentifiantMessage,
                    PieceJointe = message.PieceJointe,
                }, annulation).ConfigureAwait(false);
                var fin = horloge.GetUtcNow();
                message.Statut = StatutMessage.Envoye;
                message.EnvoyeLe = fin;
                message.Html = string.Empty;
                message.Texte = string.Empty;
                message.PieceJointeContenu = null;
                message.DerniereErreur = null;
                envoyes++;
            }
            catch (Exception erreur) when (erreur is not OperationCanceledException)
            {
                message.DerniereErreur = Decrire(erreur);
                var finFenetre = message.EssaisDepuis + DureeMaximale;
                if (EstDefinitif(erreur) || maintenant >= finFenetre)
                {
                    message.Statut = StatutMessage.Echoue;
                    echoues++;
                }
                else
                {
                    var prochain = maintenant + Delai(message.Tentatives);
                    message.ProchainEssaiLe = prochain < finFenetre ? prochain : finFenetre;
                    reportes++;
                }
            }

            message.EnvoiCommenceLe = null;
            // Marking must not be skipped because the job is being stopped: the mail is already out.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        return new CompteRendu($"{envoyes} mail(s) envoyé(s), {reportes} reporté(s), {echoues} en échec.");
    }

    /// <summary>
    /// Puts a failed mail back in the queue with a new 24-hour window (the admin page's "Renvoyer"). Within
    /// <paramref name="structure"/> only when given (the Direction's page): another structure's mail is "not found".
    /// </summary>
    public async Task<bool> RenvoyerAsync(Guid id, StructureId? structure, CancellationToken annulation = default)
    {
        var message = await db.MessagesSortants
            .FirstOrDefaultAsync(m => m.Id == id && m.Statut == StatutMessage.Echoue && (structure == null || m.StructureId == structure), annulation)
            .ConfigureAwait(false);
        if (message is null) return false;
        var maintenant = horloge.GetUtcNow();
        message.Statut = StatutMessage.EnAttente;
        message.Tentatives = 0;
        message.EssaisDepuis = maintenant;
        message.ProchainEssaiLe = maintenant;
        message.EnvoiCommenceLe = null;
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return true;
    }

    /// <summary>1 min after the first attempt, then doubled: 1, 2, 4, 8 … (the 24-hour window caps it).</summary>
    public static TimeSpan Delai(int tentatives) =>
        PremierDelai * Math.Pow(2, Math.Clamp(tentatives - 1, 0, 20));

    private IQueryable<MessageSortant> Disponibles(DateTimeOffset maintenant, DateTimeOffset limiteBail) =>
        db.MessagesSortants.Where(m => m.Statut == StatutMessage.EnAttente && m.ProchainEssaiLe <= maintenant
                                       && (m.EnvoiCommenceLe == null || m.EnvoiCommenceLe < limiteBail));

    private static bool EstDefinitif(Exception erreur) => erreur is SmtpCommandException { StatusCode: var code } && (int)code >= 500;

    // The server's own text may quote the recipient's address: only the code is kept.
    private static string Decrire(Exception erreur) => Tronquer(erreur switch
    {
        SmtpCommandException smtp => $"Le serveur de mail a refusé le message (code SMTP {(int)smtp.StatusCode}).",
        SocketException or SmtpProtocolException or IOException or TimeoutException =>
            $"Serveur de mail injoignable ({erreur.GetType().Name} : {erreur.Message}).",
        MailKit.Security.AuthenticationException => "Le serveur de mail a refusé l'identification de Clause.",
        _ => $"Erreur d'envoi ({erreur.GetType().Name}).",
    });

    private static string Tronquer(string texte) => texte.Length <= MessageSortant.ErreurLongueurMax ? texte : texte[..(MessageSortant.ErreurLongueurMax - 1)] + "…";
}
