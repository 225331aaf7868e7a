using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Taches;
using Clause.Tests.Support;
using Clause.Web.Taches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Clause.Tests.Web.Taches;

/// <summary>The app with its Quartz scheduler running (Taches:Actives), on its own SQLite file and fake clock.</summary>
public sealed class FabriquePlanificateur : FabriqueClause
{
    public FabriquePlanificateur() : base("Test") { }

    private FabriquePlanificateur(string dossier) : base("Test", dossier) { }

    /// <summary>An installation in <paramref name="dossier"/>, kept when disposed: the next one is the same app restarted.</summary>
    public static FabriquePlanificateur Dans(string dossier) => new(dossier);

    protected override bool PlanificateurActif => true;

    /// <summary>
    /// Waits for the scheduler to complete a run of <paramref name="cle"/> (it runs on Quartz's own thread); returns the
    /// journal of that job. Waiting for an event, with a deadline that only fails a broken scheduler.
    /// </summary>
    public async Task<List<ExecutionTache>> AttendreExecutionsAsync(string cle, int nombre = 1)
    {
        var limite = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using (var portee = Services.CreateScope())
            {
                var lignes = await portee.ServiceProvider.GetRequiredService<ClauseDbContext>().ExecutionsTaches.AsNoTracking()
                    .Where(e => e.Cle == cle).OrderBy(e => e.DebutLe).ToListAsync();
                if (lignes.Count(e => e.FinLe != null) >= nombre) return lignes;
            }
            Assert.True(DateTime.UtcNow < limite, $"La tâche {cle} n'a pas été exécutée par le planificateur.");
            await Task.Delay(100);
        }
    }

    public async Task<ITrigger?> DeclencheurAsync(string cle)
    {
        var planificateur = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await planificateur.GetTrigger(new TriggerKey(cle));
    }

    public async Task DeposerAsync(string destinataire, string cle)
    {
        using var portee = Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        portee.ServiceProvider.GetRequiredService<BoiteEnvoi>().Deposer(
            new MessageMail(destinataire, "Camille Girard", "Votre accès à Clause", "<p>Bonjour</p>", "Bonjour"), cle);
        await db.SaveChangesAsync();
    }
}

/// <summary>Issue 12 item 6: the admin page lists the jobs and fires one now through Quartz.</summary>
public sealed class PageTachesTests(FabriquePlanificateur app) : IClassFixture<FabriquePlanificateur>
{
    [Fact]
    public async Task L_administrateur_lance_une_tache_maintenant_et_voit_son_resultat()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);
        await app.DeposerAsync("camille.girard@exemple.fr", "test:lancer-maintenant");

        var avant = await client.GetStringAsync("/Admin/Taches");
        Assert.Contains("Envoi des mails en attente", avant, StringComparison.Ordinal);
        Assert.Contains("jamais", avant, StringComparison.Ordinal);
        Assert.Contains("1 en attente, 0 envoyé(s), 0 en échec.", avant, StringComparison.Ordinal);
        Assert.Contains("La vérification n'a pas encore tourné", WebUtility.HtmlDecode(avant), StringComparison.Ordinal);
        // 09:00 UTC on 15/03/2026 is 10:00 in Paris: the every-minute job is next due at 10:01 (the fake clock does not move).
        Assert.Contains("15/03/2026 10:01:00", avant, StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(client, "/Admin/Taches?handler=Lancer&cle=boite-envoi", [], "/Admin/Taches");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);

        var execution = Assert.Single(await app.AttendreExecutionsAsync(TacheBoiteEnvoi.Cle));
        Assert.Equal(DeclenchementTache.Manuel, execution.Declenchement);
        Assert.Equal(ResultatTache.Reussie, execution.Resultat);
        Assert.Equal("1 mail(s) envoyé(s), 0 reporté(s), 0 en échec.", execution.Message);
        Assert.Single(Directory.GetFiles(app.DossierMails, "*.eml"));

        var apres = await client.GetStringAsync("/Admin/Taches");
        Assert.Contains("Lancée à la main", apres, StringComparison.Ordinal);
        Assert.Contains("Réussie", apres, StringComparison.Ordinal);
        Assert.Contains("0 en attente, 1 envoyé(s), 0 en échec.", apres, StringComparison.Ordinal);

        var inconnue = await FabriqueClause.PosterAsync(client, "/Admin/Taches?handler=Lancer&cle=inconnue", [], "/Admin/Taches");
        Assert.Equal(HttpStatusCode.NotFound, inconnue.StatusCode);
    }

    [Fact]
    public async Task La_direction_voit_les_taches_et_les_mails_de_sa_structure_sans_pouvoir_lancer()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var page = await client.GetStringAsync("/Structure/Taches");
        Assert.Contains("Envoi des mails en attente", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Lancer maintenant", page, StringComparison.Ordinal);

        var refus = await FabriqueClause.PosterAsync(client, "/Admin/Taches?handler=Lancer&cle=boite-envoi", [], "/Structure/Taches");
        Assert.Equal(HttpStatusCode.Redirect, refus.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", refus.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotNull(structure);
    }
}

/// <summary>Issue 12 item 7: a fire missed while the app was down runs once at start-up, not once per missed fire.</summary>
public sealed class EcheancesManqueesTests
{
    [Fact]
    public async Task Une_echeance_manquee_pendant_l_arret_s_execute_une_seule_fois_au_redemarrage()
    {
        var dossier = Path.Combine(Path.GetTempPath(), "clause-tests", "rattrapage-" + Guid.NewGuid().ToString("N"));
        try
        {
            DateTimeOffset arret;
            await using (var premier = FabriquePlanificateur.Dans(dossier))
            {
                _ = premier.Server;
                arret = premier.Horloge.GetUtcNow();
                Assert.Equal(arret.AddMinutes(1), (await premier.DeclencheurAsync(TacheBoiteEnvoi.Cle))!.NextFireTimeUtc);
            }

            // Down for five hours: 300 fires of the every-minute job were missed.
            await using var second = FabriquePlanificateur.Dans(dossier);
            second.Horloge.SetUtcNow(arret.AddHours(5));
            _ = second.Server;

            var execution = Assert.Single(await second.AttendreExecutionsAsync(TacheBoiteEnvoi.Cle));
            Assert.Equal(DeclenchementTache.Rattrapage, execution.Declenchement);
            Assert.Equal(arret.AddMinutes(1), execution.PrevuLe); // the first missed fire
            Assert.Equal(ResultatTache.Reussie, execution.Resultat);
            // The schedule goes on from now: nothing else is due (a trigger replaying its missed fires would be in the past).
            Assert.Equal(arret.AddHours(5).AddMinutes(1), (await second.DeclencheurAsync(TacheBoiteEnvoi.Cle))!.NextFireTimeUtc);
            Assert.Single(await second.AttendreExecutionsAsync(TacheBoiteEnvoi.Cle));
        }
        finally
        {
            try { Directory.Delete(dossier, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment. */ }
        }
    }
}
