using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Parcours;

/// <summary>
/// PLIE parcours (issue 13): Direction, Facilitateur and Referent read (a Referent only his or her participants':
/// AccesParcours), the Referent writes (DOMAIN.md §11: « parcours of own participants »).
/// </summary>
public sealed class DossierParcours() : DossierPages("/Parcours", Politiques.LectureParticipants, Politiques.GestionParcours);
