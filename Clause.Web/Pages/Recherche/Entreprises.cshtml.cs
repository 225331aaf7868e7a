using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Recherche;

/// <summary>The structure's companies for a combobox.</summary>
public sealed class EntreprisesModel(ClauseDbContext db) : PageRecherche(db, Recherches.Entreprises);
