using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Marches;

/// <summary>The marché's own fields (Creer, Modifier). Amounts are typed in euros and parsed with <see cref="Montant.TryParse"/>.</summary>
public record SaisieChampsMarche
{
    [Required(ErrorMessage = "Le champ « Numéro du marché » est obligatoire.")]
    [StringLength(Marche.NumeroLongueurMax, ErrorMessage = "Le champ « Numéro du marché » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Numéro du marché")]
    public string? Numero { get; set; }

    [Required(ErrorMessage = "Le champ « Objet » est obligatoire.")]
    [StringLength(Marche.ObjetLongueurMax, ErrorMessage = "Le champ « Objet » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Objet")]
    [DataType(DataType.MultilineText)]
    public string? Objet { get; set; }

    [Display(Name = "Date de notification")]
    public DateOnly? DateNotification { get; set; }

    [Required(ErrorMessage = "Le champ « Début d'exécution » est obligatoire.")]
    [Display(Name = "Début d'exécution")]
    public DateOnly? DebutExecution { get; set; }

    [Required(ErrorMessage = "Le champ « Fin d'exécution » est obligatoire.")]
    [Display(Name = "Fin d'exécution")]
    public DateOnly? FinExecution { get; set; }

    [Required(ErrorMessage = "Le champ « Montant HT » est obligatoire.")]
    [StringLength(30, ErrorMessage = "Le champ « Montant HT » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Montant HT (€)")]
    public string? MontantHT { get; set; }

    public const string LibelleMontant = "Montant HT";
}

/// <summary>Creation of a marché with its lots in one form.</summary>
public sealed record SaisieMarche : SaisieChampsMarche
{
    [Required(ErrorMessage = "Le champ « Opération » est obligatoire.")]
    [Display(Name = "Opération")]
    public OperationId? OperationId { get; set; }

    [Required(ErrorMessage = "Le champ « Type de marché » est obligatoire.")]
    [Display(Name = "Type de marché")]
    public TypeMarche? Type { get; set; }

    /// <summary>The lot rows; empty rows are ignored, and no filled row gives the marché its single lot.</summary>
    public List<SaisieLot> Lots { get; set; } = [];
}

/// <summary>
/// One lot row of the marché form. Every field is optional: an empty number, amount or date takes the
/// marché's (see <see cref="NouveauLot"/>). Numbers are typed as text and parsed at the edge.
/// Validation messages start with the field's name: the page adds « Lot n — » in front.
/// </summary>
public sealed record SaisieLot
{
    [StringLength(10, ErrorMessage = "Numéro : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Numéro du lot")]
    public string? Numero { get; set; }

    [StringLength(Lot.LibelleLongueurMax, ErrorMessage = "Libellé : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Libellé du lot")]
    public string? Libelle { get; set; }

    [StringLength(30, ErrorMessage = "Montant HT : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Montant HT du lot (€)")]
    public string? MontantHT { get; set; }

    [Display(Name = "Début d'exécution du lot")]
    public DateOnly? DebutExecution { get; set; }

    [Display(Name = "Fin d'exécution du lot")]
    public DateOnly? FinExecution { get; set; }

    /// <summary>The ticked fondements; none ticked = lot without clause.</summary>
    [Display(Name = "Fondements de la clause")]
    public List<Fondement> Fondements { get; set; } = [];

    [Display(Name = "Méthode de calcul des heures")]
    public MethodeCalcul? Methode { get; set; }

    [StringLength(20, ErrorMessage = "Taux d'insertion : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Taux d'insertion (%)")]
    public string? TauxInsertion { get; set; }

    [StringLength(20, ErrorMessage = "Part de main-d'œuvre : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Part de main-d'œuvre (%)")]
    public string? PartMainOeuvre { get; set; }

    [StringLength(20, ErrorMessage = "Coût horaire de référence : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Coût horaire de référence (€)")]
    public string? CoutHoraireReference { get; set; }

    [StringLength(20, ErrorMessage = "Heures travaillées estimées : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures travaillées estimées")]
    public string? HeuresTravailleesEstimees { get; set; }

    [StringLength(20, ErrorMessage = "Heures dues (F3) : ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures dues (F3)")]
    public string? HeuresSaisies { get; set; }

    /// <summary>Nothing typed, nothing ticked, no method (or « Aucune »): the row is ignored.</summary>
    public bool EstVide =>
        new[] { Numero, Libelle, MontantHT, TauxInsertion, PartMainOeuvre, CoutHoraireReference, HeuresTravailleesEstimees, HeuresSaisies }
            .All(string.IsNullOrWhiteSpace)
        && DebutExecution is null && FinExecution is null && Fondements.Count == 0 && Methode is null or MethodeCalcul.Aucune;
}

/// <summary>One marché number per donneur d'ordre (the unique index is the last line of defence).</summary>
/// <summary>
/// The number of a marché is unique per donneur d'ordre: the unique index (DonneurOrdreId, Numero) is the rule. After the
/// index refused a save, <see cref="ConflitAsync"/> finds the duplicate and gives the French message of the field.
/// </summary>
public static class UniciteNumeroMarche
{
    public const string Message = "Un marché de ce donneur d'ordre porte déjà ce numéro.";

    public static async Task<string?> ConflitAsync(ClauseDbContext db, Marche marche, CancellationToken annulation) =>
        await DejaUtiliseAsync(db, marche, annulation) ? Message : null;

    public static Task<bool> DejaUtiliseAsync(ClauseDbContext db, Marche marche, CancellationToken annulation) =>
        db.Marches.AsNoTracking().AnyAsync(m => m.DonneurOrdreId == marche.DonneurOrdreId && m.Numero == marche.Numero && m.Id != marche.Id, annulation);
}
