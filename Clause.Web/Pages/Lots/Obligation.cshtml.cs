using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Marches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Lots;

/// <summary>
/// Changes the obligation of a lot — fondements, method and its inputs — as a new dated version with its reason
/// (DOMAIN.md §3.1). The F1 labour share and hourly cost are the lot's: they are changed here too, then used.
/// </summary>
public sealed class ObligationModel(ClauseDbContext db, TimeProvider horloge) : PageActionLot(db)
{
    [BindProperty]
    public SaisieObligation Saisie { get; set; } = new();

    public Montant MontantLot { get; private set; }

    public string ExplicationActuelle { get; private set; } = string.Empty;

    public Reglages Reglages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        var courante = lot.ObligationCourante!;
        Saisie = new SaisieObligation
        {
            Fondements = lot.Fondements.Detailler().ToList(),
            Methode = courante.Methode,
            TauxInsertion = courante.TauxInsertionPdb is { } taux ? ModifierModel.EnPourcent(taux) : null,
            PartMainOeuvre = ModifierModel.EnPourcent(lot.PartMainOeuvrePdb),
            CoutHoraireReference = lot.CoutHoraireReferenceCentimes is { } cout ? (cout / 100m).ToString("0.00", FormatFrancais.Culture) : null,
            MontantParHeureManquante = lot.MontantParHeureManquanteCentimes is { } penalite ? (penalite / 100m).ToString("0.00", FormatFrancais.Culture) : null,
            HeuresTravailleesEstimees = courante.HeuresTravailleesEstimeesMinutes is { } estimees ? Heures(estimees) : null,
            HeuresSaisies = courante.HeuresSaisiesMinutes is { } saisies ? Heures(saisies) : null,
            DateEffet = Affichage.Aujourdhui(horloge),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        var lecture = new LectureSaisie(ModelState);
        var taux = lecture.Taux(Saisie.TauxInsertion, nameof(Saisie.TauxInsertion), "Taux d'insertion");
        var part = lecture.Taux(Saisie.PartMainOeuvre, nameof(Saisie.PartMainOeuvre), "Part de main-d'œuvre");
        var cout = lecture.Montant(Saisie.CoutHoraireReference, nameof(Saisie.CoutHoraireReference), "Coût horaire de référence");
        var penalite = lecture.Montant(Saisie.MontantParHeureManquante, nameof(Saisie.MontantParHeureManquante), "Pénalité par heure manquante");
        var travaillees = lecture.Heures(Saisie.HeuresTravailleesEstimees, nameof(Saisie.HeuresTravailleesEstimees), "Heures travaillées estimées");
        var saisies = lecture.Heures(Saisie.HeuresSaisies, nameof(Saisie.HeuresSaisies), "Heures dues (F3)");
        // Combiner and Parametres only read the typed inputs into the domain's choice; the one change is ModifierObligation.
        // No early return: the domain checks every other field too (a field already in error keeps its message). Values of
        // the method that cannot be read are errors of their own: a stand-in of the same method lets the domain check the
        // rest, nothing is saved. Fondements that cannot be combined: the domain is not called without them.
        Fondement? fondements = null;
        ParametresObligation? parametres = null;
        Appliquer(() => fondements = ReglesFondement.Combiner(Saisie.Fondements), ChampsDuDomaine);
        Appliquer(() => parametres = Obligations.Parametres(Saisie.Methode, taux, travaillees, saisies), ChampsDuDomaine);
        parametres ??= Obligations.Substitut(Saisie.Methode);
        if (fondements is not { } choix || parametres is null) return Page();
        if (!Appliquer(() => lot.ModifierObligation(choix, parametres, part ?? new Taux(lot.PartMainOeuvrePdb), cout, penalite, Saisie.DateEffet ?? default,
                Saisie.Motif, Reglages, horloge), ChampsDuDomaine))
            return Page();
        return await EnregistrerAsync($"L'obligation est modifiée : {CalculHeuresDues.FormaterHeures(lot.HeuresDues)} dues.", "/Lots/Details", new { id },
            annulation);
    }

    private static string Heures(long minutes) => (FormatFrancais.DiviserArrondi(minutes * 100, 60) / 100m).ToString("0.##", FormatFrancais.Culture);

    private static readonly Dictionary<string, string> ChampsDuDomaine = new()
    {
        [nameof(Lot.PartMainOeuvrePdb)] = nameof(SaisieObligation.PartMainOeuvre),
        [nameof(Lot.CoutHoraireReferenceCentimes)] = nameof(SaisieObligation.CoutHoraireReference),
        [nameof(Lot.MontantParHeureManquanteCentimes)] = nameof(SaisieObligation.MontantParHeureManquante),
        // An ESS-reserved lot lasting more than 3 years: the ticked fondement is what is refused here.
        [nameof(Lot.FinExecution)] = nameof(SaisieObligation.Fondements),
    };

    protected override async Task PreparerAsync(Lot lot, CancellationToken annulation)
    {
        MontantLot = lot.MontantHT;
        ExplicationActuelle = lot.ExplicationHeuresDues();
        Reglages = await ReglagesStructure.LireAsync(Db, annulation);
    }
}

public sealed record SaisieObligation
{
    [Display(Name = "Fondements de la clause")]
    public List<Fondement> Fondements { get; set; } = [];

    [Display(Name = "Méthode de calcul des heures")]
    public MethodeCalcul? Methode { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Taux d'insertion » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Taux d'insertion (%)")]
    public string? TauxInsertion { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Part de main-d'œuvre » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Part de main-d'œuvre (%)")]
    public string? PartMainOeuvre { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Coût horaire de référence » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Coût horaire de référence (€)")]
    public string? CoutHoraireReference { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Pénalité par heure manquante » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Pénalité par heure manquante (€)")]
    public string? MontantParHeureManquante { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures travaillées estimées » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures travaillées estimées")]
    public string? HeuresTravailleesEstimees { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures dues (F3) » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures dues (F3)")]
    public string? HeuresSaisies { get; set; }

    [Required(ErrorMessage = "Le champ « Date d'effet » est obligatoire.")]
    [Display(Name = "Date d'effet")]
    public DateOnly? DateEffet { get; set; }

    [Required(ErrorMessage = "Le champ « Motif du changement » est obligatoire.")]
    [StringLength(ObligationInsertion.MotifLongueurMax, ErrorMessage = "Le champ « Motif du changement » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif du changement")]
    [DataType(DataType.MultilineText)]
    public string? Motif { get; set; }
}
