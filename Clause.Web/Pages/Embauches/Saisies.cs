using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;

namespace Clause.Web.Pages.Embauches;

/// <summary>The participant the facilitateur links a proposal to (a match offered, or any participant of the structure).</summary>
public sealed record SaisieLien
{
    [Required(ErrorMessage = "Le champ « Participant » est obligatoire.")]
    [Display(Name = "Participant")]
    public ParticipantId? ParticipantId { get; set; }
}
