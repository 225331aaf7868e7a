using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>Changes a marché's fields (not its opération nor its type); its lots must stay inside its dates.</summary>
public sealed class ModifierModel(ClauseDbContext db) : PageModel
{
    [BindProperty]
    public SaisieChampsMarche Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string NumeroActuel { get; private set; } = string.Empty;

    public TypeMarche Type { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var marche = await TrouverAsync(id, annulation);
        if (marche is null) return NotFound();
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

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var marche = await TrouverAsync(id, annulation);
        if (marche is null) return NotFound();
        var montant = new LectureSaisie(ModelState).Montant(Saisie.MontantHT, nameof(Saisie.MontantHT), SaisieChampsMarche.LibelleMontant);
        if (!ModelState.IsValid || montant is null) return Page();
        try
        {
            marche.Modifier(Saisie.Numero, Saisie.Objet, Saisie.DateNotification, Saisie.DebutExecution!.Value, Saisie.FinExecution!.Value, montant.Value);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex);
            return Page();
        }
        if (await UniciteNumeroMarche.DejaUtiliseAsync(db, marche, annulation))
        {
            ModelState.AddModelError("Saisie.Numero", UniciteNumeroMarche.Message);
            return Page();
        }
        try
        {
            await db.SaveChangesAsync(annulation);
        }
        catch (DbUpdateException)
        {
            if (!await UniciteNumeroMarche.DejaUtiliseAsync(db, marche, annulation)) throw;
            ModelState.AddModelError("Saisie.Numero", UniciteNumeroMarche.Message);
            return Page();
        }
        TempData["Succes"] = "Les modifications du marché sont enregistrées.";
        return RedirectToPage("/Marches/Details", new { id });
    }

    private async Task<Marche?> TrouverAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var marche = await db.Marches.Include(m => m.Lots).FirstOrDefaultAsync(m => m.Id == id && m.StructureId == structureId, annulation);
        if (marche is not null)
        {
            Id = marche.Id;
            NumeroActuel = marche.Numero;
            Type = marche.Type;
        }
        return marche;
    }
}
