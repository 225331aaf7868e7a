namespace Clause.Domain.Commun;

/// <summary>
/// Base of every domain entity. Identifiers are client-generated (version 7 GUIDs, time-ordered) so an
/// entity has its id before it is saved: the audit trail records inserts in the same transaction.
/// </summary>
public abstract class Entite
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>An entity owned by one structure (the tenant). A global query filter scopes it.</summary>
public interface IAppartientStructure
{
    Guid StructureId { get; }
}

/// <summary>A child entity whose history is shown on its aggregate root's page.</summary>
public interface IPartieDe
{
    Guid RacineId { get; }
}

/// <summary>Marks a personal field whose value the audit trail masks (DOMAIN.md §5 and §12).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensibleAttribute : Attribute;
