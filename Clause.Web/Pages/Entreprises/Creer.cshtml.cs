using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Entreprises;

public sealed class CreerModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieEntreprise Saisie { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        // No early return: the domain checks the other fields too (a missing type is already an error beside its field).
        if (!Appliquer(() => Entreprise.Creer(Db.Contexte.StructureId ?? default, Saisie.RaisonSociale, Saisie.Siret, Saisie.TypeEmployeur ?? default,
                Saisie.CodeNaf, Saisie.TrancheEffectif, Saisie.Adresse, Saisie.CodePostal, Saisie.Commune), out var entreprise))
            return Page();

        Db.Entreprises.Add(entreprise);
        return await EnregistrerAsync($"L'entreprise « {entreprise.RaisonSociale} » a été créée.", "/Entreprises/Details", new { id = entreprise.Id },
            nameof(Saisie.Siret), () => UniciteSiret.ConflitAsync(Db, entreprise, annulation), annulation);
    }
}
