using Clause.Domain.Commun;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Performance;

/// <summary>
/// The tenant filter on its own (issue 17 item 1), table by table, on the same two structures: a context of one structure
/// reads exactly that structure's rows of the table — none of the other's — through the app's filtered context.
/// </summary>
public sealed partial class PerformancePagesTests
{
    /// <summary>Every tenant-owned class of the model (Domain and Infrastructure), one test case each.</summary>
    public static TheoryData<string> TablesDeLaTenanceParType() => new(TypesDeLaTenance().Select(t => t.FullName!));

    private static IEnumerable<Type> TypesDeLaTenance() =>
        new[] { typeof(IAppartientStructure).Assembly, typeof(Clause.Infrastructure.Persistence.ClauseDbContext).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAppartientStructure).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(TablesDeLaTenanceParType))]
    public async Task Une_structure_ne_lit_que_ses_propres_lignes_de_chaque_table(string nomType)
    {
        await SecondeStructureAsync();
        await ToutesLesTablesRempliesAsync();
        var type = TypesDeLaTenance().Single(t => t.FullName == nomType);
        var lire = typeof(PerformancePagesTests).GetMethod(nameof(StructuresLuesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type);

        await using var toutes = app.ToutesStructures();
        var lignes = await (Task<List<StructureId>>)lire.Invoke(null, [toutes])!;
        var structures = await toutes.Structures.Select(s => s.Id).ToListAsync();
        Assert.Equal(2, structures.Count);
        Assert.True(lignes.Count > 0, $"La table de {type.Name} est vide : le test ne prouverait rien.");
        foreach (var structure in structures)
        {
            var vues = await app.LireEnTantQueAsync(structure, db => (Task<List<StructureId>>)lire.Invoke(null, [db])!);
            Assert.All(vues, s => Assert.Equal(structure, s));
            Assert.Equal(lignes.Count(s => s == structure), vues.Count);
        }
    }

    private static Task<List<StructureId>> StructuresLuesAsync<T>(Clause.Infrastructure.Persistence.ClauseDbContext db) where T : class, IAppartientStructure =>
        db.Set<T>().AsNoTracking().Select(e => e.StructureId).ToListAsync();

    /// <summary>
    /// The demo leaves a few tables empty: a personal access token and a proof's download fill them, a compiled month fills
    /// the totals, and one reminder, one "relance infructueuse" task and one alert (written by their domain factories)
    /// fill the jobs' tables, one bilan send fills its journal, and an access export the participants' requests.
    /// </summary>
    private async Task ToutesLesTablesRempliesAsync()
    {
        if (await app.LireAsync(db => db.JetonsAcces.AnyAsync())) return;
        await LignesDesTachesAsync();
        await PlacementAsync();
        await ParcoursEtImportAsync();
        var direction = await app.LireAsync(db => db.Users.SingleAsync(u => u.Email == "direction@clause.demo"));
        await app.CreerJetonAsync(direction, "tenance");
        var piece = await app.LireAsync(db => db.PiecesJustificatives.Select(p => p.Id).FirstAsync());
        var client = await app.ConnecterAsync("facilitateur@clause.demo", Clause.Infrastructure.DonneesDemo.SemeurDemo.MotDePasse);
        using var reponse = await client.GetAsync($"/Pieces/Telecharger/{piece}");
        Assert.Equal(System.Net.HttpStatusCode.OK, reponse.StatusCode);
        // An access export (issue 16 item 11) fills the participants' requests.
        var structure = await app.LireAsync(db => db.Users.Where(u => u.Email == "facilitateur@clause.demo").Select(u => u.StructureId).SingleAsync());
        var participant = await app.LireAsync(db => db.Participants.IgnoreQueryFilters().Where(p => p.StructureId == structure).Select(p => p.Id).FirstAsync());
        using var export = await client.GetAsync($"/Participants/DroitsPersonne/Acces/{participant}?handler=Json");
        Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
    }

    /// <summary>The demo has no placement yet (issue 14): a poste on a lot in execution and one candidature fill its two tables.</summary>
    private async Task PlacementAsync()
    {
        var structure = (await app.LireAsync(db => db.Users.SingleAsync(u => u.Email == "facilitateur@clause.demo"))).StructureId!.Value;
        await app.EcrireAsync(async db =>
        {
            var lot = await db.Lots.IgnoreQueryFilters().Include(l => l.Attributions)
                .Where(l => l.StructureId == structure && l.Statut == Clause.Domain.Marches.StatutLot.EnExecution).OrderBy(l => l.Id).FirstAsync();
            var participant = await db.Participants.IgnoreQueryFilters().Include(p => p.Decisions)
                .Where(p => p.StructureId == structure && p.AnonymiseLe == null).OrderBy(p => p.Id).FirstAsync();
            var poste = Clause.Domain.Placement.PosteAPourvoir.Creer(lot, lot.Attributions[0].EntrepriseId,
                new Clause.Domain.Placement.DonneesPoste("Maçon VRD", null, 1, Clause.Domain.Contrats.TypeContrat.CDD, lot.DebutExecution, null, null, null),
                SituationsContrats.Facilitateur, app.Horloge.GetUtcNow());
            db.PostesAPourvoir.Add(poste);
            db.Candidatures.Add(Clause.Domain.Placement.Candidature.Proposer(poste, participant, "candidat@exemple.fr", null,
                Clause.Domain.Structures.Reglages.ParDefaut(structure), SituationsContrats.Facilitateur, app.Horloge.GetUtcNow()));
        });
    }

    /// <summary>
    /// The demo has no parcours (issue 13) and no import (issue 11) yet: one parcours with an étape for a participant of the
    /// demo référent, and one import run with its link, fill their four tables.
    /// </summary>
    private async Task ParcoursEtImportAsync()
    {
        var referent = await app.LireAsync(db => db.Users.SingleAsync(u => u.Email == "referent@clause.demo"));
        var structure = referent.StructureId!.Value;
        var aujourdhui = DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime);
        await app.EcrireAsync(async db =>
        {
            var participant = await db.Participants.IgnoreQueryFilters().Include(p => p.Decisions)
                .Where(p => p.StructureId == structure && p.AnonymiseLe == null).OrderBy(p => p.Id).FirstAsync();
            var parcours = Clause.Domain.Parcours.Parcours.Ouvrir(participant,
                new Clause.Domain.Parcours.DonneesOuverture(referent.Id, aujourdhui.AddMonths(-2), null, Clause.Domain.Parcours.TrancheInactivite.MoinsUnAn),
                new Clause.Domain.Parcours.ReferentCandidat(referent.Id, structure, true), false, aujourdhui);
            parcours.AjouterEtape(new Clause.Domain.Parcours.DonneesEtape(Clause.Domain.Parcours.TypeEtape.Mobilisation, aujourdhui.AddMonths(-2), null,
                "Atelier Tremplin", true, null));
            db.Parcours.Add(parcours);
            var journal = new Clause.Infrastructure.Import.JournalImport
            {
                StructureId = structure,
                Quand = app.Horloge.GetUtcNow(),
                NomUtilisateur = "Facilitateur de démonstration",
                NomFichier = "reprise.xlsx",
                Resultat = Clause.Infrastructure.Import.ResultatImport.Importe,
            };
            db.JournauxImport.Add(journal);
            db.LiensImport.Add(new Clause.Infrastructure.Import.LienImport { StructureId = structure, Feuille = "Participants", Ref = "P-1", EnregistrementId = participant.Id.Valeur });
        });
    }

    private async Task LignesDesTachesAsync()
    {
        var facilitateur = await app.LireAsync(db => db.Users.SingleAsync(u => u.Email == "facilitateur@clause.demo"));
        var structure = facilitateur.StructureId!.Value;
        var attribution = await app.LireAsync(db => db.Set<Clause.Domain.Marches.Attribution>().IgnoreQueryFilters()
            .Where(a => a.StructureId == structure).OrderBy(a => a.Id).Select(a => new { a.LotId, a.EntrepriseId }).FirstAsync());
        var contact = await app.LireAsync(db => db.Entreprises.IgnoreQueryFilters().Where(e => e.Id == attribution.EntrepriseId)
            .SelectMany(e => e.Contacts).Select(c => c.Id).FirstAsync());
        var mois = Mois.De(DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime).AddMonths(-1));
        var le = app.Horloge.GetUtcNow();
        var donneur = await app.LireAsync(db => db.DonneursOrdre.IgnoreQueryFilters().Where(d => d.StructureId == structure)
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        await app.EcrireAsync(db =>
        {
            db.RelancesDeclaration.Add(Clause.Domain.Relances.RelanceDeclaration.Creer(structure, attribution.EntrepriseId, contact,
                attribution.LotId, mois, Clause.Domain.Relances.RangRelance.Premiere, "contact@exemple.fr", le));
            db.TachesRelance.Add(Clause.Domain.Relances.TacheRelance.Creer(structure, attribution.LotId, attribution.EntrepriseId, mois,
                Duree.Heures(100), Duree.Heures(10), null, le));
            db.Alertes.Add(Clause.Domain.Alertes.Alerte.Creer(structure, Clause.Domain.Alertes.NatureAlerte.LotEnRetard,
                attribution.LotId.Valeur, DateOnly.FromDateTime(le.UtcDateTime), facilitateur.Id, "Lot en retard", "/", le));
            db.EnvoisBilans.Add(Clause.Domain.Bilans.EnvoiBilan.Creer(structure, donneur,
                new Clause.Domain.Bilans.PerimetreBilan(Clause.Domain.Bilans.Perimetre.DonneurOrdre, donneur.Valeur), "Donneur d'ordre",
                new Clause.Domain.Bilans.PeriodeBilan(mois, mois), [("Camille Girard", "camille.girard@exemple.fr")], "bilan.xlsx", facilitateur.Id,
                "Facilitateur", le));
        });
        using var portee = app.Services.CreateScope();
        portee.ServiceProvider.GetRequiredService<Clause.Infrastructure.Securite.ContexteExecution>().DefinirTache("tests", structure);
        await portee.ServiceProvider.GetRequiredService<Clause.Infrastructure.Totaux.CompilateurTotaux>().CompilerAsync(structure, mois);
    }
}
