using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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
        if (!ModelState.IsValid) return Page();
        if (!Appliquer(() => Entreprise.Creer(Db.Contexte.StructureId ?? Guid.Empty, Saisie.RaisonSociale, Saisie.Siret, Saisie.TypeEmployeur!.Value,
                Saisie.CodeNaf, Saisie.TrancheEffectif, Saisie.Adresse, Saisie.CodePostal, Saisie.Commune), out var entreprise))
            return Page();

        if (await UniciteSiret.AutreEntrepriseAsync(Db, entreprise.Siret, entreprise.Id, annulation) is { } autre)
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Siret)}", UniciteSiret.Message(autre));
            return Page();
        }

        Db.Entreprises.Add(entreprise);
        try
        {
            await Db.SaveChangesAsync(annulation);
        }
        catch (DbUpdateException)
        {
            // Another user saved the same SIRET between the check and the save: the unique index refused it.
            Db.Entry(entreprise).State = EntityState.Detached;
            var existante = await UniciteSiret.AutreEntrepriseAsync(Db, entreprise.Siret, entreprise.Id, annulation);
            if (existante is null) throw;
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Siret)}", UniciteSiret.Message(existante));
            return Page();
        }

        TempData["Succes"] = $"L'entreprise « {entreprise.RaisonSociale} » a été créée.";
        return RedirectToPage("/Entreprises/Details", new { id = entreprise.Id });
    }
}
