using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Placement;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clause.Web.Pages.Placement;

/// <summary>
/// What a company (portal) or a facilitateur types to record a poste à pourvoir. Property names = the domain's field
/// names, so a refusal shows beside its field; the number and the weekly hours are read as text (« abc » is a field error,
/// not a 400), the rules are the poste's (<see cref="PosteAPourvoir.Creer"/>).
/// </summary>
public sealed record SaisiePoste
{
    [Required(ErrorMessage = "Le champ « Lot » est obligatoire.")]
    [Display(Name = "Lot")]
    public LotId? LotId { get; set; }

    /// <summary>The company whose need it is (staff form only: the portal records its own company's).</summary>
    [Display(Name = "Entreprise")]
    public EntrepriseId? EntrepriseId { get; set; }

    [Required(ErrorMessage = "Le champ « Poste » est obligatoire.")]
    [StringLength(Contrat.PosteLongueurMax, ErrorMessage = "Le champ « Poste » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Poste")]
    public string? Intitule { get; set; }

    [StringLength(10, ErrorMessage = "Le champ « Code ROME » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Code ROME")]
    public string? CodeRome { get; set; }

    [Required(ErrorMessage = "Le champ « Nombre de postes » est obligatoire.")]
    [StringLength(10, ErrorMessage = "Le champ « Nombre de postes » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nombre de postes")]
    public string? Nombre { get; set; }

    [Required(ErrorMessage = "Le champ « Type de contrat » est obligatoire.")]
    [Display(Name = "Type de contrat")]
    public TypeContrat? TypeContrat { get; set; }

    [Required(ErrorMessage = "Le champ « Date de début » est obligatoire.")]
    [Display(Name = "Date de début")]
    public DateOnly? DateDebut { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures hebdomadaires » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures hebdomadaires")]
    public string? HeuresHebdo { get; set; }

    [StringLength(PosteAPourvoir.LieuLongueurMax, ErrorMessage = "Le champ « Lieu » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Lieu")]
    public string? Lieu { get; set; }

    [StringLength(PosteAPourvoir.ExigencesLongueurMax, ErrorMessage = "Le champ « Exigences » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Exigences")]
    public string? Exigences { get; set; }

    /// <summary>The poste's data (a number or hours that could not be read: none, their error stays in ModelState).</summary>
    public DonneesPoste VersDonnees(ModelStateDictionary etat)
    {
        var lecture = new LectureSaisie(etat);
        var hebdo = lecture.Heures(HeuresHebdo, nameof(HeuresHebdo), "Heures hebdomadaires");
        // A signed whole number goes to the domain (« 0 » or « -2 » are its refusal: between 1 and 999); anything else is
        // a field error here and the domain gets 1, so that it checks the other fields only. Empty: the [Required]'s error.
        int? nombre = 1;
        if (!string.IsNullOrWhiteSpace(Nombre))
        {
            if (int.TryParse(Nombre.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) nombre = n;
            else lecture.Erreur(nameof(Nombre), "Nombre de postes", $"Le champ « Nombre de postes » {LectureSaisie.ConsigneEntier}.");
        }
        return new DonneesPoste(Intitule, CodeRome, nombre, TypeContrat, DateDebut, hebdo, Lieu, Exigences);
    }
}

/// <summary>A page with the poste's form (portal and staff): the shared partial <c>_ChampsPoste</c> reads its input record.</summary>
public interface IFormulairePoste
{
    SaisiePoste Saisie { get; }
}
