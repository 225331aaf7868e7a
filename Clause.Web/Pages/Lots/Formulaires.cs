using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Lots;

/// <summary>Gives the lot to a company in a role (attributaire, co-traitant, sous-traitant).</summary>
public sealed record SaisieAttribution
{
    [Required(ErrorMessage = "Le champ « Entreprise » est obligatoire.")]
    [Display(Name = "Entreprise")]
    public EntrepriseId? EntrepriseId { get; set; }

    [Required(ErrorMessage = "Le champ « Rôle » est obligatoire.")]
    [Display(Name = "Rôle")]
    public RoleAttribution? Role { get; set; }

    [Display(Name = "Date de notification")]
    public DateOnly? DateNotification { get; set; }
}

/// <summary>A bon de commande of an accord-cadre; its hours are asked only in the « par bon » mode.</summary>
public sealed record SaisieBonCommande
{
    [Required(ErrorMessage = "Le champ « Numéro du bon » est obligatoire.")]
    [StringLength(BonCommande.NumeroLongueurMax, ErrorMessage = "Le champ « Numéro du bon » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Numéro du bon")]
    public string? Numero { get; set; }

    /// <summary>Not "DateNotification": the lot's page shows this form beside the attribution form (ids stay unique).</summary>
    [Required(ErrorMessage = "Le champ « Date de notification du bon » est obligatoire.")]
    [Display(Name = "Date de notification du bon")]
    public DateOnly? DateNotificationBon { get; set; }

    [Required(ErrorMessage = "Le champ « Montant HT du bon » est obligatoire.")]
    [StringLength(30, ErrorMessage = "Le champ « Montant HT du bon » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Montant HT du bon (€)")]
    public string? MontantHT { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures d'insertion du bon » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures d'insertion du bon")]
    public string? Heures { get; set; }
}

/// <summary>What the attribution form shows (on the lot's page and on its own page when an error is shown).</summary>
public sealed record FormulaireAttribution(LotId LotId, SaisieAttribution Saisie);

/// <summary>What the bon de commande form shows.</summary>
public sealed record FormulaireBon(LotId LotId, SaisieBonCommande Saisie, bool AvecHeures);
