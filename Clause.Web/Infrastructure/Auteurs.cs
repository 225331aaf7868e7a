using System.Security.Claims;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Persistence;

namespace Clause.Web.Infrastructure;

/// <summary>
/// The one place a page builds the <see cref="Auteur"/> of an action: id and name from the execution context (what the
/// audit trail records too), "acts as facilitateur" from the signed-in user's role (the domain refuses a validation by
/// anyone else). Demo data builds its own authors, since no user is signed in then.
/// </summary>
public static class Auteurs
{
    public static Auteur Courant(ClauseDbContext db, ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(utilisateur);
        return new Auteur(db.Contexte.UtilisateurId ?? Guid.Empty, db.Contexte.NomUtilisateur, Droits.Peut(utilisateur, Politiques.GestionClause));
    }
}
