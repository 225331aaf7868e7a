using System.Linq.Expressions;
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

    /// <summary>
    /// Need-to-know (DOMAIN.md §11): the decisions someone who may not see sensitive categories may know of at all — those
    /// holding a non-sensitive category or an avis motivé. A decision resting only on TH, AAH, PensionInvalidite or
    /// SecteurAdapte leaves no trace for a Référent (no row, no date, no window), since its mere existence with an empty
    /// category cell would reveal the category.
    /// </summary>
    public static readonly Expression<Func<DecisionEligibilite, bool>> DecisionSansSensibleSeul = d =>
        d.PrescripteurAvis != null || d.Categories.Any(c => !CategoriesSensibles.Contains(c.Categorie));

    /// <summary>The decisions of the structure the user may know of (<see cref="DecisionSansSensibleSeul"/> unless the user sees sensitive data).</summary>
    public static IQueryable<DecisionEligibilite> DecisionsConnaissables(ClauseDbContext db, ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var decisions = db.DecisionsEligibilite.AsNoTracking().Where(d => d.StructureId == structureId);
        return VoitSensibles(utilisateur) ? decisions : decisions.Where(DecisionSansSensibleSeul);
    }

    private static readonly CategorieEligibilite[] CategoriesSensibles = [.. CategoriesEligibilite.Sensibles];

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
