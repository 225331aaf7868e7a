using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail;

/// <summary>The company's home: its lots (paged), the months to declare and their deadline, the lines to correct.</summary>
public sealed class IndexModel(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : PageListe
{
    public const int TailleLots = 10;

    public string Entreprise { get; private set; } = string.Empty;

    public AccueilPortail Accueil { get; private set; } = null!;

    protected override string Adresse => "/Portail";

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var entrepriseId = db.Contexte.EntrepriseId;
        Entreprise = await db.Entreprises.AsNoTracking().Where(e => e.Id == entrepriseId).Select(e => e.RaisonSociale).FirstOrDefaultAsync(annulation)
            ?? string.Empty;
        var lots = await ListerAsync(AccueilPortail.LotsDeLEntreprise(db), TailleLots, annulation);
        Accueil = await AccueilPortail.LireAsync(db, requetes, horloge, lots.Elements, annulation);
    }
}
