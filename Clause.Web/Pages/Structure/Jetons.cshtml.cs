using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.PageStructure;

/// <summary>
/// The personal access tokens of the structure's users, for the Direction: who holds which token, since when, until
/// when, last used when, and its status; each active one can be revoked. The tenant filter (and the explicit structure
/// test) keeps other structures' tokens out. Newest first, paged in the database.
/// </summary>
public sealed class JetonsModel(ClauseDbContext db, TimeProvider horloge) : PageListe
{
    /// <summary>Only the tokens still usable (not revoked, not expired).</summary>
    [BindProperty(SupportsGet = true, Name = "actifs")]
    public bool SeulementActifs { get; set; }

    public PageDe<LigneJeton> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public DateTimeOffset Maintenant { get; private set; }

    protected override string Adresse => "/Structure/Jetons";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("actifs", SeulementActifs ? "true" : null)];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Maintenant = horloge.GetUtcNow();
        var maintenant = Maintenant;
        var structureId = db.Contexte.StructureId;
        var jetons = db.JetonsAcces.AsNoTracking().Where(j => j.StructureId == structureId);
        if (SeulementActifs) jetons = jetons.Where(j => j.RevoqueLe == null && j.ExpireLe > maintenant);
        var requete = from j in jetons
                      join u in db.Users on j.UtilisateurId equals u.Id
                      orderby j.CreeLe descending, j.Id descending
                      select new LigneJeton(j.Id, j.Nom, j.Prefixe, j.CreeLe, j.ExpireLe, j.DerniereUtilisationLe, j.RevoqueLe, j.MotifRevocation, u.NomComplet);
        Resultats = await ListerAsync(requete, annulation);
    }
}
