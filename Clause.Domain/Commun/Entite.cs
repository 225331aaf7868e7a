namespace Clause.Domain.Commun;

/// <summary>
/// Base of every domain entity. Identifiers are client-generated (version 7 GUIDs, time-ordered) so an
/// entity has its id before it is saved: the audit trail records inserts in the same transaction.
/// An aggregate root derives from <see cref="Racine{TId}"/> (a typed id), a child entity from <see cref="EntiteGuid"/> (a GUID).
/// </summary>
public abstract class Entite
{
    // Methods, not a property: EF maps no method, so the pending events never reach the model.
    private readonly List<IEvenementDomaine> _evenements = [];

    /// <summary>The id as its GUID, whatever its type: what the audit trail and the history read.</summary>
    public abstract Guid IdentifiantBrut();

    /// <summary>Takes the events raised since the last save (the persistence layer dispatches them in <c>SaveChanges</c>).</summary>
    public IReadOnlyList<IEvenementDomaine> RetirerEvenements()
    {
        var evenements = _evenements.ToList();
        _evenements.Clear();
        return evenements;
    }

    /// <summary>The events raised and not yet dispatched.</summary>
    public IReadOnlyList<IEvenementDomaine> EvenementsEnAttente() => _evenements.ToList();

    /// <summary>Raises an event once: the same input changed twice before a save needs one re-evaluation.</summary>
    protected void Lever(IEvenementDomaine evenement)
    {
        if (!_evenements.Contains(evenement)) _evenements.Add(evenement);
    }
}

/// <summary>
/// An aggregate root: its id is typed (<see cref="LotId"/>, <see cref="ContratId"/>…), so ids of two kinds never mix —
/// a swapped argument does not compile. Stored as the plain GUID column (EF value converter, ConventionsValeurs).
/// </summary>
public abstract class Racine<TId> : Entite where TId : struct, IIdentifiant<TId>
{
    public TId Id { get; protected set; } = TId.Nouveau();

    public override Guid IdentifiantBrut() => Id.Valeur;
}

/// <summary>
/// An entity with a plain GUID id: a child entity reached through its aggregate root, and Reglages (one row per
/// structure, always read by its StructureId). Every other root has a typed id.
/// </summary>
public abstract class EntiteGuid : Entite
{
    public Guid Id { get; protected set; } = SourceIdentifiants.Nouveau();

    public override Guid IdentifiantBrut() => Id;
}

/// <summary>An entity owned by one structure (the tenant). A global query filter scopes it.</summary>
public interface IAppartientStructure
{
    StructureId StructureId { get; }
}

/// <summary>A child entity whose history is shown on its aggregate root's page.</summary>
public interface IPartieDe
{
    Guid RacineId { get; }
}

/// <summary>Marks a personal field whose value the audit trail masks (DOMAIN.md §5 and §12).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensibleAttribute : Attribute;

/// <summary>
/// Marks a value derived from other fields of the entity (the normalised search columns): the audit trail records the
/// fields it comes from, never the derived copy, so a change of name shows once.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DeriveAttribute : Attribute;
