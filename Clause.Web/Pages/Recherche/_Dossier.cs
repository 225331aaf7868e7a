using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Recherche;

/// <summary>
/// The search pages of the comboboxes (lots, companies, participants, opérations, donneurs d'ordre): read-only, for the
/// staff who fill the forms and filters that use them — Direction, Facilitateur and Referent (the contrats' filters);
/// the opérations and donneurs d'ordre, which no Referent page shows, add <see cref="Politiques.LectureClause"/> on their
/// page. Companies and buyers are refused. No page here posts.
/// </summary>
public sealed class DossierRecherche() : DossierPages("/Recherche", Politiques.LectureParticipants, Politiques.GestionClause);
