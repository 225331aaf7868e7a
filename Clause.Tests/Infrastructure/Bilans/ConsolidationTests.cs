using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Bilans;

/// <summary>
/// The yearly consolidation (issue 10 item 7) in the real app: its figures are those of the bilan of the whole structure
/// for the year (one truth), plus the distinct marchés, opérations and maîtres d'ouvrage of the lots active in the year
/// (§8): two marchés of one opération of one buyer in 2026, none in 2025 nor 2027; another structure's never counted.
/// </summary>
public sealed class ConsolidationTests : IDisposable
{
    private readonly FabriqueClause _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<StructureId> SemerAsync()
    {
        var structure = await _app.CreerStructureAsync("PLIE du Grand Tours " + Guid.NewGuid().ToString("N")[..4]);
        var s = await _app.SemerOperationAsync(structure.Id);
        await _app.SemerMarcheAsync(s, "2026-001");
        await _app.SemerMarcheAsync(s, "2026-002", lots: [SituationsMarches.LotF1("Charpente", numero: 1), SituationsMarches.LotF1("Couverture", numero: 2)]);
        return structure.Id;
    }

    private async Task<T> CommeDirectionAsync<T>(StructureId structure, Func<IServiceProvider, Task<T>> lecture)
    {
        using var portee = _app.Services.CreateScope();
        portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Contexte.DefinirUtilisateur(Guid.NewGuid(), "Direction de test", structure, null, null);
        return await lecture(portee.ServiceProvider);
    }

    [Fact]
    public async Task Les_marches_operations_et_maitres_d_ouvrage_actifs_dans_l_annee_sont_comptes_une_fois()
    {
        var structure = await SemerAsync();
        await SemerAsync(); // another structure: never counted

        var c2026 = await CommeDirectionAsync(structure, p => p.GetRequiredService<RequetesConsolidation>().ConsolidationAsync(2026));
        var c2027 = await CommeDirectionAsync(structure, p => p.GetRequiredService<RequetesConsolidation>().ConsolidationAsync(2027));

        Assert.Equal((2, 1, 1), (c2026.Chiffres.Marches, c2026.Chiffres.Operations, c2026.Chiffres.MaitresOuvrage));
        Assert.Equal((0, 0, 0), (c2026.Precedente.Marches, c2026.Precedente.Operations, c2026.Precedente.MaitresOuvrage));
        Assert.Null(c2026.Indicateurs.Single(l => l.Libelle == "Marchés").Evolution);
        Assert.Equal((0, 0, 0), (c2027.Chiffres.Marches, c2027.Chiffres.Operations, c2027.Chiffres.MaitresOuvrage));
        Assert.Equal(2, c2027.Precedente.Marches);
        Assert.Equal(new Taux(-10_000), c2027.Indicateurs.Single(l => l.Libelle == "Marchés").Evolution);
        Assert.StartsWith("PLIE du Grand Tours", c2026.Structure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_heures_contrats_participants_entreprises_et_profils_sont_ceux_du_bilan_de_la_structure_sur_l_annee()
    {
        var structure = await SemerAsync();

        var (consolidation, bilan) = await CommeDirectionAsync(structure, async p =>
        {
            var c = await p.GetRequiredService<RequetesConsolidation>().ConsolidationAsync(2026);
            var b = await p.GetRequiredService<RequetesBilans>().BilanAsync(PerimetreBilan.Structure, new PeriodeBilan(new Mois(2026, 1), new Mois(2026, 12)));
            return (c, b!);
        });

        Assert.Equal(bilan.RealiseesMinutes, consolidation.Chiffres.HeuresMinutes);
        Assert.Equal(bilan.Contrats, consolidation.Chiffres.Contrats);
        Assert.Equal(bilan.Participants, consolidation.Chiffres.Participants);
        Assert.Equal(bilan.Entreprises.Total, consolidation.Chiffres.Entreprises);
        Assert.Equal(bilan.Profils.Append(bilan.Situations).Select(d => d.Code), consolidation.Chiffres.Profils.Select(d => d.Code));
        Assert.Equal(bilan.Profils.Append(bilan.Situations).SelectMany(d => d.Cellules.Select(c => c.Nombre)),
            consolidation.Chiffres.Profils.SelectMany(d => d.Cellules.Select(c => c.Nombre)));
    }
}
