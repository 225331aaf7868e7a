using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// Confirmation then revocation of one of MY tokens. The token is loaded by id AND owner (and structure, through the
/// tenant filter and explicitly): someone else's token id answers 404, in GET as in POST.
/// </summary>
[ConnexionRequise]
public sealed class RevoquerJetonModel(ClauseDbContext db, JetonsAcces jetons, TimeProvider horloge) : PageModel
{
    public const string Motif = "révoqué par son titulaire";

    public LigneJeton Jeton { get; private set; } = null!;

    public DateTimeOffset Maintenant { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } jeton) return NotFound();
        Afficher(jeton);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } jeton) return NotFound();
        await jetons.RevoquerAsync(jeton, Motif, annulation);
        TempData["Succes"] = $"Le jeton « {jeton.Nom} » est révoqué : il ne permet plus d'utiliser l'API.";
        return RedirectToPage("/Compte/MonCompte");
    }

    private Task<JetonAcces?> ChargerAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var moi = db.Contexte.UtilisateurId;
        return db.JetonsAcces.FirstOrDefaultAsync(j => j.Id == id && j.UtilisateurId == moi && j.StructureId == structureId, annulation);
    }

    private void Afficher(JetonAcces jeton)
    {
        Maintenant = horloge.GetUtcNow();
        Jeton = LigneJeton.De(jeton);
    }
}
