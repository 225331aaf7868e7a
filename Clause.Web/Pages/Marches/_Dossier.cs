using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Marches;

/// <summary>Marchés: Direction and Facilitateur read, the Facilitateur writes.</summary>
public sealed class DossierMarches() : DossierPages("/Marches", Politiques.LectureClause, Politiques.GestionClause);
