using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Heures;

/// <summary>Hours: Direction and Facilitateur read (the lot's grid too, read-only), the Facilitateur enters and decides.</summary>
public sealed class DossierHeures() : DossierPages("/Heures", Politiques.LectureClause, Politiques.GestionClause);
