using System.Net;
using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Relances;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web;

/// <summary>
/// The home page's « Alertes » and « Relances infructueuses » sections (issue 12): each user sees and closes their own
/// alerts — the référent's home included —, the clause's staff see the tasks with the proposed penalty, only a
/// facilitateur closes them; another user's alert, or another structure's task, answers 404.
/// </summary>
public class AlertesAccueilTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private async Task<T> EcrireAsync<T>(Func<Clause.Infrastructure.Persistence.ClauseDbContext, T> creer) where T : class
    {
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<Clause.Infrastructure.Persistence.ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        var entite = creer(db);
        db.Add(entite);
        await db.SaveChangesAsync();
        return entite;
    }

    private Task<Alerte> AlerteAsync(StructureId structure, Guid destinataire, string texte) =>
        EcrireAsync(_ => Alerte.Creer(structure, NatureAlerte.FinContrat, Guid.CreateVersion7(), new DateOnly(2026, 4, 1), destinataire, texte,
            "/Contrats", app.Horloge.GetUtcNow()));

    [Fact]
    public async Task Le_referent_voit_ses_alertes_et_les_marque_traitees()
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var autre = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var sienne = await AlerteAsync(structure.Id, referent.Id, "Le contrat de Julie Lambert finit le 01/04/2026.");
        var pasLaSienne = await AlerteAsync(structure.Id, autre.Id, "Le contrat de Noé Garnier finit le 02/04/2026.");
        var client = await app.ConnecterAsync(referent.Email!);

        var accueil = await client.PageAsync("/");

        Assert.Equal("Alertes", accueil.QuerySelector("#titre-alertes")!.TextContent);
        Assert.Contains("Le contrat de Julie Lambert finit le 01/04/2026.", accueil.Texte("#alertes"), StringComparison.Ordinal);
        Assert.DoesNotContain("Noé Garnier", accueil.Texte("#alertes"), StringComparison.Ordinal);
        Assert.Null(accueil.QuerySelector("#relances-infructueuses")); // tasks: the clause's staff only

        var refus = await client.PosterChampsAsync("/Traiter?handler=Alerte", [new("id", pasLaSienne.Id.ToString())], "/");
        Assert.Equal(HttpStatusCode.NotFound, refus.StatusCode);
        var reponse = await client.PosterChampsAsync("/Traiter?handler=Alerte", [new("id", sienne.Id.ToString())], "/");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.NotNull(await app.LireAsync(db => db.Alertes.Where(a => a.Id == sienne.Id).Select(a => a.TraiteeLe).SingleAsync()));
        Assert.Null(await app.LireAsync(db => db.Alertes.Where(a => a.Id == pasLaSienne.Id).Select(a => a.TraiteeLe).SingleAsync()));
        var apres = await client.PageAsync("/");
        Assert.Contains("Aucune alerte ne vous attend.", apres.Texte("#alertes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_facilitateur_voit_la_relance_infructueuse_et_sa_penalite_et_la_traite()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var marche = await app.SemerMarcheAsync(s);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val SARL", "73282932000074");
        var tache = await EcrireAsync(_ => TacheRelance.Creer(structure.Id, marche.Lots[0].Id, entreprise.Id, new Mois(2026, 1), Duree.Heures(833),
            new Duree(30_030), Montant.Euros(150), app.Horloge.GetUtcNow()));
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var (autreClient, autreStructure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var accueil = await client.PageAsync("/");

        var ligne = SituationsMarches.Espaces(accueil.Texte($"#tache-{tache.Id:N}"));
        Assert.Contains("janvier 2026", ligne, StringComparison.Ordinal);
        Assert.Contains("Bâtiments du Val SARL", ligne, StringComparison.Ordinal);
        Assert.Contains("332,50 h", ligne, StringComparison.Ordinal);
        Assert.Contains("49 875,00 €", ligne, StringComparison.Ordinal);
        Assert.Contains("332,50 h × 150,00 € par heure", ligne, StringComparison.Ordinal);
        // Another structure's facilitateur, or a référent of this one, cannot close it.
        Assert.Equal(HttpStatusCode.NotFound, (await autreClient.PosterChampsAsync("/Traiter?handler=Tache", [new("id", tache.Id.ToString())], "/")).StatusCode);
        var clientReferent = await app.ConnecterAsync(referent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await clientReferent.PosterChampsAsync("/Traiter?handler=Tache", [new("id", tache.Id.ToString())], "/")).StatusCode);
        Assert.Null(await app.LireAsync(db => db.TachesRelance.Where(t => t.Id == tache.Id).Select(t => t.TraiteeLe).SingleAsync()));
        _ = autreStructure;

        var reponse = await client.PosterChampsAsync("/Traiter?handler=Tache", [new("id", tache.Id.ToString())], "/");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var traitee = await app.LireAsync(db => db.TachesRelance.AsNoTracking().SingleAsync(t => t.Id == tache.Id));
        Assert.Equal("Facilitateur de test", traitee.TraiteeParNom);
        Assert.Contains("Aucune déclaration ne manque après deux relances.", (await client.PageAsync("/")).Texte("#relances-infructueuses"), StringComparison.Ordinal);
    }
}
