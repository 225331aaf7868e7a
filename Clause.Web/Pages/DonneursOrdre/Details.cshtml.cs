using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>One buyer: its fields, its contacts and its audit history.</summary>
public sealed class DetailsModel(ClauseDbContext db) : PageModel
{
    public FicheDonneurOrdre Fiche { get; private set; } = null!;

    public IReadOnlyList<LigneContact> Contacts { get; private set; } = [];

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DonneurOrdreId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var fiche = await db.DonneursOrdre.AsNoTracking()
            .Where(d => d.Id == id && d.StructureId == structureId)
            .Select(d => new FicheDonneurOrdre(d.Id, d.RaisonSociale, d.Type, d.Siret, d.Adresse, d.CodePostal, d.Commune))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        Contacts = await db.Set<ContactDonneurOrdre>().AsNoTracking()
            .Where(c => c.DonneurOrdreId == id)
            .OrderBy(c => c.Nom).ThenBy(c => c.Id)
            .Select(c => new LigneContact(c.Id, c.Nom, c.Role, c.Email, c.Telephone))
            .ToListAsync(annulation);
        Historique = await Clause.Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        return Page();
    }
}

public sealed record FicheDonneurOrdre(DonneurOrdreId Id, string RaisonSociale, TypeDonneurOrdre Type, string? Siret, string? Adresse, string? CodePostal, string? Commune)
{
    public string SiretAffiche => Domain.Commun.Siret.TryParse(Siret, out var siret) ? siret.ToString() : "—";
}

public sealed record LigneContact(Guid Id, string Nom, RoleContactDonneurOrdre Role, string? Email, string? Telephone);
