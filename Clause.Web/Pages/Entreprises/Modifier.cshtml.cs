using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

public sealed class ModifierModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieEntreprise Saisie { get; set; } = new();

    public string RaisonSocialeActuelle { get; private set; } = string.Empty;

    public EntrepriseId Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(EntrepriseId id, CancellationToken annulation)
    {
        var structureId = Db.Contexte.StructureId;
        var saisie = await Db.Entreprises.AsNoTracking()
            .Where(e => e.Id == id && e.StructureId == structureId)
            .Select(e => new SaisieEntreprise
            {
                RaisonSociale = e.RaisonSociale,
                Siret = e.Siret,
                TypeEmployeur = e.TypeEmployeur,
                CodeNaf = e.CodeNaf,
                TrancheEffectif = e.TrancheEffectif,
                Adresse = e.Adresse,
                CodePostal = e.CodePostal,
                Commune = e.Commune,
            })
            .FirstOrDefaultAsync(annulation);
        if (saisie is null) return NotFound();
        Saisie = saisie with { CodeNaf = Domain.Entreprises.Entreprise.AfficherCodeNaf(saisie.CodeNaf) };
        Id = id;
        RaisonSocialeActuelle = saisie.RaisonSociale ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(EntrepriseId id, CancellationToken annulation)
    {
        if (await Db.Entreprises.DeLaStructureAsync(Db, id, annulation) is not { } entreprise) return NotFound();
        Id = id;
        RaisonSocialeActuelle = entreprise.RaisonSociale;
        // No early return: the domain checks the other fields too (a missing type is already an error beside its field).
        if (!Appliquer(() => entreprise.Modifier(Saisie.RaisonSociale, Saisie.Siret, Saisie.TypeEmployeur ?? default,
                Saisie.CodeNaf, Saisie.TrancheEffectif, Saisie.Adresse, Saisie.CodePostal, Saisie.Commune)))
            return Page();

        return await EnregistrerAsync($"L'entreprise « {entreprise.RaisonSociale} » a été modifiée.", "/Entreprises/Details", new { id },
            nameof(Saisie.Siret), () => UniciteSiret.ConflitAsync(Db, entreprise, annulation), annulation);
    }
}
