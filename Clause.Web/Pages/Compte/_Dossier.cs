using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Compte;

/// <summary>
/// Sign-in, invitation, access denied: open to anyone (the sign-out page checks its own user). Mon compte, the password
/// change and the revocation of one's token are marked [ConnexionRequise]: any signed-in user, whatever the role.
/// </summary>
public sealed class DossierCompte() : DossierPages("/Compte", Politiques.Anonyme, Politiques.Anonyme);
