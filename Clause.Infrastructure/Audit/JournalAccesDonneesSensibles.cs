using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;

namespace Clause.Infrastructure.Audit;

/// <summary>
/// One display or export of a sensitive field to a user (DOMAIN.md §12): who, when, which participant,
/// what kind of data. The text never holds the value itself (no category, no health detail). An Excel export of a list
/// with personal data (participants, contrats, hours — issue 15) names no single participant: its line has no
/// <see cref="ParticipantId"/> and says which list and how many rows, never a filter's value (a search may be a name).
/// </summary>
public sealed class JournalAccesDonneesSensibles
{
    public const int QuoiLongueurMax = 200;

    public Guid Id { get; set; } = SourceIdentifiants.Nouveau();

    public StructureId StructureId { get; set; }

    public DateTimeOffset Quand { get; set; }

    public Guid? UtilisateurId { get; set; }

    public string NomUtilisateur { get; set; } = string.Empty;

    /// <summary>The participant shown; null for a list export (several participants).</summary>
    public ParticipantId? ParticipantId { get; set; }

    /// <summary>What was shown, in general terms (e.g. "Catégories d'éligibilité sensibles — fiche participant").</summary>
    public string Quoi { get; set; } = string.Empty;
}

public static class JournalisationAccesSensibles
{
    public const string CategoriesSensibles = "Catégories d'éligibilité sensibles";
    public const string MotifAvisMotive = "Motif d'avis motivé";

    /// <summary>Records that the acting user was shown sensitive data of a participant, and saves it.</summary>
    public static Task ConsignerAsync(this ClauseDbContext db, StructureId structureId, ParticipantId participantId, string quoi, DateTimeOffset quand,
        CancellationToken annulation = default) =>
        AjouterEtEnregistrerAsync(db, structureId, participantId, quoi, quand, annulation);

    /// <summary>Records that the acting user exported a list holding personal data (<paramref name="quoi"/>: the list and its rows), and saves it.</summary>
    public static Task ConsignerExportAsync(this ClauseDbContext db, StructureId structureId, string quoi, DateTimeOffset quand,
        CancellationToken annulation = default) =>
        AjouterEtEnregistrerAsync(db, structureId, participantId: null, quoi, quand, annulation);

    /// <summary>The one line of the journal, for the acting user: a participant's display, or (no participant) a list's export.</summary>
    private static async Task AjouterEtEnregistrerAsync(ClauseDbContext db, StructureId structureId, ParticipantId? participantId, string quoi,
        DateTimeOffset quand, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.JournalAccesDonneesSensibles.Add(new JournalAccesDonneesSensibles
        {
            StructureId = structureId,
            Quand = quand,
            UtilisateurId = db.Contexte.UtilisateurId,
            NomUtilisateur = db.Contexte.NomUtilisateur,
            ParticipantId = participantId,
            Quoi = quoi,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }
}
