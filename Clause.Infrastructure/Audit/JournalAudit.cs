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

    public Guid Id { get; set; } = SourceIdentifiants.Nouveau();

    public StructureId? StructureId { get; set; }

    public DateTimeOffset Quand { get; set; }

    public Guid? UtilisateurId { get; set; }

    public string NomUtilisateur { get; set; } = string.Empty;

    /// <summary>Name of the personal access token when the change came through the API; null from the pages.</summary>
    public string? NomJeton { get; set; }

    /// <summary>CLR name of the entity (e.g. DonneurOrdre, ContactDonneurOrdre).</summary>
    public string TypeEntite { get; set; } = string.Empty;

    public Guid EntiteId { get; set; }

    /// <summary>Aggregate root whose page shows this change (the entity itself for a root).</summary>
    public Guid RacineId { get; set; }

    public ActionAudit Action { get; set; }

    /// <summary>JSON array of { champ, avant, apres }; sensitive values are masked.</summary>
    public string Changements { get; set; } = "[]";
}

public sealed record ChangementChamp(string Champ, string? Avant, string? Apres);
