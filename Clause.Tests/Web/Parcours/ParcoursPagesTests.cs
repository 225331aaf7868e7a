using System.Net;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Parcours;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ParcoursPlie = Clause.Domain.Parcours.Parcours;

namespace Clause.Tests.Web.Parcours;

/// <summary>
/// The parcours pages (issue 13): the référent opens, adds an étape, closes, reopens — each « Bad input » a French message
/// beside its field with nothing written; a validated clause contrat shows as an étape (and disappears when refused); the
/// 6-month rule with the app's fake clock; another référent's participant and another structure's parcours are 404; the
/// TH category is shown to the Facilitateur only. "Now" is 15/03/2026.
/// </summary>
public class ParcoursPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Le_referent_ouvre_un_parcours_depuis_la_fiche_et_un_second_est_refuse()
    {
        var s = await app.SituationAsync();
        var fiche = await s.Client.PageAsync($"/Participants/Details/{s.Participant.Id}");
        Assert.NotNull(fiche.QuerySelector($"a[href='/Parcours/Ouvrir/{s.Participant.Id}']"));

        var id = await ParcoursDeTest.OuvrirAsync(s);

        var details = await s.Client.PageAsync($"/Parcours/Details/{id}");
        Assert.Equal("Ouvert", details.Texte("#parcours-etat"));
        Assert.Contains("RSA", details.Texte("#parcours-categories"), StringComparison.Ordinal);
        Assert.Null((await s.Client.PageAsync($"/Participants/Details/{s.Participant.Id}")).QuerySelector("a[href^='/Parcours/Ouvrir']"));

        var second = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Ouvrir/{s.Participant.Id}", ParcoursDeTest.Ouverture(s));
        Assert.Contains("déjà un parcours ouvert", (await AcheteursDeTest.DocumentAsync(second)).Texte("#resume-erreurs"), StringComparison.Ordinal);
        Assert.Single(await app.ParcoursAsync(s.StructureId));
    }

    [Fact]
    public async Task Une_date_d_entree_future_et_un_referent_d_une_autre_structure_sont_refuses_sans_rien_ecrire()
    {
        var s = await app.SituationAsync();
        var ailleurs = await app.CreerStructureAsync();
        var referentAilleurs = await app.CreerUtilisateurAsync(Roles.Referent, ailleurs.Id);

        var reponse = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Ouvrir/{s.Participant.Id}",
            ParcoursDeTest.Ouverture(s, entree: "2026-03-16", referentId: referentAilleurs.Id));

        Assert.Equal("Le champ « Date d'entrée » ne peut pas être dans le futur.", await ParcoursDeTest.ErreurAsync(reponse, "Saisie_DateEntree"));
        var page = await AcheteursDeTest.DocumentAsync(await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Ouvrir/{s.Participant.Id}",
            ParcoursDeTest.Ouverture(s, entree: "2026-03-16", referentId: referentAilleurs.Id)));
        Assert.Equal("Le champ « Référent » doit désigner un référent de parcours de la structure.", page.QuerySelector("#Saisie_ReferentId-erreur")!.TextContent.Trim());
        Assert.Empty(await app.ParcoursAsync(s.StructureId));
    }

    [Fact]
    public async Task Une_etape_hors_des_dates_ou_finissant_avant_de_commencer_est_refusee_sans_rien_ecrire()
    {
        var s = await app.SituationAsync();
        var id = await ParcoursDeTest.OuvrirAsync(s);

        var reponse = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Etape/{id}", new()
        {
            ["Saisie.Type"] = nameof(TypeEtape.Mobilisation),
            ["Saisie.DateDebut"] = "2025-12-01",
            ["Saisie.DateFin"] = "2025-11-30",
        });

        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Le champ « Début » ne peut pas précéder l'entrée dans le parcours (02/01/2026).",
            page.QuerySelector("#Saisie_DateDebut-erreur")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#Saisie_DateFin-erreur"));
        Assert.Empty(Assert.Single(await app.ParcoursAsync(s.StructureId)).Etapes);

        var bonne = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Etape/{id}", new()
        {
            ["Saisie.Type"] = nameof(TypeEtape.Mobilisation),
            ["Saisie.DateDebut"] = "2026-01-05",
            ["Saisie.StructureBeneficiaire"] = "Atelier Tremplin",
            ["Saisie.FinanceePlie"] = "true",
        });
        Assert.True(bonne.StatusCode == HttpStatusCode.Redirect, (await AcheteursDeTest.DocumentAsync(bonne)).Texte("#resume-erreurs"));
        Assert.Contains("Atelier Tremplin", (await s.Client.PageAsync($"/Parcours/Details/{id}")).Texte("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_contrat_refuse_n_apparait_pas_et_une_sortie_avant_la_derniere_etape_est_refusee()
    {
        var s = await app.SituationAsync();
        var id = await ParcoursDeTest.OuvrirAsync(s);
        var refuse = Contrat.Proposer(s.Participant, s.Lot, s.Titulaire,
            new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDI, new DateOnly(2026, 2, 2), null),
            s.Marches.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        refuse.Refuser("Poste pourvu.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(refuse));
        await app.ContratValideAsync(s, TypeContrat.Interim, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        var details = await s.Client.PageAsync($"/Parcours/Details/{id}");
        Assert.Single(details.QuerySelectorAll("#parcours-etapes tbody tr"));
        Assert.Contains("Emploi de parcours", details.Texte("#parcours-etapes"), StringComparison.Ordinal);

        var reponse = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Cloturer/{id}",
            new() { ["Saisie.TypeSortie"] = nameof(TypeSortie.Abandon), ["Saisie.DateSortie"] = "2026-02-27" });
        Assert.Equal("Le champ « Date de sortie » ne peut pas précéder le début de la dernière étape (01/03/2026).",
            await ParcoursDeTest.ErreurAsync(reponse, "Saisie_DateSortie"));
        Assert.True(Assert.Single(await app.ParcoursAsync(s.StructureId)).EstOuvert);

        var cloture = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Cloturer/{id}",
            new() { ["Saisie.TypeSortie"] = nameof(TypeSortie.Abandon), ["Saisie.DateSortie"] = "2026-03-10" });
        Assert.True(cloture.StatusCode == HttpStatusCode.Redirect, (await AcheteursDeTest.DocumentAsync(cloture)).Texte("main"));
        var sansMotif = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Rouvrir/{id}", new() { ["Saisie.MotifReouverture"] = "" });
        Assert.Contains("« Motif de la réouverture » est obligatoire", await ParcoursDeTest.ErreurAsync(sansMotif, "Saisie_MotifReouverture"), StringComparison.Ordinal);
        var rouvert = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Rouvrir/{id}", new() { ["Saisie.MotifReouverture"] = "Reprise de contact." });
        Assert.True(rouvert.StatusCode == HttpStatusCode.Redirect, (await AcheteursDeTest.DocumentAsync(rouvert)).Texte("main"));
        Assert.True(Assert.Single(await app.ParcoursAsync(s.StructureId)).EstOuvert);
    }

    /// <summary>Every parcours page (AccessibiliteTests' RGAA basics: lang, title, one h1, labels, table captions, buttons).</summary>
    [Fact]
    public async Task Les_pages_du_parcours_respectent_les_bases_du_RGAA()
    {
        var s = await app.SituationAsync();
        var ouvrir = await s.Client.PageAsync($"/Parcours/Ouvrir/{s.Participant.Id}");
        var id = await ParcoursDeTest.OuvrirAsync(s);
        await app.ContratValideAsync(s, TypeContrat.CDI, new DateOnly(2026, 2, 2), null);
        var pages = new List<(string Url, AngleSharp.Html.Dom.IHtmlDocument Page)> { ("Ouvrir", ouvrir) };
        foreach (var url in new[] { $"/Parcours/Details/{id}", $"/Parcours/Etape/{id}", $"/Parcours/Cloturer/{id}", $"/Participants/Details/{s.Participant.Id}" })
            pages.Add((url, await s.Client.PageAsync(url)));
        Assert.Equal(HttpStatusCode.Redirect, (await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Cloturer/{id}",
            new() { ["Saisie.TypeSortie"] = nameof(TypeSortie.Autre), ["Saisie.DateSortie"] = "2026-03-15" })).StatusCode);
        pages.Add(("Rouvrir", await s.Client.PageAsync($"/Parcours/Rouvrir/{id}")));

        Assert.All(pages, p => Assert.True(!AccessibiliteTests.Verifier(p.Page).Any(), p.Url + " : " + string.Join(", ", AccessibiliteTests.Verifier(p.Page))));
    }

    [Fact]
    public async Task Le_parcours_d_un_autre_referent_ou_d_une_autre_structure_repond_404()
    {
        var s = await app.SituationAsync();
        var id = await ParcoursDeTest.OuvrirAsync(s);
        var collegue = await app.CreerUtilisateurAsync(Roles.Referent, s.StructureId);
        var autre = await app.ConnecterAsync(collegue.Email!);
        var ailleurs = await app.SituationAsync();

        foreach (var client in new[] { autre, ailleurs.Client })
        {
            foreach (var page in new[] { $"/Parcours/Details/{id}", $"/Parcours/Etape/{id}", $"/Parcours/Cloturer/{id}", $"/Parcours/Rouvrir/{id}",
                         $"/Parcours/Ouvrir/{s.Participant.Id}" })
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
        }
        var poste = await FabriqueClause.PosterAsync(autre, $"/Parcours/Etape/{id}",
            new() { ["Saisie.Type"] = nameof(TypeEtape.Mobilisation), ["Saisie.DateDebut"] = "2026-02-01" }, "/Compte/MotDePasse");
        Assert.Equal(HttpStatusCode.NotFound, poste.StatusCode);
        Assert.Empty(Assert.Single(await app.ParcoursAsync(s.StructureId)).Etapes);
    }

    [Fact]
    public async Task La_categorie_TH_n_est_montree_qu_au_facilitateur_et_a_la_direction_qui_ne_modifient_pas()
    {
        var s = await app.SituationAsync(CategorieEligibilite.TH);
        var id = await ParcoursDeTest.OuvrirAsync(s);
        Assert.DoesNotContain("handicap", (await s.Client.PageAsync($"/Parcours/Details/{id}")).Texte("main"), StringComparison.OrdinalIgnoreCase);

        foreach (var role in new[] { Roles.Facilitateur, Roles.Direction })
        {
            var utilisateur = await app.CreerUtilisateurAsync(role, s.StructureId);
            var client = await app.ConnecterAsync(utilisateur.Email!);
            var details = await client.PageAsync($"/Parcours/Details/{id}");
            Assert.Contains("Travailleur handicapé", details.Texte("#parcours-categories"), StringComparison.Ordinal);
            Assert.Null(details.QuerySelector("a[href^='/Parcours/Cloturer']"));
            var etape = await client.GetAsync($"/Parcours/Etape/{id}");
            Assert.Equal(HttpStatusCode.Redirect, etape.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", etape.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// The 6-month rule through the pages with the app's fake clock (own fixture: the clock only moves forward): a CDD of 7
/// months validated on a clause lot is an « emploi durable » étape; the sortie is refused on 15/03/2026 and accepted once
/// the clock reaches 05/07/2026.
/// </summary>
public class ParcoursSixMoisPagesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Un_contrat_de_clause_valide_est_une_etape_et_la_sortie_emploi_durable_attend_six_mois()
    {
        var s = await app.SituationAsync();
        var id = await ParcoursDeTest.OuvrirAsync(s);
        var contrat = await app.ContratValideAsync(s, TypeContrat.CDD, new DateOnly(2026, 1, 5), new DateOnly(2026, 8, 4));

        var details = await s.Client.PageAsync($"/Parcours/Details/{id}");
        Assert.Contains("Emploi durable", details.Texte("#parcours-etapes"), StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector($"#parcours-etapes a[href='/Contrats/Details/{contrat.Id}']"));
        Assert.Contains("validable à partir du 05/07/2026", details.Texte("#parcours-suivis"), StringComparison.Ordinal);

        var accueil = (await s.Client.PageAsync("/")).Texte("#referent-file");
        Assert.Contains("Martin", accueil, StringComparison.Ordinal);
        Assert.Contains("En cours (avant 6 mois) (05/07/2026)", accueil, StringComparison.Ordinal);
        var sortie = new Dictionary<string, string> { ["Saisie.TypeSortie"] = nameof(TypeSortie.EmploiDurable), ["Saisie.DateSortie"] = "2026-03-15" };
        var tot = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Cloturer/{id}", sortie);
        Assert.Contains("pas avant le 05/07/2026", await ParcoursDeTest.ErreurAsync(tot, "Saisie_TypeSortie"), StringComparison.Ordinal);
        Assert.True(Assert.Single(await app.ParcoursAsync(s.StructureId)).EstOuvert);

        app.Horloge.SetUtcNow(new DateTimeOffset(2026, 7, 5, 9, 0, 0, TimeSpan.Zero));
        sortie["Saisie.DateSortie"] = "2026-07-05";
        // Four months later the session has expired: the référent signs in again.
        var client = await app.ConnecterAsync(s.Referent.Email!);
        Assert.Contains("À valider", (await client.PageAsync($"/Parcours/Details/{id}")).Texte("#parcours-suivis"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sortie « emploi durable » à valider (05/07/2026)", (await client.PageAsync("/")).Texte("#referent-file"), StringComparison.Ordinal);
        var aSixMois = await FabriqueClause.PosterAsync(client, $"/Parcours/Cloturer/{id}", sortie);
        Assert.Equal(HttpStatusCode.Redirect, aSixMois.StatusCode);
        var clos = Assert.Single(await app.ParcoursAsync(s.StructureId));
        Assert.Equal(TypeSortie.EmploiDurable, clos.TypeSortie);
    }
}

/// <summary>Named situations of the parcours page tests.</summary>
internal static class ParcoursDeTest
{
    internal sealed record Situation(StructureId StructureId, HttpClient Client, Utilisateur Referent, Participant Participant, Lot Lot, Entreprise Titulaire,
        SituationsMarches Marches);

    internal static async Task<Situation> SituationAsync(this FabriqueClause app, CategorieEligibilite categorie = CategorieEligibilite.RSA)
    {
        var structure = await app.CreerStructureAsync();
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);
        var s = await app.SemerOperationAsync(structure.Id);
        var titulaire = s.UneEntreprise();
        var marche = s.UnMarche();
        var lot = marche.Lots[0];
        lot.Attribuer(titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot.Lancer();
        lot.MettreEnExecution();
        var participant = ParticipantsDeTest.UnParticipant(structure.Id, referentId: referent.Id);
        participant.Valider(new DateOnly(2025, 1, 10), categorie);
        await app.EcrireAsync(db =>
        {
            db.Entreprises.Add(titulaire);
            db.Marches.Add(marche);
            db.Participants.Add(participant);
        });
        return new Situation(structure.Id, await app.ConnecterAsync(referent.Email!), referent, participant, lot, titulaire, s);
    }

    internal static Dictionary<string, string> Ouverture(Situation s, string entree = "2026-01-02", Guid? referentId = null) => new()
    {
        ["Saisie.ReferentId"] = (referentId ?? s.Referent.Id).ToString(),
        ["Saisie.DateEntree"] = entree,
        ["Saisie.Prescripteur"] = nameof(Prescripteur.Plie),
        ["Saisie.TrancheInactivite"] = nameof(TrancheInactivite.UnADeuxAns),
    };

    internal static async Task<ParcoursId> OuvrirAsync(Situation s)
    {
        var reponse = await FabriqueClause.PosterAsync(s.Client, $"/Parcours/Ouvrir/{s.Participant.Id}", Ouverture(s));
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return ParcoursId.De(Guid.Parse(reponse.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    internal static Task<List<ParcoursPlie>> ParcoursAsync(this FabriqueClause app, StructureId structureId) =>
        app.LireBaseAsync(db => db.Parcours.IgnoreQueryFilters().AsNoTracking().Include(p => p.Etapes).Where(p => p.StructureId == structureId).ToListAsync());

    internal static async Task<Contrat> ContratValideAsync(this FabriqueClause app, Situation s, TypeContrat type, DateOnly debut, DateOnly? fin)
    {
        var contrat = Contrat.Proposer(s.Participant, s.Lot, s.Titulaire, new DonneesContrat(ModaliteContrat.EmbaucheDirecte, type, debut, fin),
            s.Marches.Reglages, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        contrat.Valider(s.Participant, s.Marches.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        await app.EcrireAsync(db => db.Contrats.Add(contrat));
        return contrat;
    }

    internal static async Task<string> ErreurAsync(HttpResponseMessage reponse, string champ)
    {
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        return page.QuerySelector($"#{champ}-erreur")?.TextContent.Trim() ?? page.Texte("#resume-erreurs");
    }
}
