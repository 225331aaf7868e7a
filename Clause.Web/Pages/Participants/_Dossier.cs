using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Participants;

/// <summary>Participants: Direction, Facilitateur and Referent read (a Referent only his or her own: AccesParticipants), the Facilitateur writes.</summary>
public sealed class DossierParticipants() : DossierPages("/Participants", Politiques.LectureParticipants, Politiques.GestionClause);
