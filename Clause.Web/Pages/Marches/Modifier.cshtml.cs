using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>Changes a marché's fields (not its opération nor its type); its lots must stay inside its dates.</summary>
public sealed class ModifierModel(ClauseDbContext db) : PageAction(db)
{
    [BindProperty]
    public SaisieChampsMarche Saisie { get; set; } = new();

    public MarcheId Id { get; private set; }

    public string NumeroActuel { get; private set; } = string.Empty;

    public TypeMarche Type { get; private set; }

    public async Task<IActionResult> OnGetAsync(MarcheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } marche) return NotFound();
        Saisie = new SaisieChampsMarche
        {
            Numero = marche.Numero,
            Objet = marche.Objet,
            DateNotification = marche.DateNotification,
            DebutExecution = marche.DebutExecution,
            FinExecution = marche.FinExecution,
            MontantHT = (marche.MontantHTCentimes / 100m).ToString("0.##", FormatFrancais.Culture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(MarcheId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } marche) return NotFound();
        var montant = new LectureSaisie(ModelState).Montant(Saisie.MontantHT, nameof(Saisie.MontantHT), SaisieChampsMarche.LibelleMontant);
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        // An unread amount or date is already an error beside its field: the current value stands in for it.
        if (!Appliquer(() => marche.Modifier(Saisie.Numero, Saisie.Objet, Saisie.DateNotification, Saisie.DebutExecution ?? marche.DebutExecution,
                Saisie.FinExecution ?? marche.FinExecution, montant ?? marche.MontantHT)))
            return Page();
        return await EnregistrerAsync("Les modifications du marché sont enregistrées.", "/Marches/Details", new { id },
            nameof(Saisie.Numero), () => UniciteNumeroMarche.ConflitAsync(Db, marche, annulation), annulation);
    }

    private async Task<Marche?> ChargerAsync(MarcheId id, CancellationToken annulation)
    {
        var marche = await Db.Marches.Include(m => m.Lots).DeLaStructureAsync(Db, id, annulation);
        if (marche is not null)
        {
            Id = marche.Id;
            NumeroActuel = marche.Numero;
            Type = marche.Type;
        }
        return marche;
    }
}
