using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Persistence;

/// <summary>
/// Fills the search columns (<see cref="Clause.Domain.Commun.TexteRecherche"/>) of the rows written before they existed
/// (migration S11ListesRecherche adds them empty): a database in service — migrated at start-up or by the DBA's script
/// (db/clause-sqlserver.sql) — finds its old records without accents from its first start on. A migration cannot run the
/// normalisation (neither SQLite nor SQL Server has it), so the start-up does (<c>Demarrage.PreparerBaseAsync</c>, after
/// the migrations), with the entities' own rules (<c>RechercheDe</c>): a row is the same whether the backfill or the
/// entity wrote it. Only rows whose column is empty are read, so a start after the first reads nothing; the writes are
/// set-based updates of the search columns only (no entity saved: no audit row, no domain event), in transactions of
/// <see cref="TailleLot"/> rows. Every structure at once (<c>IgnoreQueryFilters</c>, tagged).
/// </summary>
public static class RemplissageRecherche
{
    public const int TailleLot = 500;

    /// <summary>Fills every empty search column; returns the number of rows written.</summary>
    public static async Task<int> RemplirAsync(ClauseDbContext db, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = 0;

        var participants = await db.Participants.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(p => p.Recherche == string.Empty || p.RechercheCommune == string.Empty)
            .Select(p => new { p.Id, p.Nom, p.Prenom, p.Commune }).ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, participants, p => db.Participants.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(x => x.Id == p.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recherche, Participant.RechercheDe(p.Nom, p.Prenom))
                .SetProperty(x => x.RechercheCommune, Clause.Domain.Commun.TexteRecherche.Normaliser(p.Commune)), annulation), annulation).ConfigureAwait(false);

        var entreprises = await db.Entreprises.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(e => e.Recherche == string.Empty).Select(e => new { e.Id, e.RaisonSociale }).ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, entreprises, e => db.Entreprises.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(x => x.Id == e.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recherche, Entreprise.RechercheDe(e.RaisonSociale)), annulation), annulation).ConfigureAwait(false);

        var donneurs = await db.DonneursOrdre.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(d => d.Recherche == string.Empty).Select(d => new { d.Id, d.RaisonSociale, d.Commune }).ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, donneurs, d => db.DonneursOrdre.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(x => x.Id == d.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recherche, DonneurOrdre.RechercheDe(d.RaisonSociale, d.Commune)), annulation), annulation).ConfigureAwait(false);

        var operations = await db.Operations.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(o => o.Recherche == string.Empty).Select(o => new { o.Id, o.Nom, o.Commune }).ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, operations, o => db.Operations.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(x => x.Id == o.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recherche, Operation.RechercheDe(o.Nom, o.Commune)), annulation), annulation).ConfigureAwait(false);

        var marches = await db.Marches.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(m => m.Recherche == string.Empty).Select(m => new { m.Id, m.Numero, m.Objet }).ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, marches, m => db.Marches.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(x => x.Id == m.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recherche, Marche.RechercheDe(m.Numero, m.Objet)), annulation), annulation).ConfigureAwait(false);

        var lots = await db.Lots.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(l => l.Recherche == string.Empty).Select(l => new { l.Id, l.Libelle }).ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, lots, l => db.Lots.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures)
            .Where(x => x.Id == l.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recherche, Lot.RechercheDe(l.Libelle)), annulation), annulation).ConfigureAwait(false);

        // A global table: no tenant filter to set aside.
        var structures = await db.Structures.Where(s => s.Recherche == string.Empty).Select(s => new { s.Id, s.Nom, s.Commune })
            .ToListAsync(annulation).ConfigureAwait(false);
        total += await EcrireAsync(db, structures, s => db.Structures.Where(x => x.Id == s.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Recherche, Structure.RechercheDe(s.Nom, s.Commune)), annulation), annulation).ConfigureAwait(false);

        return total;
    }

    /// <summary>One update per row, <see cref="TailleLot"/> rows per transaction.</summary>
    private static async Task<int> EcrireAsync<T>(ClauseDbContext db, IReadOnlyList<T> lignes, Func<T, Task<int>> ecrire, CancellationToken annulation)
    {
        var ecrites = 0;
        foreach (var lot in lignes.Chunk(TailleLot))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false);
            foreach (var ligne in lot) ecrites += await ecrire(ligne).ConfigureAwait(false);
            await transaction.CommitAsync(annulation).ConfigureAwait(false);
        }
        return ecrites;
    }
}
