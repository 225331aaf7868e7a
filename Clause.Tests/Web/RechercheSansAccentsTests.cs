using System.Net;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

/// <summary>
/// Issue 15 item 6: a search that forgives. Every list and every combobox source finds « Lefèvre », « Hélène »,
/// « Bâtiments du Val » typed « lefevre », « LEFÈVRE », « helene », « batiments du val » — one mechanism, the search
/// columns the entities keep (<see cref="TexteRecherche"/>) compared with the term normalised the same way — on a real
/// SQLite database; a SIRET typed with spaces still matches; a term of 1 000 characters is cut, not an error.
/// </summary>
public class RechercheSansAccentsTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private sealed record Reponse(List<Element> Elements, int Numero, int NombrePages, int Total);

    private sealed record Element(string Id, string Libelle, string? Detail);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Jeu(HttpClient Client, Participant Lefevre, Participant Martin, Entreprise Batiments, Entreprise Autre,
        DonneurOrdre Orleans, SituationsMarches Marches, LotDeTest Lot, LotDeTest AutreLot);

    /// <summary>
    /// A structure with accented names and, for each, a neighbour that must not match: Hélène Lefèvre of Saint-Étienne and
    /// Léa Martin; « Bâtiments du Val » and « Plomberie Castelroussine »; the Métropole d'Orléans and the Ville de Tours;
    /// « Rénovation du quartier Sanitas » (marché 2026-001 « Réhabilitation… », lot « Gros œuvre ») and a second marché.
    /// </summary>
    private async Task<Jeu> SemerAsync()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lefevre = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Lefèvre", prenom: "Hélène");
        lefevre.Modifier(ParticipantsDeTest.Donnees(nom: "Lefèvre", prenom: "Hélène", commune: "Saint-Étienne-de-Chigny"), new DateOnly(2026, 3, 1));
        lefevre.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        var martin = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Martin", prenom: "Léa");
        martin.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        await app.EcrireAsync(db => db.Participants.AddRange(lefevre, martin));

        var s = await app.SemerOperationAsync(structure.Id);
        var batiments = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val", "73282932000074");
        var autre = await app.CreerEntrepriseAsync(structure.Id, "Plomberie Castelroussine", AcheteursDeTest.NouveauSiret());
        var orleans = await app.SemerDonneurAsync(structure.Id, "Métropole d'Orléans", TypeDonneurOrdre.Epci, "Orléans", siret: "35600000049837");
        var lot = await app.SemerLotAsync(structure.Id, enExecution: true, marches: s, titulaire: batiments);
        var autreLot = await app.SemerLotAsync(structure.Id, SituationsMarches.LotF1("Plâtrerie"), enExecution: true, marches: s, numero: "2026-002",
            titulaire: autre);
        await app.SemerContratAsync(lot, lefevre);
        await app.SemerContratAsync(autreLot, martin);
        return new Jeu(client, lefevre, martin, batiments, autre, orleans, s, lot, autreLot);
    }

    private static async Task<string> TexteListeAsync(HttpClient client, string adresse)
    {
        var page = await client.PageAsync(adresse);
        return page.QuerySelector("main")!.TextContent;
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string source, string terme, string? filtre = null)
    {
        var reponse = await client.GetAsync($"/Recherche/{source}?handler=Json&terme={Uri.EscapeDataString(terme)}"
            + (filtre is null ? string.Empty : "&filtre=" + filtre));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        return JsonSerializer.Deserialize<Reponse>(await reponse.Content.ReadAsStringAsync(), Json)!.Elements.Select(e => e.Id).ToList();
    }

    [Fact]
    public async Task Chaque_liste_ignore_les_accents_et_la_casse()
    {
        var j = await SemerAsync();
        var c = j.Client;

        foreach (var terme in new[] { "lefevre", "LEFÈVRE", "Helene", "hélène lefevre", "LEFEVRE  helene" })
        {
            var participants = await TexteListeAsync(c, "/Participants?Recherche=" + Uri.EscapeDataString(terme));
            Assert.Contains("Lefèvre", participants, StringComparison.Ordinal);
            Assert.DoesNotContain("Martin", participants, StringComparison.Ordinal);
        }
        var parCommune = await TexteListeAsync(c, "/Participants?Commune=" + Uri.EscapeDataString("saint etienne"));
        Assert.Contains("Lefèvre", parCommune, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", parCommune, StringComparison.Ordinal);

        foreach (var terme in new[] { "batiments du val", "BÂTIMENTS", "Batiments Val" })
        {
            var entreprises = await TexteListeAsync(c, "/Entreprises?Recherche=" + Uri.EscapeDataString(terme));
            Assert.Contains("Bâtiments du Val", entreprises, StringComparison.Ordinal);
            Assert.DoesNotContain("Plomberie Castelroussine", entreprises, StringComparison.Ordinal);
        }

        foreach (var terme in new[] { "metropole d'orleans", "ORLEANS", "Métropole Orléans" })
        {
            var donneurs = await TexteListeAsync(c, "/DonneursOrdre?q=" + Uri.EscapeDataString(terme));
            Assert.Contains("Métropole d'Orléans", donneurs, StringComparison.Ordinal);
            Assert.DoesNotContain("Ville de Tours", donneurs, StringComparison.Ordinal);
        }

        var operations = await TexteListeAsync(c, "/Operations?q=" + Uri.EscapeDataString("RENOVATION sanitas"));
        Assert.Contains("Rénovation du quartier Sanitas", operations, StringComparison.Ordinal);
        Assert.Contains("Rénovation du quartier Sanitas", await TexteListeAsync(c, "/Operations?q=tours"), StringComparison.Ordinal);
        Assert.DoesNotContain("Rénovation du quartier Sanitas", await TexteListeAsync(c, "/Operations?q=orleans"), StringComparison.Ordinal);

        var marches = await TexteListeAsync(c, "/Marches?q=" + Uri.EscapeDataString("REHABILITATION logements"));
        Assert.Contains("2026-001", marches, StringComparison.Ordinal);
        Assert.Contains("2026-002", marches, StringComparison.Ordinal);
        var unMarche = await TexteListeAsync(c, "/Marches?q=" + Uri.EscapeDataString("rehabilitation 2026-002"));
        Assert.Contains("2026-002", unMarche, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-001", unMarche, StringComparison.Ordinal);

        var contrats = await TexteListeAsync(c, "/Contrats?q=" + Uri.EscapeDataString("HELENE lefevre"));
        Assert.Contains("Lefèvre", contrats, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", contrats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chaque_source_de_combobox_ignore_les_accents_et_la_casse()
    {
        var j = await SemerAsync();
        var c = j.Client;

        Assert.Equal([j.Lefevre.Id.ToString()], await IdsAsync(c, "Participants", "lefevre"));
        Assert.Equal([j.Lefevre.Id.ToString()], await IdsAsync(c, "Participants", "HÉLÈNE"));
        Assert.Equal([j.Batiments.Id.ToString()], await IdsAsync(c, "Entreprises", "batiments du val"));
        Assert.Equal([j.Batiments.Id.ToString()], await IdsAsync(c, "Entreprises", "BATIMENTS"));
        Assert.Equal([j.Orleans.Id.ToString()], await IdsAsync(c, "DonneursOrdre", "metropole orleans"));
        Assert.Equal([j.Marches.Operation.Id.ToString()], await IdsAsync(c, "Operations", "RENOVATION"));
        // An opération is found by its donneur d'ordre too.
        Assert.Equal([j.Marches.Operation.Id.ToString()], await IdsAsync(c, "Operations", "ville de tours"));
        Assert.Equal([j.Lot.Lot.Id.ToString()], await IdsAsync(c, "Lots", "gros oeuvre"));
        Assert.Equal([j.AutreLot.Lot.Id.ToString()], await IdsAsync(c, "Lots", "platrerie", "ouverts"));
        // A lot is found by its marché's number and object.
        Assert.Equal([j.Lot.Lot.Id.ToString(), j.AutreLot.Lot.Id.ToString()], await IdsAsync(c, "Lots", "REHABILITATION"));
        Assert.Equal([j.AutreLot.Lot.Id.ToString()], await IdsAsync(c, "Lots", "2026-002"));
    }

    [Fact]
    public async Task Un_siret_avec_ou_sans_espaces_est_trouve()
    {
        var j = await SemerAsync();
        var c = j.Client;

        foreach (var siret in new[] { "73282932000074", "732 829 320 00074", "732829" })
        {
            Assert.Contains("Bâtiments du Val", await TexteListeAsync(c, "/Entreprises?Recherche=" + Uri.EscapeDataString(siret)), StringComparison.Ordinal);
            Assert.Equal([j.Batiments.Id.ToString()], await IdsAsync(c, "Entreprises", siret));
        }
        foreach (var siret in new[] { "35600000049837", "356 000 000 49837" })
        {
            var donneurs = await TexteListeAsync(c, "/DonneursOrdre?q=" + Uri.EscapeDataString(siret));
            Assert.Contains("Métropole d'Orléans", donneurs, StringComparison.Ordinal);
            Assert.DoesNotContain("Ville de Tours", donneurs, StringComparison.Ordinal);
            Assert.Equal([j.Orleans.Id.ToString()], await IdsAsync(c, "DonneursOrdre", siret));
        }
    }

    [Fact]
    public async Task Un_terme_de_mille_caracteres_est_coupe_sans_erreur()
    {
        var j = await SemerAsync();
        var c = j.Client;
        // « lefèvre » then spaces and « é »: cut at 100 characters, normalised, it still finds the participant.
        var terme = "lefèvre" + new string(' ', 10) + string.Concat(Enumerable.Repeat("é", 990));
        Assert.Equal(1_007, terme.Length);
        foreach (var adresse in new[] { "/Participants?Recherche=", "/Participants?Commune=", "/Entreprises?Recherche=", "/DonneursOrdre?q=",
                     "/Operations?q=", "/Marches?q=", "/Contrats?q=" })
        {
            var reponse = await c.GetAsync(adresse + Uri.EscapeDataString(terme));
            Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        }
        foreach (var source in new[] { "Participants", "Entreprises", "DonneursOrdre", "Operations", "Lots" })
            Assert.Empty(await IdsAsync(c, source, new string('Œ', 1_000)));
        // A term of 1 000 characters made of the name repeated: cut, it still finds the participant (its first words).
        var repete = string.Join(' ', Enumerable.Repeat("LEFÈVRE", 126));
        Assert.True(repete.Length >= 1_000);
        Assert.Equal([j.Lefevre.Id.ToString()], await IdsAsync(c, "Participants", repete));
        Assert.Contains("Lefèvre", await TexteListeAsync(c, "/Participants?Recherche=" + Uri.EscapeDataString(repete)), StringComparison.Ordinal);
        Assert.Contains("Lefèvre", await TexteListeAsync(c, "/Contrats?q=" + Uri.EscapeDataString(repete)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_colonne_suit_une_modification_du_nom_enregistree()
    {
        var j = await SemerAsync();
        var c = j.Client;
        Assert.Empty(await IdsAsync(c, "Entreprises", "elan"));

        var reponse = await FabriqueClause.PosterAsync(c, $"/Entreprises/Modifier/{j.Batiments.Id}", new Dictionary<string, string>
        {
            ["Saisie.RaisonSociale"] = "Élan Maçonnerie",
            ["Saisie.Siret"] = "732 829 320 00074",
            ["Saisie.TypeEmployeur"] = "Classique",
            ["Saisie.CodeNaf"] = "",
            ["Saisie.TrancheEffectif"] = "",
            ["Saisie.Adresse"] = "",
            ["Saisie.CodePostal"] = "",
            ["Saisie.Commune"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);

        var relue = await app.LireBaseAsync(db => db.Entreprises.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == j.Batiments.Id));
        Assert.Equal("elan maconnerie", relue.Recherche);
        Assert.Equal([j.Batiments.Id.ToString()], await IdsAsync(c, "Entreprises", "ELAN macon"));
        Assert.Empty(await IdsAsync(c, "Entreprises", "batiments"));
        // (The first page read after the save shows its confirmation, which names the company.)
        Assert.Contains("Élan Maçonnerie", await TexteListeAsync(c, "/Entreprises?Recherche=ELAN"), StringComparison.Ordinal);
        Assert.DoesNotContain("Élan Maçonnerie", await TexteListeAsync(c, "/Entreprises?Recherche=batiments"), StringComparison.Ordinal);
    }
}
