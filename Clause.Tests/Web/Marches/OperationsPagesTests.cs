using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Operations;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web.Marches;

/// <summary>The opération pages, posting the real forms against the real app and database.</summary>
public class OperationsPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static Dictionary<string, string> Formulaire(DonneurOrdreId donneurId, string nom = "Renouvellement urbain du Sanitas", string commune = "Tours",
        string objectif = "5", string debut = "2026-01-01", string fin = "2029-12-31") => new()
        {
            ["Saisie.DonneurOrdreId"] = donneurId.ToString(),
            ["Saisie.Nom"] = nom,
            ["Saisie.Commune"] = commune,
            ["Saisie.DebutPrevisionnel"] = debut,
            ["Saisie.FinPrevisionnelle"] = fin,
            ["Saisie.Programme"] = "Npnru",
            ["Saisie.EnQpv"] = "true",
            ["Saisie.CodeQpv"] = "qp 037005",
            ["Saisie.ObjectifPartQpv"] = objectif,
        };

    private Task<int> CompterOperationsAsync(StructureId structureId) =>
        app.LireBaseAsync(db => db.Operations.IgnoreQueryFilters().CountAsync(o => o.StructureId == structureId));

    [Fact]
    public async Task Facilitateur_cree_une_operation_puis_la_retrouve_par_la_recherche_et_les_filtres()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var donneur = await app.SemerDonneurAsync(structure.Id, "Tours Métropole Val de Loire", TypeDonneurOrdre.Epci);

        var formulaire = await client.PageAsync("/Operations/Creer");
        Assert.Equal("Nom de l'opération", formulaire.QuerySelector("label[for=Saisie_Nom]")!.FirstChild!.TextContent.Trim());
        var reponse = await FabriqueClause.PosterAsync(client, "/Operations/Creer", Formulaire(donneur.Id));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var operation = await app.LireBaseAsync(db => db.Operations.AsNoTracking().SingleAsync(o => o.StructureId == structure.Id));
        Assert.Equal($"/Operations/Details/{operation.Id}", reponse.Headers.Location!.OriginalString);
        Assert.Equal(StatutOperation.Reperee, operation.Statut);
        Assert.Equal("QP037005", operation.CodeQpv);
        Assert.Equal(500, operation.ObjectifPartQpvPdb);
        Assert.Equal(donneur.Id, operation.DonneurOrdreId);

        var fiche = await client.PageAsync(reponse.Headers.Location.OriginalString);
        Assert.Equal("Renouvellement urbain du Sanitas", fiche.QuerySelector("h1")!.TextContent);
        Assert.Contains("Tours Métropole Val de Loire", fiche.Texte("dl.fiche"), StringComparison.Ordinal);
        Assert.Contains("Oui — QP037005", fiche.Texte("dl.fiche"), StringComparison.Ordinal);
        Assert.Contains("Création", fiche.Texte("section.historique"), StringComparison.Ordinal);

        foreach (var filtre in new[] { "q=sanitas", "q=TOURS", $"donneur={donneur.Id}", "programme=ru", "programme=Npnru", "qpv=oui", "statut=Reperee" })
            Assert.Contains("Renouvellement urbain du Sanitas", (await client.PageAsync("/Operations?" + filtre)).PremiereColonne());
        foreach (var filtre in new[] { "q=Amboise", $"donneur={Guid.NewGuid()}", "programme=Aucun", "programme=Anru", "qpv=non", "statut=Validee" })
            Assert.Empty((await client.PageAsync("/Operations?" + filtre)).PremiereColonne());
    }

    [Fact]
    public async Task Liste_paginee_et_triee_cote_serveur()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        await app.EcrireAsync(db =>
        {
            for (var i = 1; i <= 22; i++)
            {
                var operation = Operation.Creer(s.DonneurOrdre, $"Opération {i:00}", i == 5 ? "Amboise" : "Tours", null, null, ProgrammeRenouvellement.Aucun, false, null, null);
                if (i == 9) operation.Valider();
                db.Operations.Add(operation);
            }
        });

        var page1 = await client.PageAsync("/Operations?q=Op%C3%A9ration");
        Assert.Equal(20, page1.PremiereColonne().Count);
        Assert.Contains("22 opérations", page1.Body!.TextContent, StringComparison.Ordinal);
        var page2 = await client.PageAsync(page1.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(["Opération 21", "Opération 22"], page2.PremiereColonne());
        Assert.Equal("Opération 22", (await client.PageAsync("/Operations?q=Op%C3%A9ration&tri=nom&ordre=desc")).PremiereColonne()[0]);
        Assert.Equal("Opération 05", (await client.PageAsync("/Operations?q=Op%C3%A9ration&tri=commune")).PremiereColonne()[0]);
        // Statuses sort in pipeline order (Validée after Repérée), not alphabetically.
        Assert.Equal("Opération 09", (await client.PageAsync("/Operations?q=Op%C3%A9ration&tri=statut&ordre=desc")).PremiereColonne()[0]);
    }

    [Fact]
    public async Task Le_statut_avance_d_une_etape_et_revient_en_arriere_avec_un_motif()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var id = s.Operation.Id;
        var fiche = await client.PageAsync($"/Operations/Details/{id}");
        Assert.Contains("Passer au statut « Validée »", fiche.Texte("section[aria-labelledby=titre-statut]"), StringComparison.Ordinal);

        var avance = await FabriqueClause.PosterAsync(client, $"/Operations/Statut/{id}", new() { ["Saisie.Cible"] = "Validee" }, $"/Operations/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, avance.StatusCode);
        Assert.Equal(StatutOperation.Validee, await StatutAsync(id));

        // Skipping a step is refused in French, nothing written.
        var saut = await FabriqueClause.PosterAsync(client, $"/Operations/Statut/{id}", new() { ["Saisie.Cible"] = "EnExecution" }, $"/Operations/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, saut.StatusCode);
        Assert.Contains("ne peut pas passer au statut « En exécution »", (await AcheteursDeTest.DocumentAsync(saut)).ErreurDuChamp("Saisie.Cible"), StringComparison.Ordinal);
        Assert.Equal(StatutOperation.Validee, await StatutAsync(id));

        // Going back asks for a reason.
        var retour = await client.PageAsync($"/Operations/Statut/{id}?cible=Reperee");
        Assert.Equal("Revenir au statut « Repérée »", retour.QuerySelector("h1")!.TextContent);
        Assert.NotNull(retour.QuerySelector("textarea[name='Saisie.Motif']"));
        var sansMotif = await FabriqueClause.PosterAsync(client, $"/Operations/Statut/{id}", new() { ["Saisie.Cible"] = "Reperee", ["Saisie.Motif"] = " " },
            $"/Operations/Statut/{id}?cible=Reperee");
        Assert.Equal("Le champ « Motif du retour » est obligatoire.", (await AcheteursDeTest.DocumentAsync(sansMotif)).ErreurDuChamp("Saisie.Motif"));
        Assert.Equal(StatutOperation.Validee, await StatutAsync(id));

        var avecMotif = await FabriqueClause.PosterAsync(client, $"/Operations/Statut/{id}",
            new() { ["Saisie.Cible"] = "Reperee", ["Saisie.Motif"] = "Validée par erreur avant le comité de pilotage" }, $"/Operations/Statut/{id}?cible=Reperee");
        Assert.Equal(HttpStatusCode.Redirect, avecMotif.StatusCode);
        var operation = await app.LireBaseAsync(db => db.Operations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(StatutOperation.Reperee, operation.Statut);
        Assert.Equal("Validée par erreur avant le comité de pilotage", operation.MotifRetour);
        var historique = (await client.PageAsync($"/Operations/Details/{id}")).Texte("section.historique");
        Assert.Contains("Validée → Repérée", historique, StringComparison.Ordinal);
    }

    private Task<StatutOperation> StatutAsync(OperationId id) =>
        app.LireBaseAsync(db => db.Operations.Where(o => o.Id == id).Select(o => o.Statut).SingleAsync());

    [Theory]
    [InlineData("objectif", "150", "Saisie.ObjectifPartQpv", "L'objectif de part QPV doit être compris entre 0 et 100 %.")]
    [InlineData("objectif", "cinq", "Saisie.ObjectifPartQpv", "Le champ « Objectif de part QPV » doit être un pourcentage écrit en chiffres, avec au plus 2 décimales (exemple : 5 ou 12,5).")]
    [InlineData("nom", "201", "Saisie.Nom", "Le champ « Nom de l'opération » ne doit pas dépasser 200 caractères.")]
    [InlineData("nom", "", "Saisie.Nom", "Le champ « Nom de l'opération » est obligatoire.")]
    [InlineData("fin", "2025-12-31", "Saisie.FinPrevisionnelle", "La fin prévisionnelle doit être postérieure ou égale au début prévisionnel.")]
    public async Task Saisie_invalide_refusee_en_nommant_le_champ_sans_rien_ecrire(string champ, string valeur, string cle, string message)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var donneur = await app.SemerDonneurAsync(structure.Id, "Ville de Joué-lès-Tours");
        var formulaire = champ switch
        {
            "objectif" => Formulaire(donneur.Id, objectif: valeur),
            "nom" => Formulaire(donneur.Id, nom: valeur == "201" ? new string('N', 201) : valeur),
            _ => Formulaire(donneur.Id, fin: valeur),
        };

        var reponse = await FabriqueClause.PosterAsync(client, "/Operations/Creer", formulaire);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal(message, page.ErreurDuChamp(cle));
        Assert.Contains(message, page.QuerySelector("#resume-erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CompterOperationsAsync(structure.Id));
    }

    [Fact]
    public async Task Modifier_change_les_champs_mais_pas_le_donneur_d_ordre()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        var autre = await app.SemerDonneurAsync(structure.Id, "Tours Habitat");

        var formulaire = await client.PageAsync($"/Operations/Modifier/{s.Operation.Id}");
        Assert.Equal("5", ((AngleSharp.Html.Dom.IHtmlInputElement)formulaire.QuerySelector("#Saisie_ObjectifPartQpv")!).Value);
        var reponse = await FabriqueClause.PosterAsync(client, $"/Operations/Modifier/{s.Operation.Id}",
            Formulaire(autre.Id, nom: "Sanitas — tranche 2", objectif: "10"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var operation = await app.LireBaseAsync(db => db.Operations.AsNoTracking().SingleAsync(o => o.Id == s.Operation.Id));
        Assert.Equal("Sanitas — tranche 2", operation.Nom);
        Assert.Equal(1_000, operation.ObjectifPartQpvPdb);
        Assert.Equal(s.DonneurOrdre.Id, operation.DonneurOrdreId);
    }

    [Fact]
    public async Task La_fiche_liste_les_marches_avec_leur_nombre_de_lots_et_leurs_heures_dues()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var s = await app.SemerOperationAsync(structure.Id);
        // 833 h + 500 000 € × 50 % × 5 % / 30 € = 416,67 → 417 h.
        await app.SemerMarcheAsync(s, "2026-010", euros: 1_500_000, lots: [SituationsMarches.LotF1("Gros œuvre"), SituationsMarches.LotF1("Peinture", 500_000)]);

        var fiche = await client.PageAsync($"/Operations/Details/{s.Operation.Id}");

        var ligne = Assert.Single(fiche.QuerySelectorAll("section[aria-labelledby=titre-marches] tbody tr"));
        var cellules = ligne.QuerySelectorAll("td").Select(c => SituationsMarches.Espaces(c.TextContent.Trim())).ToList();
        Assert.Equal("2026-010", cellules[0]);
        Assert.Equal("1 500 000,00 €", cellules[4]);
        Assert.Equal("2", cellules[5]);
        Assert.Equal("1 250 h", cellules[6]);
    }

    [Fact]
    public async Task Operation_d_une_autre_structure_repond_404_en_lecture_et_en_ecriture()
    {
        var ailleurs = await app.SemerOperationAsync((await app.CreerStructureAsync()).Id);
        var etrangere = ailleurs.Operation.Id;
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var mienne = (await app.SemerOperationAsync(structure.Id)).Operation.Id;

        foreach (var url in new[] { $"/Operations/Details/{etrangere}", $"/Operations/Modifier/{etrangere}", $"/Operations/Statut/{etrangere}?cible=Validee" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        var modification = await FabriqueClause.PosterAsync(client, $"/Operations/Modifier/{etrangere}",
            Formulaire(ailleurs.DonneurOrdre.Id, nom: "Piratée"), $"/Operations/Modifier/{mienne}");
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        var statut = await FabriqueClause.PosterAsync(client, $"/Operations/Statut/{etrangere}", new() { ["Saisie.Cible"] = "Validee" }, $"/Operations/Details/{mienne}");
        Assert.Equal(HttpStatusCode.NotFound, statut.StatusCode);
        // A donneur d'ordre of another structure cannot receive an opération either.
        var creation = await FabriqueClause.PosterAsync(client, "/Operations/Creer", Formulaire(ailleurs.DonneurOrdre.Id));
        Assert.Equal("Choisissez un donneur d'ordre dans la liste.", (await AcheteursDeTest.DocumentAsync(creation)).ErreurDuChamp("Saisie.DonneurOrdreId"));

        var intacte = await app.LireBaseAsync(db => db.Operations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == etrangere));
        Assert.Equal("Rénovation du quartier Sanitas", intacte.Nom);
        Assert.Equal(StatutOperation.Reperee, intacte.Statut);
        Assert.Equal(1, await CompterOperationsAsync(structure.Id));
    }

    [Fact]
    public async Task Direction_lit_mais_ne_peut_ni_creer_ni_modifier_ni_changer_le_statut()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var s = await app.SemerOperationAsync(structure.Id);
        var id = s.Operation.Id;

        Assert.Contains("Rénovation du quartier Sanitas", (await client.PageAsync("/Operations")).PremiereColonne());
        var fiche = await client.PageAsync($"/Operations/Details/{id}");
        Assert.Null(fiche.QuerySelector($"a[href='/Operations/Modifier/{id}']"));
        Assert.Empty(fiche.QuerySelectorAll("section[aria-labelledby=titre-statut] form"));

        foreach (var url in new[] { "/Operations/Creer", $"/Operations/Modifier/{id}", $"/Operations/Statut/{id}?cible=Validee" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        var statut = await FabriqueClause.PosterAsync(client, $"/Operations/Statut/{id}", new() { ["Saisie.Cible"] = "Validee" }, $"/Operations/Details/{id}");
        Assert.StartsWith("/Compte/AccesRefuse", statut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(statut.Headers.Location)).StatusCode);
        Assert.Equal(StatutOperation.Reperee, await StatutAsync(id));
    }

    [Theory]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Administrateur)]
    public async Task Roles_hors_lecture_clause_sont_refuses(string role)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(role);
        var s = await app.SemerOperationAsync(structure.Id);
        var marche = await app.SemerMarcheAsync(s);

        foreach (var url in new[] { "/Operations", $"/Operations/Details/{s.Operation.Id}", "/Marches", $"/Marches/Details/{marche.Id}", $"/Lots/Details/{marche.Lots[0].Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(reponse.Headers.Location)).StatusCode);
        }
    }
}
