using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Entreprises;

/// <summary>Companies: Direction and Facilitateur read, the Facilitateur writes.</summary>
public sealed class DossierEntreprises() : DossierPages("/Entreprises", Politiques.LectureClause, Politiques.GestionClause);
