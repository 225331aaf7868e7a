using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Totaux;

/// <summary>
/// The consistency check of the compiled totals (DOMAIN.md §8: « a check, not a hope »): for every compiled month of the
/// structure that the pages read from the compiled table (not dirty), the stored rows are compared, column by column,
/// with what the lines give now (<see cref="CompilateurTotaux.CalculerAsync"/>, the same rules as the live figures). A
/// difference means a change that did not mark its month, or a row written by hand: it is reported (admin page), never
/// repaired silently — the next compilation of the month repairs it. Dirty months are skipped: they are read live and
/// wait for their recompilation. Acts within the structure of its scope.
/// </summary>
public sealed class VerificationTotaux(ClauseDbContext db, CompilateurTotaux compilateur, TimeProvider horloge)
{
    public async Task<ResultatVerificationTotaux> VerifierAsync(StructureId structure, CancellationToken annulation = default)
    {
        if (db.Contexte.StructureId != structure)
            throw new InvalidOperationException("La vérification des totaux d'une structure se fait dans sa portée (ParStructure).");
        var mois = await db.MoisCompiles.AsNoTracking()
            .Where(c => c.StructureId == structure && !db.MoisSales.Any(m => m.StructureId == structure && m.Mois == c.Mois))
            .Select(c => c.Mois).ToListAsync(annulation).ConfigureAwait(false);
        var ecarts = new List<EcartTotal>();
        foreach (var m in mois.OrderBy(m => m))
        {
            var attendu = await compilateur.CalculerAsync(structure, m, annulation).ConfigureAwait(false);
            var totaux = await db.TotauxMensuels.AsNoTracking().Where(t => t.StructureId == structure && t.Mois == m).ToListAsync(annulation).ConfigureAwait(false);
            var lots = await db.TotauxMensuelsLots.AsNoTracking().Where(t => t.StructureId == structure && t.Mois == m).ToListAsync(annulation).ConfigureAwait(false);
            Comparer(structure, m, "total", attendu.Totaux, totaux,
                t => (t.Niveau, t.CleId), t => (t.MinutesComptees, t.MinutesEnAttente, t.Participants, t.Contrats), ecarts);
            Comparer(structure, m, "répartition", attendu.Lots, lots,
                t => (t.LotId, t.Modalite, t.TypeContrat), t => (t.MinutesComptees, t.MinutesEnAttente, t.Contrats), ecarts);
        }
        return new ResultatVerificationTotaux(horloge.GetUtcNow(), mois.Count, ecarts);
    }

    private static void Comparer<T, TCle, TValeurs>(StructureId structure, Mois mois, string nature, IEnumerable<T> attendus, IEnumerable<T> compiles,
        Func<T, TCle> cle, Func<T, TValeurs> valeurs, List<EcartTotal> ecarts) where TCle : notnull
    {
        var parCle = compiles.ToDictionary(cle, valeurs);
        foreach (var attendu in attendus)
        {
            var k = cle(attendu);
            var v = valeurs(attendu);
            if (!parCle.Remove(k, out var compile))
                ecarts.Add(new EcartTotal(structure, mois, $"{nature} {k} : absent des totaux compilés, attendu {v}"));
            else if (!Equals(compile, v))
                ecarts.Add(new EcartTotal(structure, mois, $"{nature} {k} : compilé {compile}, attendu {v}"));
        }
        foreach (var (k, v) in parCle)
            ecarts.Add(new EcartTotal(structure, mois, $"{nature} {k} : compilé {v}, aucune ligne ne le donne"));
    }
}

/// <summary>What the admin page shows of the last check: when, how many months were compared, the differences.</summary>
public sealed record ResultatVerificationTotaux(DateTimeOffset Le, int MoisVerifies, IReadOnlyList<EcartTotal> Ecarts)
{
    public bool Coherent => Ecarts.Count == 0;
}

/// <summary>One difference between a compiled total and the live sums (month, what, compiled value, expected value).</summary>
public sealed record EcartTotal(StructureId Structure, Mois Mois, string Description);
