using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Placement;

/// <summary>
/// Placement, the staff's side (issue 14): Direction, Facilitateur and Référent read the postes à pourvoir and the
/// candidatures (a Référent only those of his or her participants: a data filter, <see cref="AccesPlacement"/>); the
/// Facilitateur alone records postes, validates a candidate's entry and presents the shortlist. Proposing a candidate is
/// in <c>/Placement/Candidater</c> (Facilitateur and Référent).
/// </summary>
public sealed class DossierPlacement() : DossierPages("/Placement", Politiques.LectureParticipants, Politiques.GestionClause);
