using System.Net;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

/// <summary>The buyer pages, posting the real forms against the real app and database.</summary>
public class DonneursOrdreTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static Dictionary<string, string> Formulaire(string raisonSociale = "Ville de Joué-lès-Tours", string type = "Commune",
        string siret = "35600000049837", string commune = "Joué-lès-Tours", string codePostal = "37300") => new()
    {
        ["Saisie.RaisonSociale"] = raisonSociale,
        ["Saisie.Type"] = type,
        ["Saisie.Siret"] = siret,
        ["Saisie.Adresse"] = "Place François Mitterrand",
        ["Saisie.CodePostal"] = codePostal,
        ["Saisie.Commune"] = commune,
    };

    [Fact]
    public async Task Facilitateur_cree_un_donneur_d_ordre_puis_le_retrouve_par_la_recherche()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        // La Poste's SIRET (sum of digits multiple of 5) is accepted; spaces are allowed when typing.
        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(siret: "356 000 000 49837"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var donneur = await app.LireBaseAsync(db => db.DonneursOrdre.SingleAsync(d => d.StructureId == structure.Id));
        Assert.Equal($"/DonneursOrdre/Details/{donneur.Id}", reponse.Headers.Location!.OriginalString);
        Assert.Equal("35600000049837", donneur.Siret);

        var fiche = await client.PageAsync(reponse.Headers.Location.OriginalString);
        Assert.Equal("Ville de Joué-lès-Tours", fiche.QuerySelector("h1")!.TextContent);
        Assert.Contains("356 000 000 49837", fiche.QuerySelector("dl.fiche")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Création", fiche.QuerySelector("section.historique")!.TextContent, StringComparison.Ordinal);

        // Case is ignored (for unaccented letters on SQLite); the SIRET is found with or without spaces.
        foreach (var recherche in new[] { "joué", "VILLE DE JOU", "356 000", "49837" })
        {
            var liste = await client.PageAsync("/DonneursOrdre?q=" + Uri.EscapeDataString(recherche));
            Assert.Contains("Ville de Joué-lès-Tours", liste.PremiereColonne());
        }
        var rien = await client.PageAsync("/DonneursOrdre?q=Orl%C3%A9ans");
        Assert.Empty(rien.PremiereColonne());
    }

    [Fact]
    public async Task Modifier_change_les_champs_et_l_historique_montre_avant_apres()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var donneur = await app.SemerDonneurAsync(structure.Id, "Mairie de Chinon", commune: "Chinon");

        var formulaire = await client.PageAsync($"/DonneursOrdre/Modifier/{donneur.Id}");
        Assert.Equal("Mairie de Chinon", ((AngleSharp.Html.Dom.IHtmlInputElement)formulaire.QuerySelector("#Saisie_RaisonSociale")!).Value);

        var reponse = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Modifier/{donneur.Id}",
            Formulaire(raisonSociale: "Ville de Chinon", siret: donneur.Siret!, commune: "Chinon", codePostal: "37500"));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var apres = await app.LireBaseAsync(db => db.DonneursOrdre.AsNoTracking().SingleAsync(d => d.Id == donneur.Id));
        Assert.Equal("Ville de Chinon", apres.RaisonSociale);
        Assert.Equal("37500", apres.CodePostal);
        var historique = (await client.PageAsync($"/DonneursOrdre/Details/{donneur.Id}")).QuerySelector("section.historique")!.TextContent;
        Assert.Contains("Modification", historique, StringComparison.Ordinal);
        Assert.Contains("Mairie de Chinon → Ville de Chinon", historique, StringComparison.Ordinal);
        Assert.Contains("Facilitateur de test", historique, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_ajoutes_modifies_et_retires_apres_confirmation()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var donneur = await app.SemerDonneurAsync(structure.Id, "Tours Habitat", TypeDonneurOrdre.BailleurSocial);

        var ajout = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Contact/{donneur.Id}", new()
        {
            ["Saisie.Nom"] = "Nadia Benali",
            ["Saisie.Role"] = "ServiceMarches",
            ["Saisie.Email"] = "n.benali@tours-habitat.fr",
            ["Saisie.Telephone"] = "02 47 60 13 00",
        });
        Assert.Equal(HttpStatusCode.Redirect, ajout.StatusCode);
        var fiche = await client.PageAsync($"/DonneursOrdre/Details/{donneur.Id}");
        var ligne = Assert.Single(fiche.QuerySelectorAll("section[aria-labelledby=titre-contacts] tbody tr"));
        Assert.Contains("Service marchés", ligne.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:n.benali@tours-habitat.fr", ligne.QuerySelector("a[href^=mailto]")!.GetAttribute("href"));
        var contactId = await app.LireBaseAsync(db => db.Set<ContactDonneurOrdre>().Where(c => c.DonneurOrdreId == donneur.Id).Select(c => c.Id).SingleAsync());

        var erreur = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Contact/{donneur.Id}/{contactId}", new()
        {
            ["Saisie.Nom"] = "Nadia Benali",
            ["Saisie.Role"] = "Elu",
            ["Saisie.Email"] = "pas-une-adresse",
        });
        Assert.Equal(HttpStatusCode.OK, erreur.StatusCode);
        Assert.Contains("adresse e-mail valide", (await AcheteursDeTest.DocumentAsync(erreur)).ErreurDuChamp("Saisie.Email"), StringComparison.Ordinal);

        var modification = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Contact/{donneur.Id}/{contactId}", new()
        {
            ["Saisie.Nom"] = "Nadia Benali",
            ["Saisie.Role"] = "Elu",
            ["Saisie.Email"] = "n.benali@tours-habitat.fr",
        });
        Assert.Equal(HttpStatusCode.Redirect, modification.StatusCode);
        var contact = await app.LireBaseAsync(db => db.Set<ContactDonneurOrdre>().AsNoTracking().SingleAsync(c => c.Id == contactId));
        Assert.Equal(RoleContactDonneurOrdre.Elu, contact.Role);
        Assert.Null(contact.Telephone);

        var confirmation = await client.PageAsync($"/DonneursOrdre/Contact/{donneur.Id}/{contactId}?retrait=confirmer");
        Assert.Contains("Voulez-vous vraiment retirer", confirmation.Body!.TextContent, StringComparison.Ordinal);
        var action = confirmation.QuerySelector("main form[method=post]")!.GetAttribute("action")!;
        var retrait = await FabriqueClause.PosterAsync(client, action, new(), $"/DonneursOrdre/Contact/{donneur.Id}/{contactId}?retrait=confirmer");
        Assert.Equal(HttpStatusCode.Redirect, retrait.StatusCode);
        Assert.False(await app.LireBaseAsync(db => db.Set<ContactDonneurOrdre>().AnyAsync(c => c.Id == contactId)));

        var historique = (await client.PageAsync($"/DonneursOrdre/Details/{donneur.Id}")).QuerySelector("section.historique")!.TextContent;
        Assert.Contains("Création d'un contact", historique, StringComparison.Ordinal);
        Assert.Contains("Modification d'un contact", historique, StringComparison.Ordinal);
        Assert.Contains("Suppression d'un contact", historique, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liste_pagine_trie_et_filtre_cote_serveur()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        for (var i = 1; i <= 25; i++)
            await app.SemerDonneurAsync(structure.Id, $"Acheteur {i:00}", i == 7 ? TypeDonneurOrdre.Hopital : TypeDonneurOrdre.Commune,
                commune: i == 3 ? "Amboise" : "Tours", contacts: i == 12 ? 3 : i % 2);

        var page1 = await client.PageAsync("/DonneursOrdre");
        Assert.Equal(20, page1.PremiereColonne().Count);
        Assert.Equal("Acheteur 01", page1.PremiereColonne()[0]);
        Assert.Contains("25 donneurs d'ordre", page1.Body!.TextContent, StringComparison.Ordinal);
        var suivante = page1.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!;

        var page2 = await client.PageAsync(suivante);
        Assert.Equal(["Acheteur 21", "Acheteur 22", "Acheteur 23", "Acheteur 24", "Acheteur 25"], page2.PremiereColonne());
        Assert.Contains("Page 2 sur 2", page2.QuerySelector("nav.pagination")!.TextContent, StringComparison.Ordinal);

        var decroissant = await client.PageAsync("/DonneursOrdre?tri=raison&ordre=desc");
        Assert.Equal("Acheteur 25", decroissant.PremiereColonne()[0]);
        Assert.Equal("descending", decroissant.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));

        var parContacts = await client.PageAsync("/DonneursOrdre?tri=contacts&ordre=desc");
        Assert.Equal("Acheteur 12", parContacts.PremiereColonne()[0]);
        var parCommune = await client.PageAsync("/DonneursOrdre?tri=commune");
        Assert.Equal("Acheteur 03", parCommune.PremiereColonne()[0]);
        var parType = await client.PageAsync("/DonneursOrdre?tri=type&ordre=desc");
        Assert.Equal("Acheteur 07", parType.PremiereColonne()[0]);

        var hopitaux = await client.PageAsync("/DonneursOrdre?type=Hopital");
        Assert.Equal(["Acheteur 07"], hopitaux.PremiereColonne());
        var recherchePaginee = await client.PageAsync("/DonneursOrdre?q=acheteur&tri=raison&ordre=desc&numero=2");
        Assert.Equal(["Acheteur 05", "Acheteur 04", "Acheteur 03", "Acheteur 02", "Acheteur 01"], recherchePaginee.PremiereColonne());
    }

    [Fact]
    public async Task Siret_deja_present_dans_la_structure_est_refuse_et_rien_n_est_ecrit()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var existant = await app.SemerDonneurAsync(structure.Id, "Département d'Indre-et-Loire", TypeDonneurOrdre.Departement);

        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(siret: existant.Siret!));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Un donneur d'ordre de votre structure a déjà ce SIRET.", page.ErreurDuChamp("Saisie.Siret"));
        Assert.Equal(1, await app.CompterDonneursAsync(structure.Id));

        // Changing another buyer to that SIRET is refused the same way.
        var autre = await app.SemerDonneurAsync(structure.Id, "Ville d'Amboise");
        var modification = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Modifier/{autre.Id}", Formulaire(raisonSociale: "Ville d'Amboise", siret: existant.Siret!));
        Assert.Equal("Un donneur d'ordre de votre structure a déjà ce SIRET.", (await AcheteursDeTest.DocumentAsync(modification)).ErreurDuChamp("Saisie.Siret"));
        Assert.Equal(autre.Siret, await app.LireBaseAsync(db => db.DonneursOrdre.Where(d => d.Id == autre.Id).Select(d => d.Siret).SingleAsync()));
    }

    [Fact]
    public async Task Meme_siret_dans_une_autre_structure_est_accepte()
    {
        var autreStructure = await app.CreerStructureAsync();
        var ailleurs = await app.SemerDonneurAsync(autreStructure.Id, "Région Centre-Val de Loire", TypeDonneurOrdre.Region);
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(raisonSociale: "Région Centre-Val de Loire", type: "Region", siret: ailleurs.Siret!));

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(1, await app.CompterDonneursAsync(structure.Id));
    }

    [Fact]
    public async Task Siret_invalide_est_refuse_avec_le_message_du_domaine()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(siret: "73282932000075"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("Le SIRET doit comporter 14 chiffres et sa clé de contrôle doit être valide.",
            (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.Siret"));
        Assert.Equal(0, await app.CompterDonneursAsync(structure.Id));
    }

    [Fact]
    public async Task Siret_obligatoire_pour_un_acheteur_public_facultatif_pour_une_entreprise_privee()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var publique = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(siret: ""));
        Assert.Equal("Le SIRET est obligatoire pour un acheteur public.", (await AcheteursDeTest.DocumentAsync(publique)).ErreurDuChamp("Saisie.Siret"));

        var privee = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(raisonSociale: "Promoteur Val de Loire SAS", type: "EntreprisePrivee", siret: ""));
        Assert.Equal(HttpStatusCode.Redirect, privee.StatusCode);
        Assert.Equal(1, await app.CompterDonneursAsync(structure.Id));
    }

    [Theory]
    [InlineData("", "Le champ « Raison sociale » est obligatoire.")]
    [InlineData("   ", "Le champ « Raison sociale » est obligatoire.")]
    [InlineData("201", "Le champ « Raison sociale » ne doit pas dépasser 200 caractères.")]
    public async Task Raison_sociale_vide_ou_trop_longue_est_refusee_sans_rien_ecrire(string saisie, string message)
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var raisonSociale = saisie == "201" ? new string('A', 201) : saisie;

        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(raisonSociale: raisonSociale));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal(message, page.ErreurDuChamp("Saisie.RaisonSociale"));
        Assert.Contains(message, page.QuerySelector("#resume-erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.CompterDonneursAsync(structure.Id));
    }

    [Fact]
    public async Task Code_postal_et_commune_invalides_sont_refuses_en_nommant_le_champ()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(codePostal: "37A00", commune: new string('x', 101)));

        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Le champ « Commune » ne doit pas dépasser 100 caractères.", page.ErreurDuChamp("Saisie.Commune"));
        var domaine = await AcheteursDeTest.DocumentAsync(await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", Formulaire(codePostal: "37A00")));
        Assert.Equal("Le code postal doit comporter 5 chiffres.", domaine.ErreurDuChamp("Saisie.CodePostal"));
        Assert.Equal(0, await app.CompterDonneursAsync(structure.Id));
    }

    [Fact]
    public async Task Donneur_d_ordre_d_une_autre_structure_repond_404()
    {
        var autreStructure = await app.CreerStructureAsync();
        var etranger = await app.SemerDonneurAsync(autreStructure.Id, "Acheteur d'ailleurs", contacts: 1);
        var contactEtranger = etranger.Contacts[0].Id;
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var mien = await app.SemerDonneurAsync(structure.Id, "Mon acheteur", contacts: 1);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Details/{etranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Modifier/{etranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Contact/{etranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Contact/{mien.Id}/{contactEtranger}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/DonneursOrdre/Details/{Guid.NewGuid()}")).StatusCode);

        // POSTs carry a valid antiforgery token taken from one's own record's form.
        var modification = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Modifier/{etranger.Id}",
            Formulaire(raisonSociale: "Piraté"), $"/DonneursOrdre/Modifier/{mien.Id}");
        Assert.Equal(HttpStatusCode.NotFound, modification.StatusCode);
        var contact = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Contact/{etranger.Id}",
            new() { ["Saisie.Nom"] = "Intrus", ["Saisie.Role"] = "Autre" }, $"/DonneursOrdre/Contact/{mien.Id}");
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        var retrait = await FabriqueClause.PosterAsync(client, $"/DonneursOrdre/Contact/{etranger.Id}/{contactEtranger}?handler=Retirer",
            new(), $"/DonneursOrdre/Contact/{mien.Id}");
        Assert.Equal(HttpStatusCode.NotFound, retrait.StatusCode);

        var intact = await app.LireBaseAsync(db => db.DonneursOrdre.IgnoreQueryFilters().Include(d => d.Contacts).AsNoTracking().SingleAsync(d => d.Id == etranger.Id));
        Assert.Equal("Acheteur d'ailleurs", intact.RaisonSociale);
        Assert.Single(intact.Contacts);
        Assert.DoesNotContain("Acheteur d'ailleurs", (await client.PageAsync("/DonneursOrdre")).PremiereColonne());
    }

    [Fact]
    public async Task Direction_lit_mais_ne_peut_ni_creer_ni_modifier()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);
        var donneur = await app.SemerDonneurAsync(structure.Id, "Ville de Loches", contacts: 1);

        var liste = await client.PageAsync("/DonneursOrdre");
        Assert.Contains("Ville de Loches", liste.PremiereColonne());
        Assert.Null(liste.QuerySelector("a[href='/DonneursOrdre/Creer']"));
        var fiche = await client.PageAsync($"/DonneursOrdre/Details/{donneur.Id}");
        Assert.Null(fiche.QuerySelector($"a[href='/DonneursOrdre/Modifier/{donneur.Id}']"));
        Assert.Null(fiche.QuerySelector("a[href^='/DonneursOrdre/Contact']"));

        foreach (var url in new[] { "/DonneursOrdre/Creer", $"/DonneursOrdre/Modifier/{donneur.Id}", $"/DonneursOrdre/Contact/{donneur.Id}" })
        {
            var reponse = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
            Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Administrateur)]
    public async Task Roles_hors_lecture_clause_sont_refuses_sur_la_liste(string role)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var reponse = await client.GetAsync("/DonneursOrdre");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/AccesRefuse", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var refus = await client.GetAsync(reponse.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, refus.StatusCode);
    }

    [Fact]
    public async Task Post_sans_jeton_antiforgery_est_refuse_400()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        using var formulaire = new FormUrlEncodedContent(Formulaire());

        var reponse = await client.PostAsync("/DonneursOrdre/Creer", formulaire);

        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Equal(0, await app.CompterDonneursAsync(structure.Id));
    }
}
