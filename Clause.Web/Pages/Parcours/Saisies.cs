using System.ComponentModel.DataAnnotations;
using Clause.Domain.Parcours;
using Clause.Domain.Participants;

namespace Clause.Web.Pages.Parcours;

/// <summary>The form to open a parcours (names = the domain's fields, so its refusals land beside them).</summary>
public sealed record SaisieOuverture
{
    [Display(Name = "Référent")]
    public Guid? ReferentId { get; set; }

    [Display(Name = "Date d'entrée")]
    [DataType(DataType.Date)]
    public DateOnly? DateEntree { get; set; }

    [Display(Name = "Prescripteur")]
    public Prescripteur? Prescripteur { get; set; }

    [Display(Name = "Durée d'inactivité")]
    public TrancheInactivite? TrancheInactivite { get; set; }
}

public sealed record SaisieEtape
{
    [Display(Name = "Type d'étape")]
    public TypeEtape? Type { get; set; }

    [Display(Name = "Début")]
    [DataType(DataType.Date)]
    public DateOnly? DateDebut { get; set; }

    [Display(Name = "Fin")]
    [DataType(DataType.Date)]
    public DateOnly? DateFin { get; set; }

    [Display(Name = "Structure bénéficiaire")]
    public string? StructureBeneficiaire { get; set; }

    [Display(Name = "Financée par le PLIE")]
    public bool FinanceePlie { get; set; }

    [Display(Name = "Bilan")]
    [DataType(DataType.MultilineText)]
    public string? Bilan { get; set; }
}

public sealed record SaisieSortie
{
    [Display(Name = "Sortie")]
    public TypeSortie? TypeSortie { get; set; }

    [Display(Name = "Date de sortie")]
    [DataType(DataType.Date)]
    public DateOnly? DateSortie { get; set; }
}

public sealed record SaisieReouverture
{
    [Display(Name = "Motif de la réouverture")]
    [DataType(DataType.MultilineText)]
    public string? MotifReouverture { get; set; }
}
