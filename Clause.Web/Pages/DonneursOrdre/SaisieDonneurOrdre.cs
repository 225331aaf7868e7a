using System.ComponentModel.DataAnnotations;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>The buyer form (Creer, Modifier). The domain checks again: SIRET key, postal code, lengths.</summary>
public sealed record SaisieDonneurOrdre
{
    [Required(ErrorMessage = "Le champ « Raison sociale » est obligatoire.")]
    [StringLength(DonneurOrdre.RaisonSocialeLongueurMax, ErrorMessage = "Le champ « Raison sociale » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Raison sociale")]
    public string? RaisonSociale { get; set; }

    [Required(ErrorMessage = "Le champ « Type » est obligatoire.")]
    [Display(Name = "Type")]
    public TypeDonneurOrdre? Type { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « SIRET » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "SIRET")]
    public string? Siret { get; set; }

    [StringLength(DonneurOrdre.AdresseLongueurMax, ErrorMessage = "Le champ « Adresse » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Adresse")]
    public string? Adresse { get; set; }

    [StringLength(DonneurOrdre.CodePostalLongueur, ErrorMessage = "Le champ « Code postal » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Code postal")]
    public string? CodePostal { get; set; }

    [StringLength(DonneurOrdre.CommuneLongueurMax, ErrorMessage = "Le champ « Commune » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Commune")]
    public string? Commune { get; set; }

    public static SaisieDonneurOrdre Depuis(DonneurOrdre donneur) => new()
    {
        RaisonSociale = donneur.RaisonSociale,
        Type = donneur.Type,
        Siret = Domain.Commun.Siret.TryParse(donneur.Siret, out var siret) ? siret.ToString() : donneur.Siret,
        Adresse = donneur.Adresse,
        CodePostal = donneur.CodePostal,
        Commune = donneur.Commune,
    };
}

/// <summary>One buyer per SIRET in a structure (the unique index is the last line of defence).</summary>
public static class UniciteSiret
{
    public const string Message = "Un donneur d'ordre de votre structure a déjà ce SIRET.";

    public static Task<bool> DejaUtiliseAsync(ClauseDbContext db, DonneurOrdre donneur, CancellationToken annulation) =>
        donneur.Siret is null
            ? Task.FromResult(false)
            : db.DonneursOrdre.AsNoTracking().AnyAsync(d => d.StructureId == donneur.StructureId && d.Siret == donneur.Siret && d.Id != donneur.Id, annulation);
}
