using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Lots;

/// <summary>Lots: Direction and Facilitateur read, the Facilitateur writes.</summary>
public sealed class DossierLots() : DossierPages("/Lots", Politiques.LectureClause, Politiques.GestionClause);
