using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

public sealed class ModifierModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieDonneurOrdre Saisie { get; set; } = new();

    public DonneurOrdreId Id { get; private set; }

    public string RaisonSociale { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(DonneurOrdreId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } donneur) return NotFound();
        Saisie = SaisieDonneurOrdre.Depuis(donneur);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(DonneurOrdreId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } donneur) return NotFound();
        // No early return: the domain checks the other fields too (a missing type is already an error beside its field).
        if (!Appliquer(() => donneur.Modifier(Saisie.RaisonSociale, Saisie.Type ?? default, Saisie.Siret, Saisie.Adresse, Saisie.CodePostal, Saisie.Commune)))
            return Page();
        if (await UniciteSiret.DejaUtiliseAsync(Db, donneur, annulation))
        {
            ModelState.AddModelError("Saisie.Siret", UniciteSiret.Message);
            return Page();
        }
        // Another user may save the same SIRET in between: the unique index refuses it, shown beside the field.
        return await EnregistrerAsync("Les modifications sont enregistrées.", "/DonneursOrdre/Details", new { id },
            nameof(Saisie.Siret), async () => await UniciteSiret.DejaUtiliseAsync(Db, donneur, annulation) ? UniciteSiret.Message : null, annulation);
    }

    private async Task<DonneurOrdre?> ChargerAsync(DonneurOrdreId id, CancellationToken annulation)
    {
        var donneur = await Db.DonneursOrdre.DeLaStructureAsync(Db, id, annulation);
        if (donneur is not null)
        {
            Id = donneur.Id;
            RaisonSociale = donneur.RaisonSociale;
        }
        return donneur;
    }
}
