using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Import;

/// <summary>
/// Reprise de données (issue 11, ../shared/IMPORT.md): available to the Direction and the Facilitateur of the structure —
/// the template's download, and the import itself (both roles may import: IMPORT.md « Behaviour »).
/// </summary>
public sealed class DossierImport() : DossierPages("/Import", Politiques.LectureClause, Politiques.LectureClause);
