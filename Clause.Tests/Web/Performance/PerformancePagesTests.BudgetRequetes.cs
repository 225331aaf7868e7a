using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.DonneesDemo;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Performance;

/// <summary>
/// The query budget (issue 17 item 3): every page the facilitateur reaches is requested on the demo, then again — the very
/// same addresses — once the demo structure has grown (more companies, attributions, participants, contrats and hour lines
/// on its lots in execution); the number of SQL commands of each page must not change with the rows.
/// </summary>
public sealed partial class PerformancePagesTests
{
    private const int Croissance = 12;

    [Fact]
    public async Task Le_nombre_de_commandes_sql_de_chaque_page_ne_grandit_pas_avec_les_lignes()
    {
        var facilitateur = SemeurDemo.Comptes.Single(c => c.Role == Clause.Domain.Securite.Roles.Facilitateur);
        var client = await app.ConnecterAsync(facilitateur.Email, facilitateur.MotDePasse);
        app.Collecte.Vider();
        var pages = (await ExplorationSite.ParcourirAsync(client, app.Collecte, maximum: 250))
            .Where(p => p.Statut == System.Net.HttpStatusCode.OK).Select(p => p.Adresse).ToList();
        // The pages of a lot that grows, whichever lot the crawl happened to reach first.
        var lot = await app.LireAsync(db => db.Lots
            .Where(l => l.Statut == StatutLot.EnExecution && db.Structures.Any(s => s.Id == l.StructureId && s.Nom == "PLIE Loire Vallée"))
            .OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
        string[] pagesDuLot = [$"/Lots/Details/{lot}", $"/Heures/Lot/{lot}"];
        // Only those the crawl did not reach: a page requested twice would count its commands twice (the counts are per
        // address), and whether the crawl reaches this lot depends on the generated ids.
        var manquantes = pagesDuLot.Except(pages, StringComparer.Ordinal).ToArray();
        await ExplorationSite.RedemanderAsync(client, app.Collecte, manquantes);
        pages.AddRange(manquantes);
        var avant = Compter(pages);

        await AgrandirAsync();
        app.Collecte.Vider();
        await ExplorationSite.RedemanderAsync(client, app.Collecte, pages);
        var apres = Compter(pages);

        foreach (var forme in pages.GroupBy(ExplorationSite.Forme).Select(g => g.First()).Order(StringComparer.Ordinal))
            sortie.WriteLine($"{avant[forme],3} → {apres[forme],3}  {forme}");
        var croissantes = pages.Where(p => apres[p] > avant[p]).Select(p => $"{p} : {avant[p]} → {apres[p]} commandes").ToList();
        Assert.True(pages.Count > 40, $"L'exploration n'a atteint que {pages.Count} pages.");
        // The lot page came down from 18 commands (issue 17): one query for the lot with its versions and bons, the
        // « propose a contrat » link read from the card.
        Assert.True(avant[pagesDuLot[0]] <= 15, $"La page du lot envoie {avant[pagesDuLot[0]]} commandes SQL (15 au plus).");
        Assert.True(croissantes.Count == 0, "Pages dont le nombre de commandes SQL grandit avec les lignes :" + Environment.NewLine + string.Join(Environment.NewLine, croissantes));
    }

    private Dictionary<string, int> Compter(List<string> pages)
    {
        var parAdresse = app.Collecte.Commandes.GroupBy(c => c.Adresse).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return pages.Distinct().ToDictionary(p => p, p => parAdresse.GetValueOrDefault(p), StringComparer.Ordinal);
    }

    /// <summary>
    /// Grows the demo structure: on each lot in execution, <see cref="Croissance"/> more sous-traitants (new companies with a
    /// contact), participants with a validated contrat over the lot's execution and two months of declared hours.
    /// </summary>
    private async Task AgrandirAsync()
    {
        await app.EcrireAsync(async db =>
        {
            var structure = await db.Structures.Where(s => s.Nom == "PLIE Loire Vallée").Select(s => s.Id).SingleAsync();
            var reglages = Reglages.ParDefaut(structure);
            var lots = await db.Lots.Include(l => l.Attributions).Include(l => l.Obligations)
                .Where(l => l.StructureId == structure && l.Statut == StatutLot.EnExecution).OrderBy(l => l.Id).ToListAsync();
            var auteur = new Auteur(Guid.NewGuid(), "Croissance de test", true);
            var numero = 0;
            foreach (var lot in lots)
            {
                var titulaire = await db.Entreprises.SingleAsync(e => e.Id == lot.Attributaire!.EntrepriseId);
                var mois = Mois.De(lot.DebutExecution);
                for (var i = 0; i < Croissance; i++)
                {
                    numero++;
                    var entreprise = Entreprise.Creer(structure, $"Sous-traitant de test {numero:D3}", AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
                    entreprise.AjouterContact($"Contact {numero}", RoleContactEntreprise.RH, $"contact{numero}@croissance.test", null);
                    db.Entreprises.Add(entreprise);
                    lot.Attribuer(entreprise, RoleAttribution.SousTraitant, lot.DebutExecution);

                    var participant = ParticipantsDeTest.UnParticipant(structure, nom: $"Croissance{numero:D3}", prenom: "Test");
                    var validation = lot.DebutExecution.AddMonths(-1);
                    participant.Valider(validation < new DateOnly(2024, 2, 1) ? new DateOnly(2024, 2, 1) : validation, CategorieEligibilite.RSA);
                    db.Participants.Add(participant);
                    var contrat = Contrat.Proposer(participant, lot, titulaire,
                        SituationsContrats.Donnees(debut: lot.DebutExecution, fin: lot.FinExecution), reglages, auteur, SituationsContrats.Maintenant);
                    contrat.Valider(participant, reglages, null, auteur, SituationsContrats.Maintenant);
                    db.Contrats.Add(contrat);
                    foreach (var m in new[] { mois, mois.Suivant })
                        db.DeclarationsHeures.Add(DeclarationHeures.Declarer(contrat, lot, m, SaisieHeures.EnHeures(Duree.Heures(20)),
                            new SituationMois(0), reglages, auteur, SituationsContrats.Maintenant));
                }
            }
        });
    }
}
