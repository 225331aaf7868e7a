using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Portail;

/// <summary>The company portal: Entreprise users only (attached to one company), who read and write there; every query adds the company scope.</summary>
public sealed class DossierPortail() : DossierPages("/Portail", Politiques.PortailEntreprise, Politiques.PortailEntreprise);
