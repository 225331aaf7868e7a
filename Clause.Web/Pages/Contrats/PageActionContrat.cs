using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>What the action pages (Valider, Refuser, Fin, Deroger) show above their form.</summary>
public sealed record ResumeContrat(ContratId Id, string Participant, string Lot, string Employeur, StatutContrat Statut, DateOnly DateDebut, DateOnly? FinPrevue)
{
    public string Texte => $"{Participant} — {Lot} — chez {Employeur}, {Affichage.Du(new Periode(DateDebut, FinPrevue ?? DateOnly.MaxValue))}";
}

/// <summary>
/// Base of the facilitateur's action pages on one contrat (Modifier, Valider, Refuser, Fin, Deroger): the loading half
/// of the convention for the /Contrats folder. The form is shown on the contrat's page and posts here; this page shows
/// it again with its errors. A contrat the user may not see (another structure's, or for a Referent another referent's
/// participant's) is a 404, GET and POST.
/// </summary>
public abstract class PageActionContrat(ClauseDbContext db) : PageAction(db)
{
    public ResumeContrat Resume { get; private set; } = null!;

    /// <summary>The contrat of the route, tracked for a change, with its <see cref="Resume"/>; null (→ 404) when the user may not see it.</summary>
    protected async Task<Contrat?> ChargerAsync(ContratId id, CancellationToken annulation)
    {
        var resume = await (from c in AccesContrats.Visibles(Db, User)
                            where c.Id == id
                            join p in Db.Participants on c.ParticipantId equals p.Id
                            join l in Db.Lots on c.LotId equals l.Id
                            join m in Db.Marches on l.MarcheId equals m.Id
                            join e in Db.Entreprises on c.EmployeurId equals e.Id
                            select new ResumeContrat(c.Id, p.Prenom + " " + p.Nom, AccesContrats.NomLot(m.Numero, l.Numero, l.Libelle), e.RaisonSociale,
                                c.Statut, c.DateDebut, c.FinPrevue))
            .FirstOrDefaultAsync(annulation);
        if (resume is null) return null;
        Resume = resume;
        return await AccesContrats.ChargerAsync(Db, id, annulation);
    }
}
