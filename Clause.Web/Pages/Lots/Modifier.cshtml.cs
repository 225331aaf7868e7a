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
/// Changes a lot's label, execution dates (inside the marché's) and parameters (labour share, hourly cost,
/// training hours). The parameters do not recompute the hours due: « Modifier l'obligation » does, as a new version.
/// </summary>
public sealed class ModifierModel(ClauseDbContext db) : PageActionLot(db)
{
    [BindProperty]
    public SaisieLotModifie Saisie { get; set; } = new();

    public DateOnly DebutMarche { get; private set; }

    public DateOnly FinMarche { get; private set; }

    public Reglages Reglages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        Saisie = new SaisieLotModifie
        {
            Libelle = lot.Libelle,
            DebutExecution = lot.DebutExecution,
            FinExecution = lot.FinExecution,
            PartMainOeuvre = EnPourcent(lot.PartMainOeuvrePdb),
            CoutHoraireReference = lot.CoutHoraireReferenceCentimes is { } cout ? (cout / 100m).ToString("0.00", FormatFrancais.Culture) : null,
            FormationComptabilisee = lot.FormationComptabilisee,
            PlafondFormation = lot.PlafondFormationPdb is { } plafond ? EnPourcent(plafond) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(LotId id, CancellationToken annulation)
    {
        if (await ChargerAsync(id, annulation) is not { } lot) return NotFound();
        var lecture = new LectureSaisie(ModelState);
        var part = lecture.Taux(Saisie.PartMainOeuvre, nameof(Saisie.PartMainOeuvre), "Part de main-d'œuvre", requis: true);
        var cout = lecture.Montant(Saisie.CoutHoraireReference, nameof(Saisie.CoutHoraireReference), "Coût horaire de référence");
        var plafond = lecture.Taux(Saisie.PlafondFormation, nameof(Saisie.PlafondFormation), "Plafond des heures de formation");
        // No early return: the domain checks the other fields too (a field already in error keeps its own message).
        // An unread share or date is already an error beside its field: the lot's current value stands in for it.
        if (!Appliquer(() => lot.Modifier(lot.Marche, Saisie.Libelle, Saisie.DebutExecution ?? lot.DebutExecution, Saisie.FinExecution ?? lot.FinExecution,
                part ?? new Taux(lot.PartMainOeuvrePdb), cout, Saisie.FormationComptabilisee, plafond), ChampsDuDomaine))
            return Page();
        return await EnregistrerAsync("Les modifications du lot sont enregistrées.", "/Lots/Details", new { id }, annulation);
    }

    public static string EnPourcent(int pointsDeBase) => (pointsDeBase / 100m).ToString("0.##", FormatFrancais.Culture);

    private static readonly Dictionary<string, string> ChampsDuDomaine = new()
    {
        [nameof(Lot.PartMainOeuvrePdb)] = nameof(SaisieLotModifie.PartMainOeuvre),
        [nameof(Lot.CoutHoraireReferenceCentimes)] = nameof(SaisieLotModifie.CoutHoraireReference),
        [nameof(Lot.PlafondFormationPdb)] = nameof(SaisieLotModifie.PlafondFormation),
    };

    protected override async Task PreparerAsync(Lot lot, CancellationToken annulation)
    {
        DebutMarche = lot.Marche.DebutExecution;
        FinMarche = lot.Marche.FinExecution;
        Reglages = await ReglagesStructure.LireAsync(Db, annulation);
    }
}

public sealed record SaisieLotModifie
{
    [Required(ErrorMessage = "Le champ « Libellé du lot » est obligatoire.")]
    [StringLength(Lot.LibelleLongueurMax, ErrorMessage = "Le champ « Libellé du lot » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Libellé du lot")]
    public string? Libelle { get; set; }

    [Required(ErrorMessage = "Le champ « Début d'exécution du lot » est obligatoire.")]
    [Display(Name = "Début d'exécution du lot")]
    public DateOnly? DebutExecution { get; set; }

    [Required(ErrorMessage = "Le champ « Fin d'exécution du lot » est obligatoire.")]
    [Display(Name = "Fin d'exécution du lot")]
    public DateOnly? FinExecution { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Part de main-d'œuvre » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Part de main-d'œuvre (%)")]
    public string? PartMainOeuvre { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Coût horaire de référence » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Coût horaire de référence (€)")]
    public string? CoutHoraireReference { get; set; }

    [Display(Name = "Heures de formation comptabilisées")]
    public bool FormationComptabilisee { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Plafond des heures de formation » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Plafond des heures de formation (%)")]
    public string? PlafondFormation { get; set; }
}
