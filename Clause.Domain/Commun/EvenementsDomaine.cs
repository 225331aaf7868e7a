namespace Clause.Domain.Commun;

/// <summary>
/// Something that happened to an entity and that other records derive state from (DOMAIN.md §7.2, §7.3). Raised by the
/// entity's own method when one of those inputs changes; the persistence layer dispatches it inside the same
/// <c>SaveChanges</c>, so the derived values (a line « hors période », a contrat's eligibility) can never be left stale
/// by a page that forgot to recompute them. An entity that holds every input of its own derived state recomputes it in
/// the method itself and raises nothing for it (a contrat's new start date or derogation: <c>Contrat.Modifier</c>,
/// <c>Contrat.Deroger</c>): each input has exactly one path to the value it feeds.
/// </summary>
public interface IEvenementDomaine;

/// <summary>The start, planned end or actual end of a contrat changed: the period of its lines of hours is re-evaluated.</summary>
public sealed record DatesContratModifiees(ContratId ContratId) : IEvenementDomaine;

/// <summary>A lot's execution dates changed: the period of every line of the lot is re-evaluated.</summary>
public sealed record DatesLotModifiees(LotId LotId) : IEvenementDomaine;

/// <summary>The tolerance after the lot's end (réglage) changed: the period of every line of the structure is re-evaluated.</summary>
public sealed record ToleranceApresFinModifiee(StructureId StructureId) : IEvenementDomaine;

/// <summary>The eligibility window (réglage) changed: the eligibility of every contrat of the structure is re-evaluated.</summary>
public sealed record FenetreEligibiliteModifiee(StructureId StructureId) : IEvenementDomaine;

/// <summary>A participant received an eligibility decision: the eligibility of their contrats is re-evaluated.</summary>
public sealed record DecisionEligibiliteEnregistree(ParticipantId ParticipantId) : IEvenementDomaine;
