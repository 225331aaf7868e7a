using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Admin.Utilisateurs;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The accounts of the Direction's structure (issue 16 item 3): name, e-mail, role, state, invitation; from here the
/// Direction sends again an invitation (account without password) or a reset link (account with one). Only the
/// structure's own accounts (explicit test on StructureId: Identity's table has no tenant filter), by name, paged.
/// </summary>
public sealed class UtilisateursModel(ClauseDbContext db) : PageListe
{
    public PageDe<LigneUtilisateur> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public Guid? MonId => db.Contexte.UtilisateurId;

    protected override string Adresse => "/Structure/Utilisateurs";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() => [];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        Resultats = await ListerAsync(db.Users.AsNoTracking()
            .Where(u => u.StructureId == structureId)
            .OrderBy(u => u.NomComplet).ThenBy(u => u.Email).ThenBy(u => u.Id)
            .Select(u => new LigneUtilisateur(
                u.Id,
                u.NomComplet,
                u.Email,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                null,
                u.Actif,
                u.InvitationAccepteeLe,
                u.PasswordHash != null)),
            annulation);
    }
}
