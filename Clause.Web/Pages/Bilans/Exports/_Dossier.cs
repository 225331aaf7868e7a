using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Bilans.Exports;

/// <summary>
/// The bilans' outputs (issue 10 items 4, 6, 7): the Excel file, the send by mail, the yearly consolidation. Direction and
/// Facilitateur read (download, consolidation), the Facilitateur sends.
/// </summary>
public sealed class DossierExportsBilans() : DossierPages("/Bilans/Exports", Politiques.LectureClause, Politiques.GestionClause);
