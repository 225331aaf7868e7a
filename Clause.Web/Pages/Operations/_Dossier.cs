using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Operations;

/// <summary>Opérations: Direction and Facilitateur read, the Facilitateur writes.</summary>
public sealed class DossierOperations() : DossierPages("/Operations", Politiques.LectureClause, Politiques.GestionClause);
