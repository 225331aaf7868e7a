using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Securite;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;
using Clause.Tests.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Heures;

/// <summary>
/// Issue 17 item 4: the home page's totals come from one grouped command whatever the number of lots in execution, and
/// read the compiled totals for past months (issue 12 item 2) with the very figures the lines give. « Today » is
/// 15/03/2026: January and February are past months.
/// </summary>
public sealed class AccueilTotauxTests(FabriqueApi app) : IClassFixture<FabriqueApi>
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    [Fact]
    public async Task Le_nombre_de_commandes_SQL_de_l_accueil_ne_croit_pas_avec_les_lots_et_les_lignes()
    {
        var (petit, _) = await StructureAsync(1);
        // More lots than the page shows (TableauDeBord.LotsMax), each with lines over three months.
        var (grand, _) = await StructureAsync(Clause.Web.Pages.TableauDeBord.LotsMax + 3);

        var commandesPetit = await CommandesAsync(petit);
        var commandesGrand = await CommandesAsync(grand);

        Assert.Equal(commandesPetit, commandesGrand);
        // 15 before issue 17: the lots' totals are now one command for every lot in execution (11), plus one for the
        // alerts and tasks section of issue 12 (its own partial, _Alertes), plus, since issue 16, the server-side session
        // read that authenticates every request (MagasinSessions: one command, whatever the page), plus, since issue 14, the
        // placement section (AccueilPlacement: non-retained candidates, réglages, open postes without candidate, shortlists
        // waiting — four commands whatever the size).
        Assert.True(commandesGrand <= 17, $"{commandesGrand} commandes SQL pour l'accueil");
    }

    [Fact]
    public async Task L_accueil_montre_les_memes_chiffres_avec_et_sans_totaux_compiles()
    {
        var (client, structureId) = await StructureAsync(3);
        var avant = await ChiffresAsync(client);

        using (var portee = app.Services.CreateScope())
        {
            portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirTache("test", structureId);
            await portee.ServiceProvider.GetRequiredService<CompilateurTotaux>().CompilerMoisRecentsAsync(structureId);
        }
        Assert.Equal(avant, await ChiffresAsync(client));

        // Past months are read from the compiled rows: one changed by hand shows on the page.
        using (var portee = app.Services.CreateScope())
        {
            portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirTache("test", structureId);
            var db = portee.ServiceProvider.GetRequiredService<Clause.Infrastructure.Persistence.ClauseDbContext>();
            Assert.Equal(2, await db.MoisCompiles.CountAsync(m => m.Mois < Mars));
            await db.TotauxMensuelsLots.Where(t => t.Mois == Janvier).ExecuteUpdateAsync(u => u.SetProperty(t => t.MinutesComptees, t => t.MinutesComptees + 60));
        }
        Assert.NotEqual(avant, await ChiffresAsync(client));
    }

    /// <summary>A facilitateur of a new structure with <paramref name="lots"/> lots in execution, each with one contrat and its hours.</summary>
    private async Task<(HttpClient Client, StructureId StructureId)> StructureAsync(int lots)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        LotDeTest? premier = null;
        for (var i = 1; i <= lots; i++)
        {
            var lot = await app.SemerLotAsync(structure.Id, enExecution: true, marches: premier?.Marches, numero: $"2026-{i:000}", titulaire: premier?.Titulaire);
            premier ??= lot;
            var participant = await app.SemerParticipantAsync(structure.Id, "Martin" + i);
            var contrat = await app.SemerContratAsync(lot, participant);
            await app.SemerHeuresAsync(lot, contrat, SituationsContrats.Facilitateur, (Janvier, 100 + i), (Fevrier, 50));
            await app.SemerHeuresAsync(lot, contrat, null, (Mars, 20));
        }
        return (client, structure.Id);
    }

    private async Task<int> CommandesAsync(HttpClient client)
    {
        await client.GetAsync(new Uri("/", UriKind.Relative));
        app.Compteur.Remettre();
        var accueil = await client.PageAsync("/");
        Assert.NotNull(accueil.QuerySelector("#total-lots-execution"));
        return app.Compteur.Requetes;
    }

    private static async Task<string> ChiffresAsync(HttpClient client)
    {
        var accueil = await client.PageAsync("/");
        return accueil.Texte("#total-lots-execution") + "\n" + accueil.Texte("#lots-execution");
    }
}
