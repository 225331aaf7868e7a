using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

public sealed class CreerModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieDonneurOrdre Saisie { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (Db.Contexte.StructureId is not { } structureId) return Page();
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        if (!Appliquer(() => DonneurOrdre.Creer(structureId, Saisie.RaisonSociale, Saisie.Type ?? default, Saisie.Siret, Saisie.Adresse, Saisie.CodePostal,
                Saisie.Commune), out var donneur))
            return Page();
        if (await UniciteSiret.DejaUtiliseAsync(Db, donneur, annulation))
        {
            ModelState.AddModelError("Saisie.Siret", UniciteSiret.Message);
            return Page();
        }
        Db.DonneursOrdre.Add(donneur);
        // Another user may save the same SIRET in between: the unique index refuses it, shown beside the field.
        return await EnregistrerAsync($"Le donneur d'ordre « {donneur.RaisonSociale} » est enregistré.", "/DonneursOrdre/Details", new { id = donneur.Id },
            nameof(Saisie.Siret), async () => await UniciteSiret.DejaUtiliseAsync(Db, donneur, annulation) ? UniciteSiret.Message : null, annulation);
    }
}
