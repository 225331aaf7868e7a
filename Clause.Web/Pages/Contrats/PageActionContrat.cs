using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>What the action pages (Valider, Refuser, Fin, Deroger) show above their form.</summary>
public sealed record ResumeContrat(Guid Id, string Participant, string Lot, string Employeur, StatutContrat Statut, DateOnly DateDebut, DateOnly? FinPrevue)
{
    public string Texte => $"{Participant} — {Lot} — chez {Employeur}, {Affichage.Du(new Periode(DateDebut, FinPrevue ?? DateOnly.MaxValue))}";
}

/// <summary>
/// Base of the facilitateur's action pages on one contrat: the form is shown on the contrat's page and posts here;
/// this page shows it again with its errors. A contrat of another structure is a 404 (GET and POST).
/// </summary>
public abstract class PageActionContrat(ClauseDbContext db) : PageModel
{
    protected ClauseDbContext Db => db;

    public ResumeContrat Resume { get; private set; } = null!;

    /// <summary>False when the contrat is not one of the structure's (→ 404).</summary>
    protected async Task<bool> PreparerAsync(Guid id, CancellationToken annulation)
    {
        var resume = await (from c in AccesContrats.Visibles(db, User)
                            where c.Id == id
                            join p in db.Participants on c.ParticipantId equals p.Id
                            join l in db.Lots on c.LotId equals l.Id
                            join m in db.Marches on l.MarcheId equals m.Id
                            join e in db.Entreprises on c.EmployeurId equals e.Id
                            select new ResumeContrat(c.Id, p.Prenom + " " + p.Nom, AccesContrats.NomLot(m.Numero, l.Numero, l.Libelle), e.RaisonSociale,
                                c.Statut, c.DateDebut, c.FinPrevue))
            .FirstOrDefaultAsync(annulation);
        if (resume is null) return false;
        Resume = resume;
        return true;
    }
}
