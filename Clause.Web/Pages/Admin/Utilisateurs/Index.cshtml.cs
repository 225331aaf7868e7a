using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Admin.Utilisateurs;

/// <summary>The accounts of the installation (Administrateur), filtered by structure, paged.</summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    [BindProperty(SupportsGet = true, Name = "structure")]
    public StructureId? Structure { get; set; }

    public PageDe<LigneUtilisateur> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public IReadOnlyList<SelectListItem> Structures { get; private set; } = [];

    /// <summary>The signed-in administrator, who may not deactivate their own account.</summary>
    public Guid? MonId => db.Contexte.UtilisateurId;

    protected override string Adresse => "/Admin/Utilisateurs";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() => [new("structure", Structure?.ToString())];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Structures = await ComptesAdmin.OptionsStructuresAsync(db, Structure, annulation);
        var requete = db.Users.AsNoTracking();
        if (Structure is { } structureId) requete = requete.Where(u => u.StructureId == structureId);
        Resultats = await ListerAsync(requete
            .OrderBy(u => u.NomComplet).ThenBy(u => u.Email).ThenBy(u => u.Id)
            .Select(u => new LigneUtilisateur(
                u.Id,
                u.NomComplet,
                u.Email,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                db.Structures.Where(s => s.Id == u.StructureId).Select(s => s.Nom).FirstOrDefault(),
                u.Actif,
                u.InvitationAccepteeLe,
                u.PasswordHash != null,
                u.TwoFactorEnabled)),
            annulation);
    }
}

public sealed record LigneUtilisateur(Guid Id, string NomComplet, string? Email, string? Role, string? Structure, bool Actif,
    DateTimeOffset? InvitationAccepteeLe, bool AMotDePasse, bool DoubleFacteur = false)
{
    public string Invitation => InvitationAccepteeLe is { } le
        ? "Acceptée le " + ComptesAdmin.Date(le)
        : AMotDePasse ? "Sans objet (mot de passe déjà défini)" : "En attente";

    public bool InvitationEnAttente => InvitationAccepteeLe is null && !AMotDePasse;
}
