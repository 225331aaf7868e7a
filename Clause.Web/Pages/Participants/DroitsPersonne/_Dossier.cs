using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Participants.DroitsPersonne;

/// <summary>
/// The participant's rights (issue 16 item 11, DOMAIN.md §12): the access export holds every category, sensitive ones
/// included, so only Direction and Facilitateur produce it — never a Référent (who may not see sensitive categories), a
/// company or a buyer.
/// </summary>
public sealed class DossierDroitsParticipants() : DossierPages("/Participants/DroitsPersonne", Politiques.LectureClause, Politiques.GestionClause);
