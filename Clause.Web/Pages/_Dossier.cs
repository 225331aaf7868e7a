using Clause.Web.Infrastructure;

namespace Clause.Web.Pages;

/// <summary>The pages directly under Pages/ (home): any signed-in user. The error page is [AllowAnonymous] itself.</summary>
public sealed class DossierRacine() : DossierPages("/", Politiques.Connecte, Politiques.Connecte);
