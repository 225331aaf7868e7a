using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Acheteur;

/// <summary>
/// The buyer portal: DonneurOrdre users only (attached to one buyer), who read there (no form posts); every query adds the
/// buyer's scope, and every profile figure goes through the small-cell hiding (<c>Masquage</c>).
/// </summary>
public sealed class DossierAcheteur() : DossierPages("/Acheteur", Politiques.PortailAcheteur, Politiques.PortailAcheteur);
