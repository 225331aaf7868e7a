using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Recherche;

/// <summary>Lots with a clause for a combobox (filter « ouverts »: those that receive contrats).</summary>
public sealed class LotsModel(ClauseDbContext db) : PageRecherche(db, Recherches.Lots);
