using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

public sealed record OptionReferent(Guid Id, string Nom);

/// <summary>
/// Who sees which participant (DOMAIN.md §11): Direction and Facilitateur the whole structure, a Referent
/// only the participants whose référent he or she is. Sensitive categories: Direction and Facilitateur only.
/// </summary>
public static class AccesParticipants
{
    public static bool VoitTout(ClaimsPrincipal utilisateur) => Droits.Peut(utilisateur, Politiques.LectureClause);

    public static bool VoitSensibles(ClaimsPrincipal utilisateur) => VoitTout(utilisateur);

    /// <summary>The participants the user may read: own structure (checked explicitly, not only by the filter), own caseload for a Referent.</summary>
    public static IQueryable<Participant> Visibles(ClauseDbContext db, ClaimsPrincipal utilisateur) =>
        Filtrer(db, db.Participants.AsNoTracking(), utilisateur);

    /// <summary>
    /// The loading half of the convention for the /Participants action pages: the participant of the route, tracked for a
    /// change with its decisions, when the user may see it (<see cref="Visibles"/>' rule); null → 404.
    /// </summary>
    public static Task<Participant?> ChargerAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, ParticipantId id, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Filtrer(db, db.Participants.Include(p => p.Decisions), utilisateur).FirstOrDefaultAsync(p => p.Id == id, annulation);
    }

    private static IQueryable<Participant> Filtrer(ClauseDbContext db, IQueryable<Participant> source, ClaimsPrincipal utilisateur)
    {
        var structureId = db.Contexte.StructureId;
        var requete = source.Where(p => p.StructureId == structureId);
        if (VoitTout(utilisateur)) return requete;
        var utilisateurId = db.Contexte.UtilisateurId;
        return requete.Where(p => p.ReferentId != null && p.ReferentId == utilisateurId);
    }

    /// <summary>Active staff of the structure holding the Referent role (for the référent select).</summary>
    public static Task<List<OptionReferent>> ReferentsAsync(ClauseDbContext db, CancellationToken annulation = default)
    {
        var structureId = db.Contexte.StructureId;
        var roleReferent = db.Roles.Where(r => r.Name == Roles.Referent).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.StructureId == structureId && u.Actif && db.UserRoles.Any(ur => ur.UserId == u.Id && roleReferent.Contains(ur.RoleId)))
            .OrderBy(u => u.NomComplet)
            .Select(u => new OptionReferent(u.Id, u.NomComplet))
            .ToListAsync(annulation);
    }
}
