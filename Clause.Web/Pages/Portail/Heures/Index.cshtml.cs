using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Heures;

/// <summary>
/// The company's months (issue 9 item 4): the months still to declare on its lots in execution with their deadline
/// (§7.7, the home's <see cref="AccueilPortail"/> over <see cref="CalendrierDeclaration"/>, overdue first), and the
/// recent months, each linking to its month page.
/// </summary>
public sealed class IndexModel(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : PageModel
{
    public const int MoisRecents = 6;

    public IReadOnlyList<MoisADeclarer> ADeclarer { get; private set; } = [];

    public IReadOnlyList<MoisRecent> Recents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var lots = await AccueilPortail.LotsDeLEntreprise(db).ToListAsync(annulation);
        var accueil = await AccueilPortail.LireAsync(db, requetes, horloge, lots, annulation);
        // One entry per month across the lots: the same deadline (§7.7), the contrats still to declare added up.
        ADeclarer = accueil.Lots.SelectMany(l => l.MoisADeclarer).GroupBy(m => m.Mois).OrderBy(g => g.Key)
            .Select(g => new MoisADeclarer(g.Key, g.First().Echeance, g.First().EnRetard, g.Sum(m => m.Contrats)))
            .ToList();
        var reglages = await ReglagesStructure.LireAsync(db, annulation);
        var courant = Domain.Commun.Mois.De(accueil.Aujourdhui);
        var entreprise = db.Contexte.EntrepriseId;
        var premier = Enumerable.Range(0, MoisRecents).Select(i => Domain.Commun.Mois.De(courant.Premier.AddMonths(-i))).ToList();
        var plusAncien = premier[^1];
        var brouillons = await db.SoumissionsHeures.AsNoTracking()
            .Where(s => s.EntrepriseId == entreprise && s.Statut == StatutSoumission.Brouillon && s.Mois >= plusAncien)
            .Select(s => s.Mois).ToListAsync(annulation);
        Recents = premier.Select(m => new MoisRecent(m, CalendrierDeclaration.Echeance(m, reglages), brouillons.Contains(m))).ToList();
    }
}

public sealed record MoisRecent(Mois Mois, DateOnly Echeance, bool Brouillon);
