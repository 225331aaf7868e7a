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
public sealed class AvenantModel(ClauseDbContext db, TimeProvider horloge) : PageActionLot(db)
{
    [BindProperty]
    public SaisieAvenant Saisie { get; set; } = new();

    public Montant MontantActuel { get; private set; }

    public Duree HeuresDues { get; private set; }

    public MethodeCalcul Methode { get; private set; }

    public Reglages Reglages { get; private set; } = null!;

    /// <summary>What the page tells before saving: will the hours be recomputed?</summary>
    public bool Recalcul => Reglages.RecalculSurAvenant && Methode == MethodeCalcul.F1;

    public async Task<IActionResult> OnGetAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is null) return NotFound();
        Saisie.DateEffet = Affichage.Aujourdhui(horloge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        var montant = new LectureSaisie(ModelState).Montant(Saisie.NouveauMontantHT, nameof(Saisie.NouveauMontantHT), "Nouveau montant HT du lot");
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        // An unread amount or date is already an error beside its field: the lot's current amount stands in for it.
        if (!Appliquer(() => lot.AppliquerAvenant(montant ?? lot.MontantHT, Saisie.Motif, Saisie.DateEffet ?? default, Reglages, horloge), ChampsDuDomaine))
            return Page();
        return await EnregistrerAsync($"L'avenant est enregistré : montant {lot.MontantHT}, {CalculHeuresDues.FormaterHeures(lot.HeuresDues)} dues.",
            "/Lots/Details", new { id }, annulation);
    }

    private static readonly Dictionary<string, string> ChampsDuDomaine = new() { [nameof(Lot.MontantHT)] = nameof(SaisieAvenant.NouveauMontantHT) };

    protected override async Task PreparerAsync(Lot lot, CancellationToken annulation)
    {
        MontantActuel = lot.MontantHT;
        HeuresDues = lot.HeuresDues;
        Methode = lot.ObligationCourante!.Methode;
        Reglages = await ReglagesStructure.LireAsync(Db, annulation);
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
    [DataType(DataType.MultilineText)]
    public string? Motif { get; set; }
}
