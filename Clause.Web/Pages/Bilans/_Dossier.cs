using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Bilans;

/// <summary>Bilans: Direction and Facilitateur read (the pages only show; a Referent has no access).</summary>
public sealed class DossierBilans() : DossierPages("/Bilans", Politiques.LectureClause, Politiques.GestionClause);
