using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>Buyers: Direction and Facilitateur read, the Facilitateur writes.</summary>
public sealed class DossierDonneursOrdre() : DossierPages("/DonneursOrdre", Politiques.LectureClause, Politiques.GestionClause);
