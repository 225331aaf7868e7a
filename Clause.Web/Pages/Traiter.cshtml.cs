using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages;

/// <summary>
/// « Traitée » on the home page (issue 12): an alert by its recipient only (anyone else's alert, or another structure's,
/// answers 404), a « relance infructueuse » task by a facilitateur of the structure (404 otherwise). In the home folder
/// (any signed-in user): the record itself says who may close it.
/// </summary>
public sealed class TraiterModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAlerteAsync(Guid id, CancellationToken annulation)
    {
        var alerte = await Db.Alertes.DeLaStructureAsync(Db, id, annulation);
        if (alerte is null || Db.Contexte.UtilisateurId is not { } moi || alerte.DestinataireId != moi) return NotFound();
        if (!Appliquer(() => alerte.Traiter(horloge.GetUtcNow()))) return Page();
        return await EnregistrerAsync("L'alerte est marquée traitée.", "/Index", null, annulation);
    }

    public async Task<IActionResult> OnPostTacheAsync(Guid id, CancellationToken annulation)
    {
        if (!Droits.Peut(User, Politiques.GestionClause)) return NotFound();
        var tache = await Db.TachesRelance.DeLaStructureAsync(Db, id, annulation);
        if (tache is null) return NotFound();
        if (!Appliquer(() => tache.Traiter(Db.Contexte.NomUtilisateur, horloge.GetUtcNow()))) return Page();
        return await EnregistrerAsync("La relance infructueuse est marquée traitée.", "/Index", null, annulation);
    }
}
