using System.Text.Json;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// The audit rows of account actions taken by staff (issue 16 item 3: an invitation sent again, a reset link sent).
/// Accounts are Identity rows, not domain entities, so <see cref="AuditInterceptor"/> does not see them: the row is
/// written here, chained like the interceptor's (lock, rank, hashes) in the caller's transaction, and saved on its own so
/// that no other row of the same save takes the same place in the chain. Type « Utilisateur », the account's id.
/// </summary>
public static class JournalComptes
{
    public const string Type = "Utilisateur";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task JournaliserAsync(ClauseDbContext db, Utilisateur compte, string champ, string valeur, TimeProvider horloge,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(compte);
        ArgumentNullException.ThrowIfNull(horloge);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Le journal d'un compte s'écrit dans la transaction de l'action.");
        var contexte = db.Contexte;
        var ligne = new JournalAudit
        {
            StructureId = compte.StructureId,
            Quand = horloge.GetUtcNow(),
            UtilisateurId = contexte.UtilisateurId,
            NomUtilisateur = contexte.NomUtilisateur,
            NomJeton = contexte.NomJeton,
            TypeEntite = Type,
            EntiteId = compte.Id,
            RacineId = compte.Id,
            Action = ActionAudit.Modification,
            Changements = JsonSerializer.Serialize(new[] { new ChangementChamp(champ, null, valeur) }, Json),
        };
        await ChaineAudit.VerrouillerAsync(db, [ligne.StructureId], annulation).ConfigureAwait(false);
        await ChaineAudit.Sceller(db, [ligne], annulation).ConfigureAwait(false);
        db.JournalAudit.Add(ligne);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }
}
