using System.ComponentModel.DataAnnotations;
using Clause.Domain.Participants;
using Clause.Domain.Placement;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Placement;

/// <summary>What a facilitateur types to validate a candidate's entry: an override reason only when the poste starts outside the window.</summary>
public sealed record SaisieValidationEntree
{
    [StringLength(Derogation.MotifLongueurMax, ErrorMessage = "Le champ « Motif de dérogation » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Motif de dérogation")]
    public string? MotifDerogation { get; set; }
}

/// <summary>
/// The facilitateur validates a candidate's entry (F09: the only role who can — the folder's write policy, and the domain
/// refuses anyone else). The eligibility is enforced by the participant's rule at the poste's start (<see cref="Candidature.Valider"/>).
/// </summary>
public sealed class ValiderModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    private static readonly Dictionary<string, string> Champs = new(StringComparer.Ordinal) { [nameof(Candidature.Eligibilite)] = "", [nameof(Candidature.Statut)] = "" };

    [BindProperty]
    public SaisieValidationEntree Saisie { get; set; } = new();

    public CandidatureAffichee Candidature { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CandidatureId id, CancellationToken annulation) =>
        await PreparerAsync(id, annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CandidatureId id, CancellationToken annulation)
    {
        if (await AccesPlacement.ChargerCandidatureAsync(Db, User, id, annulation) is not { } candidature) return NotFound();
        var poste = await Db.PostesAPourvoir.AsNoTracking().FirstAsync(p => p.Id == candidature.PosteId, annulation);
        var participant = await Db.Participants.Include(p => p.Decisions).AsNoTracking().FirstAsync(p => p.Id == candidature.ParticipantId, annulation);
        var reglages = await ReglagesStructure.LireAsync(Db, annulation);
        if (!Appliquer(() => candidature.Valider(poste, participant, reglages, Saisie.MotifDerogation, Auteurs.Courant(Db, User), horloge.GetUtcNow()), Champs))
        {
            await PreparerAsync(id, annulation);
            return Page();
        }
        return await EnregistrerAsync("L'entrée du candidat est validée : il peut être présenté à l'entreprise.", "/Placement/Poste", new { id = poste.Id }, annulation);
    }

    private async Task<bool> PreparerAsync(CandidatureId id, CancellationToken annulation)
    {
        var candidature = await AccesPlacement.Afficher(Db, AccesPlacement.CandidaturesVisibles(Db, User).Where(c => c.Id == id)).AsNoTracking().FirstOrDefaultAsync(annulation);
        if (candidature is null) return false;
        Candidature = candidature;
        return true;
    }
}
