using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.PageReglages;

/// <summary>Settings of the structure: Direction and Facilitateur read and change them.</summary>
public sealed class DossierReglages() : DossierPages("/Reglages", Politiques.Reglages, Politiques.Reglages);
