using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The Direction revokes the token of one of the structure's users (confirmation, then POST); the motive names the
/// Direction user. Another structure's token answers 404, in GET as in POST.
/// </summary>
public sealed class RevoquerJetonModel(ClauseDbContext db, JetonsAcces jetons, TimeProvider horloge) : PageModel
{
    public LigneJeton Jeton { get; private set; } = null!;

    public DateTimeOffset Maintenant { get; private set; }

    /// <summary>"révoqué par Marie Dupont": the list then says who closed it.</summary>
    public static string Motif(string nomDirection) => $"révoqué par {nomDirection}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } jeton) return NotFound();
        Maintenant = horloge.GetUtcNow();
        var titulaire = await db.Users.AsNoTracking().Where(u => u.Id == jeton.UtilisateurId).Select(u => u.NomComplet).FirstOrDefaultAsync(annulation);
        Jeton = LigneJeton.De(jeton) with { Titulaire = titulaire ?? "—" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } jeton) return NotFound();
        await jetons.RevoquerAsync(jeton, Motif(db.Contexte.NomUtilisateur), annulation);
        TempData["Succes"] = $"Le jeton « {jeton.Nom} » est révoqué : il ne permet plus d'utiliser l'API.";
        return RedirectToPage("/Structure/Jetons");
    }

    private Task<JetonAcces?> ChargerAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        return db.JetonsAcces.FirstOrDefaultAsync(j => j.Id == id && j.StructureId == structureId, annulation);
    }
}
