using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Utilisateurs;

/// <summary>Shared bits of the account pages.</summary>
public static class ComptesAdmin
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Date(DateTimeOffset instant) =>
        Affichage.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime));

    /// <summary>The structures as select options (a short list: one row per PLIE / Maison de l'Emploi).</summary>
    public static async Task<IReadOnlyList<SelectListItem>> OptionsStructuresAsync(ClauseDbContext db, StructureId? selection, CancellationToken annulation) =>
        (await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => new { s.Id, s.Nom }).ToListAsync(annulation))
            .Select(s => new SelectListItem(s.Nom, s.Id.ToString(), s.Id == selection)).ToList();
}
