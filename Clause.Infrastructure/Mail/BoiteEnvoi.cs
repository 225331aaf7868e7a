using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Mail;

/// <summary>
/// The mail outbox (issue 12 item 5): every mail of Clause is deposited here, in the same <c>SaveChanges</c> — the same
/// transaction — as what caused it, and the job "boite-envoi" (<see cref="ExpediteurBoiteEnvoi"/>) sends it later through
/// <see cref="IEnvoiMail"/>. Nothing is sent if the cause is not saved; nothing saved is lost if the mail server is down.
/// <para>
/// <see cref="Deposer"/> only ADDS the row to the context; the caller's <c>SaveChangesAsync</c> commits it. The
/// idempotency key is unique: a second deposit of the same key in the same context is a no-op; a key already in the
/// database makes the caller's save fail on the unique index (<see cref="EstDoublon"/> recognises it) — the whole
/// transaction is refused, so the cause is not written twice either. Derive the key from what caused the mail
/// ("rejet:{ligne}:{version}", "relance:{contact}:{lot}:{mois}:{rang}").
/// </para>
/// </summary>
public sealed class BoiteEnvoi(ClauseDbContext db, TimeProvider horloge)
{
    public void Deposer(MessageMail message, string cleIdempotence)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(cleIdempotence);
        if (cleIdempotence.Length > MessageSortant.CleLongueurMax)
            throw new ArgumentException($"La clé d'idempotence dépasse {MessageSortant.CleLongueurMax} caractères.", nameof(cleIdempotence));
        if (message.PieceJointe is { } piece)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(piece.Nom);
            if (piece.Nom.Length > PieceJointe.NomLongueurMax || piece.TypeContenu.Length > PieceJointe.TypeLongueurMax)
                throw new ArgumentException("Le nom ou le type de la pièce jointe est trop long.", nameof(message));
            if (piece.Contenu.Length > PieceJointe.TailleMax)
                throw new ArgumentException($"La pièce jointe dépasse {PieceJointe.TailleMax / 1024 / 1024} Mo.", nameof(message));
        }
        if (db.MessagesSortants.Local.Any(m => m.CleIdempotence == cleIdempotence)) return;
        var maintenant = horloge.GetUtcNow();
        db.MessagesSortants.Add(new MessageSortant
        {
            CleIdempotence = cleIdempotence,
            StructureId = db.Contexte.StructureId,
            Destinataire = message.Destinataire,
            NomDestinataire = message.NomDestinataire,
            Sujet = message.Sujet,
            Html = message.Html,
            Texte = message.Texte,
            PieceJointeNom = message.PieceJointe?.Nom,
            PieceJointeType = message.PieceJointe?.TypeContenu,
            PieceJointeContenu = message.PieceJointe?.Contenu,
            DeposeLe = maintenant,
            EssaisDepuis = maintenant,
            ProchainEssaiLe = maintenant,
        });
    }

    /// <summary>True when a save failed because an outbox row with the same idempotency key already exists.</summary>
    public static bool EstDoublon(DbUpdateException erreur) =>
        erreur?.Entries.Any(e => e.Entity is MessageSortant) == true
        && (erreur.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
            || erreur.InnerException?.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) == true);
}

/// <summary>
/// One mail of the outbox. Not tenant data (an administrator's invitation has no structure): <see cref="StructureId"/>
/// says whose action deposited it, and the Direction's page filters on it explicitly. Not audited (not an
/// <c>Entite</c>): the audit trail would copy the body. The body — and the attachment, if any — is erased once the mail
/// is sent (an invitation carries a password link).
/// </summary>
public sealed class MessageSortant
{
    public const int CleLongueurMax = 200;
    public const int ErreurLongueurMax = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string CleIdempotence { get; set; } = string.Empty;

    public StructureId? StructureId { get; set; }

    public string Destinataire { get; set; } = string.Empty;

    public string NomDestinataire { get; set; } = string.Empty;

    public string Sujet { get; set; } = string.Empty;

    public string Html { get; set; } = string.Empty;

    public string Texte { get; set; } = string.Empty;

    /// <summary>The attached file's name (null: no attachment). The file is erased with the body once sent.</summary>
    public string? PieceJointeNom { get; set; }

    public string? PieceJointeType { get; set; }

    public byte[]? PieceJointeContenu { get; set; }

    /// <summary>The attachment to send, when the row has one.</summary>
    public PieceJointe? PieceJointe => PieceJointeNom is { } nom && PieceJointeContenu is { } contenu
        ? new PieceJointe(nom, PieceJointeType ?? "application/octet-stream", contenu)
        : null;

    public StatutMessage Statut { get; set; } = StatutMessage.EnAttente;

    public int Tentatives { get; set; }

    public DateTimeOffset DeposeLe { get; set; }

    /// <summary>Start of the 24-hour retry window: the deposit, or the last re-send by hand.</summary>
    public DateTimeOffset EssaisDepuis { get; set; }

    public DateTimeOffset ProchainEssaiLe { get; set; }

    /// <summary>Set when a sender claims the row, cleared when it is marked; a claim older than the lease is taken over.</summary>
    public DateTimeOffset? EnvoiCommenceLe { get; set; }

    public DateTimeOffset? EnvoyeLe { get; set; }

    /// <summary>The last failure, in French, without address nor body.</summary>
    public string? DerniereErreur { get; set; }

    /// <summary>The Message-Id header: the same for every attempt, so a mail sent twice is recognisably one mail.</summary>
    public string IdentifiantMessage => $"{Id:N}@clause";
}

public enum StatutMessage
{
    EnAttente,
    Envoye,
    Echoue,
}

public static class LibellesStatutMessage
{
    public static string Libelle(this StatutMessage statut) => statut switch
    {
        StatutMessage.EnAttente => "En attente",
        StatutMessage.Envoye => "Envoyé",
        StatutMessage.Echoue => "En échec",
        _ => statut.ToString(),
    };
}
