using Clause.Domain.Commun;
using Clause.Domain.Parcours;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Web.Pages.Parcours;

/// <summary>
/// The référent opens a parcours for one of his or her participants (another's → 404): one call to
/// <see cref="ParcoursPlie.Ouvrir"/>, which checks every field at once; the filtered unique index is the last word on
/// « one open parcours » when two référents post together.
/// </summary>
public sealed class OuvrirModel(ClauseDbContext db, TimeProvider horloge) : PageAction(db)
{
    [BindProperty]
    public SaisieOuverture Saisie { get; set; } = new();

    public ParticipantId ParticipantId { get; private set; }

    public string Participant { get; private set; } = string.Empty;

    public IReadOnlyList<OptionReferent> Referents { get; private set; } = [];

    private static readonly Dictionary<string, string> Renommages = new(StringComparer.Ordinal) { [nameof(ParcoursPlie.ParticipantId)] = "" };

    private Task<Domain.Participants.Participant?> ChargerAsync(ParticipantId id, CancellationToken annulation) =>
        AccesParticipants.Visibles(Db, User).Include(p => p.Decisions).ThenInclude(d => d.Categories).FirstOrDefaultAsync(p => p.Id == id, annulation);

    private async Task PreparerAsync(Domain.Participants.Participant participant, CancellationToken annulation)
    {
        ParticipantId = participant.Id;
        Participant = participant.Prenom + " " + participant.Nom;
        Referents = await AccesParticipants.ReferentsAsync(Db, annulation);
    }

    public async Task<IActionResult> OnGetAsync(ParticipantId participantId, CancellationToken annulation)
    {
        if (await ChargerAsync(participantId, annulation) is not { } participant) return NotFound();
        await PreparerAsync(participant, annulation);
        Saisie.ReferentId = participant.ReferentId ?? Db.Contexte.UtilisateurId;
        Saisie.DateEntree = Affichage.Aujourdhui(horloge);
        Saisie.Prescripteur = participant.Prescripteur;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(ParticipantId participantId, CancellationToken annulation)
    {
        if (await ChargerAsync(participantId, annulation) is not { } participant) return NotFound();
        await PreparerAsync(participant, annulation);
        var referent = await AccesParcours.ReferentAsync(Db, Saisie.ReferentId, annulation);
        var ouvert = await AccesParcours.AUnParcoursOuvertAsync(Db, participantId, null, annulation);
        if (!Appliquer(() => ParcoursPlie.Ouvrir(participant,
                new DonneesOuverture(Saisie.ReferentId, Saisie.DateEntree, Saisie.Prescripteur, Saisie.TrancheInactivite), referent, ouvert,
                Affichage.Aujourdhui(horloge)), out var parcours, Renommages)) return Page();
        Db.Parcours.Add(parcours);
        return await EnregistrerAsync($"Le parcours de {Participant} est ouvert.", "/Parcours/Details", new { id = parcours.Id }, "", async () =>
            await AccesParcours.AUnParcoursOuvertAsync(Db, participantId, parcours.Id, annulation)
                ? "Ce participant a déjà un parcours ouvert : clôturez-le avant d'en ouvrir un autre." : null, annulation);
    }
}
