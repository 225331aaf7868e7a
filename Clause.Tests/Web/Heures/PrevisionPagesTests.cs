using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Tests.Support;
using Clause.Tests.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Heures;

/// <summary>
/// The forecast on the pages (issue 10 item 2, docs/domain.md « Prévision »): the lot page's « Prévision » and the home
/// page's column show the figures of <c>RequetesHeures.PrevisionsAsync</c>, and the lot whose projection falls under its
/// hours due is flagged in words. « Today » is 15/03/2026 (due day 10): January and February are counted.
/// </summary>
public sealed class PrevisionPagesTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    [Fact]
    public async Task La_page_du_lot_et_l_accueil_montrent_la_prevision_et_signalent_le_lot_sous_l_objectif()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        // 833 h due over 2026 each. Lot A: 100 h + 50 h → 75 h a month, 150 + 75 × 10 = 900 h (108,0 %).
        // Lot B: 20 h + 10 h → 15 h a month, 30 + 15 × 10 = 180 h (21,6 %): under the objective.
        var a = await app.SemerLotAsync(structure.Id, enExecution: true, numero: "2026-001");
        var b = await app.SemerLotAsync(structure.Id, enExecution: true, marches: a.Marches, numero: "2026-002", titulaire: a.Titulaire);
        foreach (var (lot, janvier, fevrier, nom) in new[] { (a, 100, 50, "Martin"), (b, 20, 10, "Durand") })
        {
            var participant = await app.SemerParticipantAsync(structure.Id, nom);
            var contrat = await app.SemerContratAsync(lot, participant);
            await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur, (Janvier, janvier), (Fevrier, fevrier));
            await app.SemerHeuresAsync(lot, contrat, null, (Mars, 40));
        }

        IReadOnlyDictionary<LotId, PrevisionLot> previsions;
        using (var portee = app.Services.CreateScope())
        {
            portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirTache("test", structure.Id);
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            previsions = await portee.ServiceProvider.GetRequiredService<RequetesHeures>().PrevisionsAsync(db.Lots.Where(l => l.StructureId == structure.Id));
        }
        var pa = previsions[a.Lot.Id];
        var pb = previsions[b.Lot.Id];
        Assert.Equal((Duree.Heures(900).Minutes, new Taux(10_800), false), (pa.ProjectionFinMinutes, pa.TauxProjete, pa.SousObjectif));
        Assert.Equal((Duree.Heures(180).Minutes, new Taux(2_160), true), (pb.ProjectionFinMinutes, pb.TauxProjete, pb.SousObjectif));

        var pageA = await client.PageAsync($"/Lots/Details/{a.Lot.Id}");
        Assert.Contains($"{CalculHeuresDues.FormaterHeures(pa.ProjectionFin)} à la fin (108 %)", pageA.Texte("#prevision-projection"), StringComparison.Ordinal);
        Assert.DoesNotContain("sous l'objectif", pageA.Texte("#prevision-lot"), StringComparison.Ordinal);
        Assert.Contains($"{pa.ParMoisNecessaires} par mois pendant 10 mois", pageA.Texte("#prevision-necessaires"), StringComparison.Ordinal);
        var pageB = await client.PageAsync($"/Lots/Details/{b.Lot.Id}");
        Assert.Contains($"{CalculHeuresDues.FormaterHeures(pb.ProjectionFin)} à la fin (21,6 %)", pageB.Texte("#prevision-projection"), StringComparison.Ordinal);
        Assert.Contains("sous l'objectif", pageB.Texte("#prevision-lot"), StringComparison.Ordinal);
        Assert.Contains($"{pb.ParMoisNecessaires} par mois", pageB.Texte("#prevision-necessaires"), StringComparison.Ordinal);

        var accueil = await client.PageAsync("/");
        var lignes = accueil.QuerySelectorAll("#lots-execution tbody tr").ToList();
        var ligneA = Assert.Single(lignes, l => l.TextContent.Contains("2026-001", StringComparison.Ordinal));
        var ligneB = Assert.Single(lignes, l => l.TextContent.Contains("2026-002", StringComparison.Ordinal));
        Assert.Contains($"{CalculHeuresDues.FormaterHeures(pa.ProjectionFin)} à la fin (108 %)", ligneA.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("sous l'objectif", ligneA.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{CalculHeuresDues.FormaterHeures(pb.ProjectionFin)} à la fin (21,6 %)", ligneB.TextContent, StringComparison.Ordinal);
        Assert.Contains("sous l'objectif", ligneB.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_lot_qui_n_est_pas_en_execution_n_a_pas_de_prevision()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id, enExecution: false);

        var page = await client.PageAsync($"/Lots/Details/{lot.Lot.Id}");

        Assert.Null(page.QuerySelector("#prevision-lot"));
        Assert.NotNull(page.QuerySelector("#bilan-heures"));
    }
}
