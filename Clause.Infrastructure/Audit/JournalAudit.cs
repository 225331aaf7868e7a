using Clause.Domain.Commun;

namespace Clause.Infrastructure.Audit;

public enum ActionAudit
{
    Creation,
    Modification,
    Suppression,
}

/// <summary>One change of one domain entity: who, when, which entity, which fields (old → new).</summary>
public sealed class JournalAudit
{
    public const string ValeurMasquee = "•••• (donnée sensible)";

    /// <summary>What a value becomes when the anonymisation purges the row (§12); a purged row holds nothing else.</summary>
    public const string ValeurPurgee = "(purgé)";

    public Guid Id { get; set; } = SourceIdentifiants.Nouveau();

    public StructureId? StructureId { get; set; }

    public DateTimeOffset Quand { get; set; }

    public Guid? UtilisateurId { get; set; }

    public string NomUtilisateur { get; set; } = string.Empty;

    /// <summary>Name of the personal access token when the change came through the API; null from the pages.</summary>
    public string? NomJeton { get; set; }

    /// <summary>The import run (<c>JournalImport.Id</c>) this change came from, when a workbook import wrote it (issue 11).</summary>
    public Guid? ImportId { get; set; }

    /// <summary>CLR name of the entity (e.g. DonneurOrdre, ContactDonneurOrdre).</summary>
    public string TypeEntite { get; set; } = string.Empty;

    public Guid EntiteId { get; set; }

    /// <summary>Aggregate root whose page shows this change (the entity itself for a root).</summary>
    public Guid RacineId { get; set; }

    public ActionAudit Action { get; set; }

    /// <summary>JSON array of { champ, avant, apres }; sensitive values are masked.</summary>
    public string Changements { get; set; } = "[]";

    /// <summary>
    /// Rank of the row in its structure's chain (1, 2, 3… without gap; the installation's own rows, without structure,
    /// form one more chain). Given in the saving transaction by <see cref="ChaineAudit"/>.
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="Changements"/> as written: the row's hash covers this digest, not the values.</summary>
    public string? EmpreinteChangements { get; set; }

    /// <summary>The <see cref="Empreinte"/> of the previous row of the same chain (64 zeros for the first).</summary>
    public string? EmpreintePrecedente { get; set; }

    /// <summary>SHA-256 (hex) of every column but the values themselves, chained to the previous row (<see cref="ChaineAudit.Calculer"/>).</summary>
    public string? Empreinte { get; set; }

    /// <summary>
    /// When the personal values of <see cref="Changements"/> were purged by the anonymisation (§12): the chain still
    /// verifies, since the row's hash covers <see cref="EmpreinteChangements"/>, kept as it was.
    /// </summary>
    public DateTimeOffset? PurgeLe { get; set; }
}

public sealed record ChangementChamp(string Champ, string? Avant, string? Apres);
