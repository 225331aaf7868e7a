using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Recherche;

namespace Clause.Web.Pages.Admin.Recherche;

/// <summary>The donneurs d'ordre of the structure named by the filter, for the administrator's comboboxes (the invitation of an account).</summary>
public sealed class DonneursOrdreModel(ClauseDbContext db) : PageRecherche(db, Recherches.DonneursOrdreAdmin);
