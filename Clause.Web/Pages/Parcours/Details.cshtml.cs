using Clause.Domain.Commun;
using Clause.Domain.Parcours;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Web.Pages.Parcours;

/// <summary>
/// The parcours' page: the snapshot at entry (the TH category for Facilitateur and Direction only), the composed étapes
/// (typed ones and the validated clause contrats, <see cref="ParcoursPlie.Composer"/>), the 6-month follow-ups, the
/// sortie, the participant's clause hours (the participant's page's own section, <see cref="HeuresDuParticipant"/>), and
/// the other parcours of the participant (history).
/// </summary>
public sealed class DetailsModel(ClauseDbContext db, TimeProvider horloge) : PageModel
{
    public ParcoursPlie Parcours { get; private set; } = null!;

    public string Participant { get; private set; } = string.Empty;

    public string Referent { get; private set; } = string.Empty;

    public IReadOnlyList<EtapeComposee> Etapes { get; private set; } = [];

    public IReadOnlyList<SuiviEmploiDurable> Suivis { get; private set; } = [];

    public IReadOnlyList<(ParcoursId Id, DateOnly Entree, DateOnly? Sortie, TypeSortie? Type)> Historique { get; private set; } = [];

    public DateOnly Aujourdhui { get; private set; }

    public bool VoitSensibles { get; private set; }

    public bool PeutModifier { get; private set; }

    public async Task<IActionResult> OnGetAsync(ParcoursId id, CancellationToken annulation)
    {
        var parcours = await AccesParcours.Visibles(db, User).Include(p => p.Etapes).FirstOrDefaultAsync(p => p.Id == id, annulation);
        if (parcours is null) return NotFound();
        Parcours = parcours;
        Aujourdhui = Affichage.Aujourdhui(horloge);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        var contrats = await AccesParcours.ContratsAsync(db, [parcours.ParticipantId], annulation);
        Etapes = parcours.Composer(contrats[parcours.ParticipantId], reglages);
        Suivis = parcours.EstOuvert ? ParcoursPlie.Suivis(Etapes, reglages, Aujourdhui) : [];
        Participant = await db.Participants.AsNoTracking().Where(p => p.Id == parcours.ParticipantId).Select(p => p.Prenom + " " + p.Nom).FirstAsync(annulation);
        Referent = await db.Users.AsNoTracking().Where(u => u.Id == parcours.ReferentId).Select(u => u.NomComplet).FirstOrDefaultAsync(annulation) ?? "—";
        Historique = (await AccesParcours.Visibles(db, User).Where(p => p.ParticipantId == parcours.ParticipantId && p.Id != id)
                .OrderByDescending(p => p.DateEntree).Select(p => new { p.Id, p.DateEntree, p.DateSortie, p.TypeSortie }).ToListAsync(annulation))
            .Select(p => (p.Id, p.DateEntree, p.DateSortie, p.TypeSortie)).ToList();
        VoitSensibles = AccesParticipants.VoitSensibles(User);
        // A sensitive category shown is a logged read (DOMAIN.md §12).
        if (VoitSensibles && parcours.Th)
            await db.ConsignerAsync(parcours.StructureId, parcours.ParticipantId, JournalisationAccesSensibles.CategoriesSensibles + " — fiche parcours",
                horloge.GetUtcNow(), annulation);
        PeutModifier = Droits.Peut(User, Politiques.GestionParcours);
        return Page();
    }
}
