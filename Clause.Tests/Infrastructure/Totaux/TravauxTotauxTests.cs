using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Totaux;

/// <summary>
/// The work of the totals' jobs in the real app (without Quartz, as the jobs call it): every structure's dirty months
/// recompiled, then the consistency check; a tampered total makes the check's run fail with the difference named.
/// </summary>
public sealed class TravauxTotauxTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Les_mois_sales_de_chaque_structure_sont_recompiles_puis_verifies_et_un_ecart_fait_echouer_la_verification()
    {
        var (_, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true);
        var contrat = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id));
        await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur, (new(2026, 1), 100), (new(2026, 2), 50));
        var travaux = app.Services.GetRequiredService<TravauxTotaux>();

        var compilation = await travaux.CompilerMoisSalesAsync();

        Assert.Empty(compilation.Echecs ?? []);
        Assert.Equal(0, await LireAsync(structure.Id, db => db.MoisSales.CountAsync()));
        Assert.Equal(2, await LireAsync(structure.Id, db => db.MoisCompiles.CountAsync()));
        var verification = await travaux.VerifierAsync();
        Assert.Empty(verification.Echecs ?? []);

        await LireAsync(structure.Id, db => db.TotauxMensuels.Where(t => t.Niveau == NiveauTotal.Lot && t.Mois == new Mois(2026, 2))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.MinutesComptees, 1L)));
        var echec = Assert.Single((await travaux.VerifierAsync()).Echecs ?? []);
        Assert.Equal(structure.Id, echec.Structure);
        Assert.Contains("1 écart(s)", echec.Erreur.Message, StringComparison.Ordinal);
        Assert.Contains("2026-02", echec.Erreur.Message, StringComparison.Ordinal);
    }

    private async Task<T> LireAsync<T>(StructureId structure, Func<ClauseDbContext, Task<T>> lecture)
    {
        using var portee = app.Services.CreateScope();
        portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirTache("test", structure);
        return await lecture(portee.ServiceProvider.GetRequiredService<ClauseDbContext>());
    }
}
