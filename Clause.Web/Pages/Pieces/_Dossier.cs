using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Pieces;

/// <summary>
/// Proofs, staff side: a download is answered by data, not by role — any signed-in user reaches the page, and
/// <see cref="AccesPieces.Visibles"/> gives the file to the structure's staff (and the company's own contacts) and a 404 to
/// everyone else, so a buyer or a Referent cannot even learn that a proof exists. Deleting is the Facilitateur's.
/// </summary>
public sealed class DossierPieces() : DossierPages("/Pieces", Politiques.Connecte, Politiques.GestionClause);
