using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.PageStructure;

/// <summary>Oversight of the structure's accounts (its users' API tokens): the Direction alone reads and writes.</summary>
public sealed class DossierStructure() : DossierPages("/Structure", Politiques.Direction, Politiques.Direction);
