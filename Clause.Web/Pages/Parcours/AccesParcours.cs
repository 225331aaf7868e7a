using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Parcours;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Pages.Participants;
using Microsoft.EntityFrameworkCore;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Web.Pages.Parcours;

/// <summary>
/// Who sees which parcours (DOMAIN.md §11, issue 13): those of the participants the user may read
/// (<see cref="AccesParticipants.Visibles"/>: the structure for Direction and Facilitateur, his or her own participants for a
/// Referent) — one rule, the participants'. The TH category at entry: Facilitateur and Direction only
/// (<see cref="AccesParticipants.VoitSensibles"/>). Also the reads the domain needs: the participant's contrats as
/// étapes (<see cref="ContratsAsync"/>), whether another parcours is open, the référent named in a form.
/// </summary>
public static class AccesParcours
{
    public static IQueryable<ParcoursPlie> Visibles(ClauseDbContext db, ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        var participants = AccesParticipants.Visibles(db, utilisateur).Select(p => p.Id);
        var structureId = db.Contexte.StructureId;
        return db.Parcours.AsNoTracking().Where(p => p.StructureId == structureId && participants.Contains(p.ParticipantId));
    }

    /// <summary>The parcours of the route, tracked with its étapes, when the user may see it (<see cref="Visibles"/>); null → 404.</summary>
    public static async Task<ParcoursPlie?> ChargerAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, ParcoursId id, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Two commands: the visibility query reads without tracking, which EF would extend to the loaded aggregate.
        if (!await Visibles(db, utilisateur).AnyAsync(p => p.Id == id, annulation)) return null;
        var structureId = db.Contexte.StructureId;
        return await db.Parcours.Include(p => p.Etapes).FirstOrDefaultAsync(p => p.Id == id && p.StructureId == structureId, annulation);
    }

    /// <summary>
    /// The participants' contrats as the parcours reads them (<see cref="ContratDuParcours.De"/>, the one projection), in
    /// one query whatever the number of participants; <see cref="ParcoursPlie.Composer"/> keeps the validated ones in its dates.
    /// </summary>
    public static async Task<ILookup<ParticipantId, ContratDuParcours>> ContratsAsync(ClauseDbContext db, IReadOnlyCollection<ParticipantId> participants,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var lignes = await (from c in db.Contrats.AsNoTracking()
                            where c.StructureId == structureId && participants.Contains(c.ParticipantId) && c.Statut == StatutContrat.Valide
                            join e in db.Entreprises on c.EmployeurId equals e.Id
                            select new { Contrat = c, e.TypeEmployeur, e.RaisonSociale })
            .ToListAsync(annulation);
        return lignes.ToLookup(l => l.Contrat.ParticipantId, l => ContratDuParcours.De(l.Contrat, l.TypeEmployeur, l.RaisonSociale));
    }

    /// <summary>True when the participant has an open parcours other than <paramref name="sauf"/> (the domain's « one open parcours » input).</summary>
    public static Task<bool> AUnParcoursOuvertAsync(ClauseDbContext db, ParticipantId participantId, ParcoursId? sauf, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return db.Parcours.AnyAsync(p => p.StructureId == structureId && p.ParticipantId == participantId && p.TypeSortie == null
            && (sauf == null || p.Id != sauf), annulation);
    }

    /// <summary>The user named as référent, with his or her structure and whether he or she holds the Referent role; null when unknown.</summary>
    public static async Task<ReferentCandidat?> ReferentAsync(ClauseDbContext db, Guid? id, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (id is not { } referentId) return null;
        var roleReferent = db.Roles.Where(r => r.Name == Roles.Referent).Select(r => r.Id);
        return await db.Users.AsNoTracking().Where(u => u.Id == referentId && u.Actif)
            .Select(u => new ReferentCandidat(u.Id, u.StructureId, db.UserRoles.Any(ur => ur.UserId == u.Id && roleReferent.Contains(ur.RoleId))))
            .FirstOrDefaultAsync(annulation);
    }
}

/// <summary>One parcours in a list (the participant's page, the history): entry, and the sortie when closed.</summary>
public sealed record LigneParcours(ParcoursId Id, DateOnly Entree, DateOnly? Sortie, TypeSortie? Type);
