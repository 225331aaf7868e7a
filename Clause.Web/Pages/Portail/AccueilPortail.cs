using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail;

/// <summary>One lot of the company, as its portal home lists it (before the figures are added).</summary>
public sealed record LotDuPortail(LotId Id, int Numero, string Libelle, string Marche, StatutLot Statut, DateOnly DebutExecution, DateOnly FinExecution,
    RoleAttribution? Role);

/// <summary>A lot on the portal home: the lot page's figures (RequetesHeures) and, in execution, the months still to declare.</summary>
public sealed record LotPortail(LotDuPortail Lot, BilanHeures Bilan, IReadOnlyList<MoisADeclarer> MoisADeclarer)
{
    public string Nom => $"Lot {Lot.Numero} — {Lot.Libelle}";

    /// <summary>Its role on the lot, or « Employeur » when it only employs someone there (a SIAE, an ETTI…).</summary>
    public string Role => Lot.Role?.Libelle() ?? "Employeur";
}

/// <summary>A rejected line of the company, to correct: the participant by name only (never a category, DOMAIN.md §11).</summary>
public sealed record LigneARectifier(Mois Mois, string Participant, string Lot, Duree Heures, string? Motif);

/// <summary>Whom to call about the hours: the structure's facilitateur.</summary>
public sealed record ContactFacilitateur(string Nom, string? Email, string? Telephone);

/// <summary>
/// The company portal's home (issue 9 item 2): the company's lots — held (attributaire, co-traitant, sous-traitant,
/// DOMAIN.md §4) or where it employs someone on a contrat that is not refused — with the lot page's figures, the months
/// still to declare of the lots in execution (§7.7, <see cref="CalendrierDeclaration"/>), and the rejected lines with the
/// facilitateur's reason. Every query is tenant-filtered and scoped to the company of the signed-in user
/// (<c>ContexteExecution.EntrepriseId</c>); a fixed number of queries whatever the rows (no query per lot).
/// </summary>
public sealed class AccueilPortail
{
    public const int RectificationsMax = 20;

    public DateOnly Aujourdhui { get; private init; }

    public IReadOnlyList<LotPortail> Lots { get; private init; } = [];

    public IReadOnlyList<LigneARectifier> Rectifications { get; private init; } = [];

    public int NombreRectifications { get; private init; }

    public ContactFacilitateur? Facilitateur { get; private init; }

    /// <summary>The company's lots, in execution first, then by end of execution (paged by the caller, in the database).</summary>
    public static IQueryable<LotDuPortail> LotsDeLEntreprise(ClauseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // No company: nothing (a user without one never reaches the portal, the policy requires it; this is the second lock).
        var entrepriseId = db.Contexte.EntrepriseId;
        return PerimetreLots.DuContexte(db).Where(_ => entrepriseId != null)
            .OrderBy(l => l.Statut != StatutLot.EnExecution).ThenBy(l => l.FinExecution).ThenBy(l => l.Marche.Numero).ThenBy(l => l.Numero).ThenBy(l => l.Id)
            .Select(l => new LotDuPortail(l.Id, l.Numero, l.Libelle, l.Marche.Numero, l.Statut, l.DebutExecution, l.FinExecution,
                db.Attributions.Where(a => a.LotId == l.Id && a.EntrepriseId == entrepriseId).Select(a => (RoleAttribution?)a.Role).FirstOrDefault()));
    }

    /// <summary>The figures, the months to declare of <paramref name="lots"/> (one page), the rejected lines and the facilitateur's contact.</summary>
    public static async Task<AccueilPortail> LireAsync(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge, IReadOnlyList<LotDuPortail> lots,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        ArgumentNullException.ThrowIfNull(lots);
        var structureId = db.Contexte.StructureId;
        var entrepriseId = db.Contexte.EntrepriseId ?? EntrepriseId.De(Guid.Empty);
        var aujourdhui = Affichage.Aujourdhui(horloge);
        var reglages = await ReglagesStructure.LireAsync(db, annulation);

        var ids = lots.Select(l => l.Id).ToList();
        // The very query of the lot page (RequetesHeures.BilansAsync): the same figures, whoever looks.
        var bilans = await requetes.BilansAsync(db.Lots.Where(l => ids.Contains(l.Id)), annulation);

        var enExecution = lots.Where(l => l.Statut == StatutLot.EnExecution).Select(l => l.Id).ToList();
        // The declaration calendar's inputs, read once for the page's lots in execution (the same reading as the reminders).
        var aDeclarer = await new RequetesPortail(db).ContratsADeclarerAsync(enExecution, entrepriseId, annulation);
        var parLot = aDeclarer.SelectMany(g => g.Select(c => (g.Key.Lot, Contrat: c))).ToLookup(x => x.Lot, x => x.Contrat);

        var lignes = lots.Select(l => new LotPortail(l, bilans.TryGetValue(l.Id, out var bilan) ? bilan : BilanHeures.Vide,
                l.Statut == StatutLot.EnExecution
                    ? CalendrierDeclaration.MoisADeclarer(new Periode(l.DebutExecution, l.FinExecution), parLot[l.Id], reglages, aujourdhui)
                    : []))
            .ToList();

        var rejetees = from d in db.DeclarationsHeures.AsNoTracking()
                       join c in db.Contrats on d.ContratId equals c.Id
                       join p in db.Participants on d.ParticipantId equals p.Id
                       join l in db.Lots on d.LotId equals l.Id
                       where d.StructureId == structureId && c.EmployeurId == entrepriseId && d.Statut == StatutDeclaration.Rejetee
                       select new { d, c, p, l };
        var rectifications = await rejetees
            .OrderBy(x => x.d.Mois).ThenBy(x => x.p.Nom).ThenBy(x => x.p.Prenom).ThenBy(x => x.d.Id)
            .Select(x => new
            {
                x.d.Mois,
                x.p.Prenom,
                x.p.Nom,
                LotNumero = x.l.Numero,
                LotLibelle = x.l.Libelle,
                x.d.Minutes,
                Motif = db.VersionsDeclaration.Where(v => v.DeclarationId == x.d.Id && v.Numero == x.d.VersionCourante).Select(v => v.MotifRejet).FirstOrDefault(),
            })
            .Take(RectificationsMax)
            .ToListAsync(annulation);

        var facilitateur = await (from u in db.Users.AsNoTracking()
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where u.StructureId == structureId && u.Actif && r.Name == Roles.Facilitateur
                                  orderby u.NomComplet, u.Id
                                  select new ContactFacilitateur(u.NomComplet, u.Email, u.PhoneNumber))
            .FirstOrDefaultAsync(annulation);

        return new AccueilPortail
        {
            Aujourdhui = aujourdhui,
            Lots = lignes,
            Rectifications = rectifications.Select(r => new LigneARectifier(r.Mois, AccesHeures.Nom(r.Prenom, r.Nom),
                $"Lot {r.LotNumero} — {r.LotLibelle}", new Duree(r.Minutes), r.Motif)).ToList(),
            NombreRectifications = await rejetees.CountAsync(annulation),
            Facilitateur = facilitateur,
        };
    }
}
