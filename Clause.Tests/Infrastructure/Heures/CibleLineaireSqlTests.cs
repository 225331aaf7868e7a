using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure.Heures;

/// <summary>
/// The target line's expression (docs/domain.md §30) evaluated by the database gives the minutes the compiled rule gives
/// (SQLite, real database: a lot of 2026 and one of 2026 → 2029, before, during and after execution), and SQL Server
/// translates it (no client evaluation: the lots' cockpit sorts on it in the database).
/// </summary>
public sealed class CibleLineaireSqlTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Theory]
    [InlineData(2025, 12, 31)]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 2, 28)]
    [InlineData(2026, 7, 15)]
    [InlineData(2027, 3, 31)]
    public async Task SQLite_calcule_le_retard_comme_la_regle_en_memoire(int annee, int mois, int jour)
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsMarches(structure.Id);
        var court = s.UnMarche("2026-001", lots: SituationsMarches.LotF1()).Lots[0];
        var long_ = s.UnMarcheLong(SituationsMarches.LotF1("Peinture"));
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.DonneurOrdre);
        db.Operations.Add(s.Operation);
        db.Marches.AddRange(court.Marche, long_.Marche);
        await db.SaveChangesAsync();
        var date = new DateOnly(annee, mois, jour);

        var lus = await db.Lots.AsNoTracking().OrderBy(l => l.FinExecution)
            .Select(CibleLineaire.RetardDe<Lot>(l => l.DebutExecution, l => l.FinExecution, l => l.HeuresDuesMinutes, l => 600L, date))
            .ToListAsync();

        Assert.Equal(
            new[] { court, long_ }.Select(l => CibleLineaire.Retard(l.DebutExecution, l.FinExecution, l.HeuresDuesMinutes, 600, date).Minutes),
            lus);
    }

    [Fact]
    public void SQL_Server_traduit_l_expression_dans_la_requete()
    {
        var options = new DbContextOptionsBuilder<SqlServerClauseDbContext>().UseSqlServer("Server=localhost;Database=clause;Integrated Security=true").Options;
        using var db = new SqlServerClauseDbContext(options, new ContexteExecution());

        var sql = db.Lots.OrderByDescending(CibleLineaire.RetardDe<Lot>(l => l.DebutExecution, l => l.FinExecution, l => l.HeuresDuesMinutes, l => 0L,
            new DateOnly(2026, 2, 28))).Select(l => l.Id).ToQueryString();

        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("DATEDIFF", sql, StringComparison.OrdinalIgnoreCase);
    }
}
