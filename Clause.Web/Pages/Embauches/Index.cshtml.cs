using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;

namespace Clause.Web.Pages.Embauches;

/// <summary>One proposal waiting in the facilitateur's queue.</summary>
public sealed record PropositionEnAttente(PropositionEmbaucheId Id, string Personne, string Entreprise, string Lot, DateOnly DateDebut,
    StatutProposition Statut, DateTimeOffset ProposeeLe);

/// <summary>
/// « Propositions d'embauche »: the companies' proposals still to decide, the oldest first — not yet linked, or linked
/// with their contrat still proposed (a contrat decided on its own page leaves the queue).
/// </summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public IReadOnlyList<PropositionEnAttente> Propositions { get; private set; } = [];

    protected override string Adresse => "/Embauches";

    /// <summary>The queue, in its order: what the page lists and the facilitateur's home counts.</summary>
    public static IQueryable<PropositionEnAttente> FileAttente(ClauseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return from p in db.PropositionsEmbauche
               where p.StructureId == structureId
                     && (p.Statut == StatutProposition.EnAttente
                         || (p.Statut == StatutProposition.Liee && db.Contrats.Any(c => c.Id == p.ContratId && c.Statut == StatutContrat.Propose)))
               join e in db.Entreprises on p.EntrepriseId equals e.Id
               join l in db.Lots on p.LotId equals l.Id
               join m in db.Marches on l.MarcheId equals m.Id
               orderby p.ProposeeLe, p.Id
               select new PropositionEnAttente(p.Id, p.Prenom + " " + p.Nom, e.RaisonSociale, "Marché " + m.Numero + " – Lot " + l.Numero + " – " + l.Libelle,
                   p.DateDebut, p.Statut, p.ProposeeLe);
    }

    public async Task OnGetAsync(CancellationToken annulation) =>
        Propositions = (await ListerAsync(FileAttente(db), annulation)).Elements;
}
