using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// An avenant changing the lot's amount (DOMAIN.md §3.1): a new dated version of the obligation with its reason;
/// the hours due are recomputed only under the réglage « recalcul sur avenant » and the F1 method.
/// </summary>
public sealed class AvenantModel(ClauseDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty]
    public SaisieAvenant Saisie { get; set; } = new();

    public Guid Id { get; private set; }

    public string NomLot { get; private set; } = string.Empty;

    public Montant MontantActuel { get; private set; }

    public Duree HeuresDues { get; private set; }

    public MethodeCalcul Methode { get; private set; }

    public Reglages Reglages { get; private set; } = null!;

    /// <summary>What the page tells before saving: will the hours be recomputed?</summary>
    public bool Recalcul => Reglages.RecalculSurAvenant && Methode == MethodeCalcul.F1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var lot = await TrouverAsync(id, annulation);
        if (lot is null) return NotFound();
        Saisie.DateEffet = Affichage.Aujourdhui(horloge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken annulation)
    {
        var lot = await TrouverAsync(id, annulation);
        if (lot is null) return NotFound();
        var montant = new LectureSaisie(ModelState).Montant(Saisie.NouveauMontantHT, nameof(Saisie.NouveauMontantHT), "Nouveau montant HT du lot");
        if (!ModelState.IsValid || montant is null) return Page();
        try
        {
            lot.AppliquerAvenant(montant.Value, Saisie.Motif, Saisie.DateEffet!.Value, Reglages, horloge);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, new Dictionary<string, string> { [nameof(Lot.MontantHT)] = nameof(SaisieAvenant.NouveauMontantHT) });
            return Page();
        }
        await db.SaveChangesAsync(annulation);
        TempData["Succes"] = $"L'avenant est enregistré : montant {lot.MontantHT}, {CalculHeuresDues.FormaterHeures(lot.HeuresDues)} dues.";
        return RedirectToPage("/Lots/Details", new { id });
    }

    private async Task<Lot?> TrouverAsync(Guid id, CancellationToken annulation)
    {
        var lot = await ChargementLot.ChargerAsync(db, id, annulation);
        if (lot is not null)
        {
            Id = lot.Id;
            NomLot = ChargementLot.Nom(lot);
            MontantActuel = lot.MontantHT;
            HeuresDues = lot.HeuresDues;
            Methode = lot.ObligationCourante!.Methode;
            Reglages = await ReglagesStructure.LireAsync(db, annulation);
        }
        return lot;
    }
}

public sealed record SaisieAvenant
{
    [Required(ErrorMessage = "Le champ « Nouveau montant HT du lot » est obligatoire.")]
    [StringLength(30, ErrorMessage = "Le champ « Nouveau montant HT du lot » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nouveau montant HT du lot (€)")]
    public string? NouveauMontantHT { get; set; }

    [Required(ErrorMessage = "Le champ « Date d'effet » est obligatoire.")]
    [Display(Name = "Date d'effet")]
    public DateOnly? DateEffet { get; set; }

    [Required(ErrorMessage = "Le champ « Motif de l'avenant » est obligatoire.")]
    [StringLength(ObligationInsertion.MotifLongueurMax, ErrorMessage = "Le champ « Motif de l'avenant » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif de l'avenant")]
    public string? Motif { get; set; }
}
