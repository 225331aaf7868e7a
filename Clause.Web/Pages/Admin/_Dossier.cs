using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Admin;

/// <summary>Structures and users of the installation: the Administrateur alone reads and writes (DOMAIN.md §11).</summary>
public sealed class DossierAdmin() : DossierPages("/Admin", Politiques.Administration, Politiques.Administration);
