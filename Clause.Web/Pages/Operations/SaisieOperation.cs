using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Operations;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Operations;

/// <summary>The opération form (Creer, Modifier). The domain checks again: dates in order, QPV code, objective 0–100 %.</summary>
public sealed record SaisieOperation
{
    /// <summary>Creer only: an opération keeps its donneur d'ordre.</summary>
    [Display(Name = "Donneur d'ordre")]
    public DonneurOrdreId? DonneurOrdreId { get; set; }

    [Required(ErrorMessage = "Le champ « Nom de l'opération » est obligatoire.")]
    [StringLength(Operation.NomLongueurMax, ErrorMessage = "Le champ « Nom de l'opération » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nom de l'opération")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "Le champ « Commune » est obligatoire.")]
    [StringLength(Operation.CommuneLongueurMax, ErrorMessage = "Le champ « Commune » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Commune")]
    public string? Commune { get; set; }

    [Display(Name = "Début prévisionnel")]
    public DateOnly? DebutPrevisionnel { get; set; }

    [Display(Name = "Fin prévisionnelle")]
    public DateOnly? FinPrevisionnelle { get; set; }

    [Required(ErrorMessage = "Le champ « Programme de renouvellement urbain » est obligatoire.")]
    [Display(Name = "Programme de renouvellement urbain")]
    public ProgrammeRenouvellement? Programme { get; set; } = ProgrammeRenouvellement.Aucun;

    [Display(Name = "Située en quartier prioritaire (QPV)")]
    public bool EnQpv { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Code QPV » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Code QPV")]
    public string? CodeQpv { get; set; }

    /// <summary>A percentage typed in French ("5" or "10"), parsed with <see cref="Taux.TryParse"/>.</summary>
    [StringLength(20, ErrorMessage = "Le champ « Objectif de part QPV » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Objectif de part des heures réalisées par des résidents QPV (%)")]
    public string? ObjectifPartQpv { get; set; }

    /// <summary>The domain names the objective by its stored column.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChampsDuDomaine = new Dictionary<string, string>
    {
        [nameof(Operation.ObjectifPartQpvPdb)] = nameof(ObjectifPartQpv),
        [nameof(Operation.StructureId)] = nameof(DonneurOrdreId),
    };

    public const string LibelleObjectifQpv = "Objectif de part QPV";

    public static SaisieOperation Depuis(Operation operation) => new()
    {
        DonneurOrdreId = operation.DonneurOrdreId,
        Nom = operation.Nom,
        Commune = operation.Commune,
        DebutPrevisionnel = operation.DebutPrevisionnel,
        FinPrevisionnelle = operation.FinPrevisionnelle,
        Programme = operation.Programme,
        EnQpv = operation.EnQpv,
        CodeQpv = operation.CodeQpv,
        ObjectifPartQpv = operation.ObjectifPartQpvPdb is { } pdb ? (pdb / 100m).ToString("0.##", FormatFrancais.Culture) : null,
    };
}
