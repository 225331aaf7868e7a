using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Compte;

/// <summary>Sign-in, invitation, access denied: open to anyone (the sign-out page checks its own user).</summary>
public sealed class DossierCompte() : DossierPages("/Compte", Politiques.Anonyme, Politiques.Anonyme);
