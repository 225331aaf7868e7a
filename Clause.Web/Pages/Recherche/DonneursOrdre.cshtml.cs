using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Clause.Web.Pages.Recherche;

/// <summary>Donneurs d'ordre for a combobox: Direction and Facilitateur only (no Referent page shows them).</summary>
[Authorize(Policy = Politiques.LectureClause)]
public sealed class DonneursOrdreModel(ClauseDbContext db) : PageRecherche(db, Recherches.DonneursOrdre);
