using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Contrats;

/// <summary>Contrats: Direction, Facilitateur and Referent read (a Referent only his or her participants': AccesContrats), the Facilitateur writes.</summary>
public sealed class DossierContrats() : DossierPages("/Contrats", Politiques.LectureParticipants, Politiques.GestionClause);
