using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Participants;

namespace Clause.Web.Pages.Participants;

/// <summary>The registration / correction form of a participant (never the entity itself: no over-posting).</summary>
public sealed record SaisieParticipant
{
    [Required(ErrorMessage = "Le champ « Nom » est obligatoire.")]
    [StringLength(Participant.NomLongueurMax, ErrorMessage = "Le champ « {0} » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nom")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "Le champ « Prénom » est obligatoire.")]
    [StringLength(Participant.PrenomLongueurMax, ErrorMessage = "Le champ « {0} » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Prénom")]
    public string? Prenom { get; set; }

    [Required(ErrorMessage = "Le champ « Sexe » est obligatoire.")]
    [Display(Name = "Sexe")]
    public Sexe? Sexe { get; set; }

    [Required(ErrorMessage = "Le champ « Date de naissance » est obligatoire.")]
    [Display(Name = "Date de naissance")]
    public DateOnly? DateNaissance { get; set; }

    [StringLength(Participant.AdresseLongueurMax, ErrorMessage = "Le champ « {0} » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Adresse")]
    public string? Adresse { get; set; }

    [Required(ErrorMessage = "Le champ « Code postal » est obligatoire.")]
    [StringLength(10, ErrorMessage = "Le code postal doit comporter 5 chiffres.")]
    [Display(Name = "Code postal")]
    public string? CodePostal { get; set; }

    [Required(ErrorMessage = "Le champ « Commune » est obligatoire.")]
    [StringLength(Participant.CommuneLongueurMax, ErrorMessage = "Le champ « {0} » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Commune")]
    public string? Commune { get; set; }

    [Required(ErrorMessage = "Indiquez si le participant réside dans un QPV.")]
    [Display(Name = "Réside dans un quartier prioritaire de la politique de la ville (QPV)")]
    public bool ResidentQpv { get; set; }

    [StringLength(20, ErrorMessage = ReglesQpv.Format)]
    [Display(Name = "Code du QPV")]
    public string? CodeQpv { get; set; }

    [Required(ErrorMessage = "Le champ « Niveau de qualification » est obligatoire.")]
    [Display(Name = "Niveau de qualification")]
    public NiveauQualification? NiveauQualification { get; set; }

    [Display(Name = "Prescripteur")]
    public Prescripteur? Prescripteur { get; set; }

    [Display(Name = "Référent de parcours")]
    public Guid? ReferentId { get; set; }

    [StringLength(20, ErrorMessage = "L'identifiant France Travail doit comporter de 7 à 11 lettres ou chiffres.")]
    [Display(Name = "Identifiant France Travail")]
    public string? IdentifiantFranceTravail { get; set; }

    [Display(Name = "Notice d'information remise le")]
    public DateOnly? DateInformation { get; set; }

    public DonneesParticipant VersDonnees() => new(Nom, Prenom, Sexe, DateNaissance, Adresse, CodePostal, Commune, ResidentQpv, CodeQpv,
        NiveauQualification, Prescripteur, ReferentId, IdentifiantFranceTravail, DateInformation);
}

/// <summary>What the shared form partial needs from its page.</summary>
public interface IFormulaireParticipant
{
    SaisieParticipant Saisie { get; }

    IReadOnlyList<OptionReferent> Referents { get; }
}
