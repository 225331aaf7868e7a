using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;

namespace Clause.Web.Pages.Recherche;

/// <summary>Participants for a combobox; a Referent finds only his or her own (<see cref="Participants.AccesParticipants.Visibles"/>).</summary>
public sealed class ParticipantsModel(ClauseDbContext db) : PageRecherche(db, Recherches.Participants);
