using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>One company: every field, its contacts, its lots and contrats, its history.</summary>
public sealed class DetailsModel(ClauseDbContext db) : PageModel
{
    public FicheEntreprise Fiche { get; private set; } = null!;

    public IReadOnlyList<LigneContact> Contacts { get; private set; } = [];

    public IReadOnlyList<LotDeLEntreprise> Lots { get; private set; } = [];

    /// <summary>The contacts' portal accounts, by normalised e-mail (issue 9 item 1).</summary>
    public IReadOnlyDictionary<string, CompteContact> Comptes { get; private set; } = new Dictionary<string, CompteContact>();

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(EntrepriseId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var fiche = await db.Entreprises.AsNoTracking()
            .Where(e => e.Id == id && e.StructureId == structureId)
            .Select(e => new FicheEntreprise(e.Id, e.RaisonSociale, e.Siret, e.TypeEmployeur, e.CodeNaf, e.TrancheEffectif, e.Adresse, e.CodePostal, e.Commune))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        Contacts = await db.Entreprises.AsNoTracking()
            .Where(e => e.Id == id && e.StructureId == structureId)
            .SelectMany(e => e.Contacts)
            .OrderBy(c => c.Nom)
            .Select(c => new LigneContact(c.Id, c.Nom, c.Role, c.Email, c.Telephone))
            .ToListAsync(annulation);
        Comptes = await ComptesContacts.LireAsync(db, id, Contacts.Select(c => c.Email), annulation);
        Lots = await LotsDeLEntreprise.LireAsync(db, id, annulation);
        Historique = await Infrastructure.Historique.LireAsync(db, id, annulation);
        return Page();
    }
}

public sealed record FicheEntreprise(EntrepriseId Id, string RaisonSociale, string Siret, TypeEmployeur Type, string? CodeNaf,
    TrancheEffectif? TrancheEffectif, string? Adresse, string? CodePostal, string? Commune)
{
    public string SiretAffiche => Clause.Domain.Commun.Siret.TryParse(Siret, out var s) ? s.ToString() : Siret;
}

public sealed record LigneContact(Guid Id, string Nom, RoleContactEntreprise Role, string? Email, string? Telephone);
