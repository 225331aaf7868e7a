using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Embauches;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement.Candidater;

/// <summary>What a référent or a facilitateur types to propose a candidate (names = the domain's field names).</summary>
public sealed record SaisieCandidature
{
    [Required(ErrorMessage = "Le champ « Participant » est obligatoire.")]
    [Display(Name = "Participant")]
    public ParticipantId? ParticipantId { get; set; }

    [StringLength(PropositionEmbauche.EmailLongueurMax, ErrorMessage = "Le champ « E-mail » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "E-mail")]
    [AdresseEmail]
    public string? Email { get; set; }

    [StringLength(PropositionEmbauche.TelephoneLongueurMax, ErrorMessage = "Le champ « Téléphone » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Téléphone")]
    public string? Telephone { get; set; }
}

/// <summary>
/// A référent (one of his or her participants: the combobox offers only those) or a facilitateur proposes a candidate to
/// an open poste (issue 14 item 3, R01). The eligibility is read and shown to the staff, not refused
/// (<see cref="Candidature.Proposer"/>); a second candidature of the same person to the same poste is refused by the unique
/// index, translated beside the participant's field. Another structure's poste is a 404.
/// </summary>
public sealed class ProposerModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieCandidature Saisie { get; set; } = new();

    public PosteAffiche Poste { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(PosteId id, ParticipantId? participantId, CancellationToken annulation)
    {
        if (!await PreparerAsync(id, annulation)) return NotFound();
        Saisie.ParticipantId = participantId;
        await RestaurerApresRechercheAsync(Saisie);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(PosteId id, CancellationToken annulation)
    {
        if (!await PreparerAsync(id, annulation)) return NotFound();
        if (Saisie.ParticipantId is { } pid && !await Recherches.Participants.OffreAsync(Db, User, pid, null, annulation))
            ModelState.AddModelError("Saisie.ParticipantId", "Choisissez un de vos participants dans la liste.");
        if (Saisie.ParticipantId is not { } participantId || Invalide("Saisie.ParticipantId")) return Page();
        var poste = (await AccesPlacement.ChargerPosteAsync(Db, id, annulation))!;
        var participant = await AccesContrats.ParticipantAsync(Db, participantId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => Candidature.Proposer(poste, participant, Saisie.Email, Saisie.Telephone, reglages, Auteurs.Courant(Db, User), horloge.GetUtcNow()),
                out var candidature, new Dictionary<string, string> { [nameof(Candidature.PosteId)] = "" }))
            return Page();
        Db.Candidatures.Add(candidature);
        var message = candidature.RaisonEligibilite is null
            ? "La candidature est proposée : le facilitateur valide l'entrée du candidat."
            : "La candidature est proposée, mais le candidat n'est pas éligible au début du poste : son entrée ne pourra être validée qu'avec une décision d'éligibilité.";
        var structureId = Db.Contexte.StructureId;
        return await EnregistrerAsync(message, "/Placement/Candidature", new { id = candidature.Id }, nameof(SaisieCandidature.ParticipantId),
            async () =>
            {
                Db.ChangeTracker.Clear();
                return await Db.Candidatures.AnyAsync(c => c.StructureId == structureId && c.PosteId == id && c.ParticipantId == participantId, annulation)
                    ? "Ce participant est déjà candidat à ce poste : une seule candidature par personne et par poste."
                    : null;
            }, annulation);
    }

    private async Task<bool> PreparerAsync(PosteId id, CancellationToken annulation)
    {
        var poste = await AccesPlacement.Postes(Db, id).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (poste is null) return false;
        Poste = poste;
        return true;
    }
}
