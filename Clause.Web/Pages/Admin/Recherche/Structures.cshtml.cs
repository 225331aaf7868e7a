using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Recherche;

namespace Clause.Web.Pages.Admin.Recherche;

/// <summary>The installation's active structures, for the administrator's comboboxes (the invitation of an account).</summary>
public sealed class StructuresModel(ClauseDbContext db) : PageRecherche(db, Recherches.StructuresAdmin);
