using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// The fields of a contrat typed on the proposal and on the correction (property names = the domain's field names,
/// so a refusal shows beside its field). Weekly hours are typed as text and parsed with <see cref="LectureSaisie"/>.
/// </summary>
public record SaisieContrat
{
    [Required(ErrorMessage = "Le champ « Employeur » est obligatoire.")]
    [Display(Name = "Employeur")]
    public EntrepriseId? EmployeurId { get; set; }

    [Required(ErrorMessage = "Le champ « Modalité » est obligatoire.")]
    [Display(Name = "Modalité")]
    public ModaliteContrat? Modalite { get; set; }

    [Required(ErrorMessage = "Le champ « Type de contrat » est obligatoire.")]
    [Display(Name = "Type de contrat")]
    public TypeContrat? TypeContrat { get; set; }

    [Required(ErrorMessage = "Le champ « Date de début » est obligatoire.")]
    [Display(Name = "Date de début")]
    public DateOnly? DateDebut { get; set; }

    // Not [Required]: a CDI has none (DOMAIN.md §6); the domain asks it of every other type, naming the field.
    [Display(Name = "Fin prévue")]
    public DateOnly? FinPrevue { get; set; }

    [Display(Name = "Fin réelle")]
    public DateOnly? FinReelle { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures hebdomadaires » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures hebdomadaires")]
    public string? HeuresHebdo { get; set; }

    [StringLength(Contrat.PosteLongueurMax, ErrorMessage = "Le champ « Poste » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Poste")]
    public string? Poste { get; set; }

    [StringLength(10, ErrorMessage = "Le champ « Code ROME » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Code ROME")]
    public string? CodeRome { get; set; }

    /// <summary>
    /// The domain's data. Weekly hours that could not be read are passed as none (optional for the domain): their error
    /// is already in ModelState, which keeps the form from being saved, and the domain still checks every other field.
    /// </summary>
    public DonneesContrat VersDonnees(ModelStateDictionary etat)
    {
        var lecture = new LectureSaisie(etat);
        var hebdo = lecture.Heures(HeuresHebdo, nameof(HeuresHebdo), "Heures hebdomadaires");
        return new DonneesContrat(Modalite, TypeContrat, DateDebut, FinPrevue, FinReelle, hebdo, Poste, CodeRome);
    }

    /// <summary>The typed weekly hours of an existing contrat ("35" or "17,5").</summary>
    public static string? Heures(long? minutes) =>
        minutes is { } m ? (m / 60m).ToString("0.##", Affichage.Fr) : null;
}

/// <summary>A proposal: the participant and the lot (fixed afterwards), the contrat's fields, and the immediate validation.</summary>
public sealed record SaisieProposition : SaisieContrat
{
    [Required(ErrorMessage = "Le champ « Participant » est obligatoire.")]
    [Display(Name = "Participant")]
    public ParticipantId? ParticipantId { get; set; }

    [Required(ErrorMessage = "Le champ « Lot » est obligatoire.")]
    [Display(Name = "Lot")]
    public LotId? LotId { get; set; }

    /// <summary>Validates the proposal in the same save (a facilitateur's own proposal usually needs no second look).</summary>
    [Display(Name = "Valider immédiatement")]
    public bool ValiderImmediatement { get; set; } = true;

    [StringLength(Derogation.MotifLongueurMax, ErrorMessage = "Le champ « Motif de dérogation » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif de dérogation")]
    [DataType(DataType.MultilineText)]
    public string? MotifDerogation { get; set; }
}

/// <summary>The validation of a proposal: a written override only when the start is outside the eligibility window.</summary>
public sealed record SaisieValidation
{
    [StringLength(Derogation.MotifLongueurMax, ErrorMessage = "Le champ « Motif de dérogation » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif de dérogation")]
    [DataType(DataType.MultilineText)]
    public string? MotifDerogation { get; set; }
}

public sealed record SaisieRefus
{
    [Required(ErrorMessage = "Le champ « Motif du refus » est obligatoire.")]
    [StringLength(Contrat.MotifRefusLongueurMax, ErrorMessage = "Le champ « Motif du refus » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif du refus")]
    [DataType(DataType.MultilineText)]
    public string? MotifRefus { get; set; }
}

public sealed record SaisieFin
{
    [Required(ErrorMessage = "Le champ « Fin réelle » est obligatoire.")]
    [Display(Name = "Fin réelle")]
    public DateOnly? FinReelle { get; set; }
}

/// <summary>What the shared fields of the contrat form (<c>_ChampsContrat.cshtml</c>) need from its page.</summary>
public interface IFormulaireContrat
{
    SaisieContrat Saisie { get; }

    /// <summary>Shows the « Fin réelle » field (a correction; a proposal has none yet).</summary>
    bool AvecFinReelle { get; }
}
