using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Pages.Admin.Utilisateurs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The Direction and the second factor of its structure's accounts: without an id, the list (who has enrolled); with
/// one, the confirmation and the reset of a lost device (<see cref="GestionDoubleFacteur.ReinitialiserDoubleFacteurAsync"/>,
/// audited). An account of another structure, or an installation account, answers 404.
/// </summary>
public sealed class DoubleFacteurModel(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, TimeProvider horloge) : PageModel
{
    public const int ComptesAffiches = 200;

    public IReadOnlyList<LigneDoubleFacteur> Comptes { get; private set; } = [];

    public Utilisateur? Compte { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken annulation)
    {
        if (id is { } choisi) return await ChargerAsync(choisi) ? Page() : NotFound();
        var structureId = db.Contexte.StructureId;
        Comptes = await db.Users.AsNoTracking().Where(u => u.StructureId == structureId && u.EntrepriseId == null && u.DonneurOrdreId == null)
            .OrderBy(u => u.NomComplet).ThenBy(u => u.Id).Take(ComptesAffiches)
            .Select(u => new LigneDoubleFacteur(u.Id, u.NomComplet, u.Email, u.TwoFactorEnabled, u.Actif))
            .ToListAsync(annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        if (!await ChargerAsync(id)) return NotFound();
        var resultat = await ReinitialisationsPages.ReinitialiserAsync(this, db, utilisateurs, horloge, Compte!, annulation);
        return resultat ?? RedirectToPage("/Structure/DoubleFacteur", new { id = (Guid?)null });
    }

    /// <summary>Only a staff account of the Direction's own structure (never a company's or a buyer's: not its to manage).</summary>
    private async Task<bool> ChargerAsync(Guid id)
    {
        var compte = await utilisateurs.FindByIdAsync(id.ToString());
        if (compte is null || compte.StructureId is null || compte.StructureId != db.Contexte.StructureId
            || compte.EntrepriseId is not null || compte.DonneurOrdreId is not null) return false;
        Compte = compte;
        return true;
    }
}

public sealed record LigneDoubleFacteur(Guid Id, string NomComplet, string? Email, bool Active, bool CompteActif);
