using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Clause.Web.Pages.Recherche;

/// <summary>Opérations for a combobox: Direction and Facilitateur only (no Referent page shows them).</summary>
[Authorize(Policy = Politiques.LectureClause)]
public sealed class OperationsModel(ClauseDbContext db) : PageRecherche(db, Recherches.Operations);
