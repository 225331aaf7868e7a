using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Embauches;

/// <summary>Companies' hire proposals, the facilitateur's side: Direction and Facilitateur read the queue, the Facilitateur links, validates, refuses.</summary>
public sealed class DossierEmbauches() : DossierPages("/Embauches", Politiques.LectureClause, Politiques.GestionClause);
