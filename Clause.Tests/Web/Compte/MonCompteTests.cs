using System.Net;
using AngleSharp.Html.Dom;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Compte;

/// <summary>"Mon compte": who I am, and my personal access tokens (creation shown once, list, revocation of my own).</summary>
public class MonCompteTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Page = "/Compte/MonCompte";

    private DateOnly Aujourdhui => DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Francais(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts the real creation form of Mon compte.</summary>
    private static Task<HttpResponseMessage> CreerAsync(HttpClient client, string nom, string expireLe) =>
        FabriqueClause.PosterAsync(client, Page + "?handler=Creer", new() { ["Saisie.Nom"] = nom, ["Saisie.ExpireLe"] = expireLe }, Page);

    private Task<int> JetonsDeAsync(Guid utilisateurId) =>
        app.LireBaseAsync(db => db.JetonsAcces.IgnoreQueryFilters().CountAsync(j => j.UtilisateurId == utilisateurId));

    private static string? Secret(IHtmlDocument page) => page.QuerySelector("#secret-jeton")?.GetAttribute("value");

    [Fact]
    public async Task Mon_compte_montre_nom_email_role_structure_et_entreprise()
    {
        var structure = await app.CreerStructureAsync("PLIE du Val de Loire");
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments Réunis", AcheteursDeTest.NouveauSiret());
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id, entrepriseId: entreprise.Id);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var fiche = (await client.PageAsync(Page)).QuerySelector("dl.fiche")!.TextContent;

        Assert.Contains(utilisateur.NomComplet, fiche, StringComparison.Ordinal);
        Assert.Contains(utilisateur.Email!, fiche, StringComparison.Ordinal);
        Assert.Contains("Entreprise", fiche, StringComparison.Ordinal);
        Assert.Contains("PLIE du Val de Loire", fiche, StringComparison.Ordinal);
        Assert.Contains("Bâtiments Réunis", fiche, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mon_compte_montre_le_donneur_d_ordre_et_le_libelle_francais_du_role()
    {
        var structure = await app.CreerStructureAsync();
        var donneur = await app.SemerDonneurAsync(structure.Id, "Ville de Blois");
        var acheteur = await app.CreerUtilisateurAsync(Roles.DonneurOrdre, structure.Id, donneurOrdreId: donneur.Id);
        var referent = await app.CreerUtilisateurAsync(Roles.Referent, structure.Id);

        var ficheAcheteur = (await (await app.ConnecterAsync(acheteur.Email!)).PageAsync(Page)).QuerySelector("dl.fiche")!.TextContent;
        var ficheReferent = (await (await app.ConnecterAsync(referent.Email!)).PageAsync(Page)).QuerySelector("dl.fiche")!.TextContent;

        Assert.Contains("Ville de Blois", ficheAcheteur, StringComparison.Ordinal);
        Assert.Contains("Donneur d'ordre", ficheAcheteur, StringComparison.Ordinal);
        Assert.Contains("Référent de parcours", ficheReferent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Page)]
    [InlineData("/Compte/MotDePasse")]
    public async Task Mon_compte_exige_une_connexion(string adresse)
    {
        var reponse = await app.Client().GetAsync(adresse);

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/Connexion", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_anonyme_ne_peut_pas_poster_la_creation_d_un_jeton()
    {
        // The antiforgery token of the (open) sign-in page, so that only the authorisation can refuse.
        var reponse = await FabriqueClause.PosterAsync(app.Client(), Page + "?handler=Creer",
            new() { ["Saisie.Nom"] = "paie", ["Saisie.ExpireLe"] = "2026-05-01" }, "/Compte/Connexion");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/Connexion", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Administrateur)]
    [InlineData(Roles.Direction)]
    [InlineData(Roles.Facilitateur)]
    [InlineData(Roles.Referent)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    public async Task L_en_tete_mene_a_mon_compte_quel_que_soit_le_role(string role)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var accueil = await client.PageAsync("/");

        Assert.NotNull(accueil.QuerySelector("header a[href=\"/Compte/MonCompte\"]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task La_date_d_expiration_proposee_est_a_90_jours()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var champ = (await client.PageAsync(Page)).QuerySelector("#Saisie_ExpireLe")!;

        Assert.Equal(Iso(Aujourdhui.AddDays(90)), champ.GetAttribute("value"));
    }

    [Fact]
    public async Task Le_secret_est_montre_une_fois_dans_la_reponse_du_formulaire_puis_plus_jamais()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        var reponse = await CreerAsync(client, "Logiciel de paie", Iso(Aujourdhui.AddDays(30)));

        // Shown in the POST's own response (no redirect, so neither the address nor TempData carries it), not cached.
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("no-store", reponse.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var secret = Secret(page);
        Assert.NotNull(secret);
        Assert.Matches("^clause_pat_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("il ne sera plus jamais affiché", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"curl -H \"Authorization: Bearer {secret}\"", page.QuerySelector("pre code")!.TextContent, StringComparison.Ordinal);
        foreach (var cookie in reponse.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            Assert.DoesNotContain(secret, cookie, StringComparison.Ordinal);

        // It is the user's working token, stored as its hash alone.
        using (var portee = app.Services.CreateScope())
        {
            var resultat = await portee.ServiceProvider.GetRequiredService<JetonsAcces>().AuthentifierAsync(secret);
            Assert.Null(resultat.Refus);
            Assert.Equal(utilisateur.Id, resultat.Utilisateur!.Id);
        }
        var stocke = await app.LireBaseAsync(db => db.JetonsAcces.SingleAsync(j => j.UtilisateurId == utilisateur.Id));
        Assert.Equal(JetonsAcces.Empreinte(secret), stocke.Empreinte);
        Assert.Equal("Logiciel de paie", stocke.Nom);

        // Reloaded: the list names it by its prefix, the secret is gone.
        var apres = await client.GetStringAsync(Page);
        Assert.DoesNotContain(secret, apres, StringComparison.Ordinal);
        var cellules = (await client.PageAsync(Page)).QuerySelectorAll("table tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Logiciel de paie", cellules[0]);
        Assert.Equal(secret[..17] + "…", cellules[1]);
        Assert.Equal(Francais(Aujourdhui), cellules[2]);
        Assert.Equal(Francais(Aujourdhui.AddDays(30)), cellules[3]);
        Assert.Equal(Francais(Aujourdhui), cellules[4]); // used once above
        Assert.Equal("Actif", cellules[5]);
    }

    public static TheoryData<string, int?, string, string, string> MauvaisesSaisies() => new()
    {
        // nom, jours (null: the raw text below), texte de la date, champ, message attendu (début)
        { "", 90, "", "Saisie.Nom", "Le nom du jeton est obligatoire" },
        { "   ", 90, "", "Saisie.Nom", "Le nom du jeton est obligatoire" },
        { new string('x', 81), 90, "", "Saisie.Nom", "Le nom du jeton ne doit pas dépasser 80 caractères." },
        { "paie", 0, "", "Saisie.ExpireLe", "La date d'expiration doit être comprise entre le" },
        { "paie", -1, "", "Saisie.ExpireLe", "La date d'expiration doit être comprise entre le" },
        { "paie", 367, "", "Saisie.ExpireLe", "La date d'expiration doit être comprise entre le" },
        { "paie", null, "31/02/2026", "Saisie.ExpireLe", "La valeur « 31/02/2026 » n'est pas valide pour le champ « Date d'expiration »." },
        { "paie", null, "demain", "Saisie.ExpireLe", "La valeur « demain » n'est pas valide pour le champ « Date d'expiration »." },
        { "paie", null, "", "Saisie.ExpireLe", "Le champ « Date d'expiration » est obligatoire." },
    };

    [Theory]
    [MemberData(nameof(MauvaisesSaisies))]
    public async Task Une_mauvaise_saisie_est_refusee_en_francais_sur_son_champ_et_rien_n_est_cree(string nom, int? jours, string texteDate, string champ, string message)
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Entreprise);

        var reponse = await CreerAsync(client, nom, jours is { } j ? Iso(Aujourdhui.AddDays(j)) : texteDate);

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.StartsWith(message, page.ErreurDuChamp(champ), StringComparison.Ordinal);
        Assert.Null(Secret(page));
        Assert.Equal(0, await JetonsDeAsync(utilisateur.Id));
    }

    [Fact]
    public async Task Une_expiration_dans_un_an_exactement_est_acceptee()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.DonneurOrdre);

        var reponse = await CreerAsync(client, "tableur", Iso(Aujourdhui.AddYears(1)));

        Assert.NotNull(Secret(await AcheteursDeTest.DocumentAsync(reponse)));
        Assert.Equal(1, await JetonsDeAsync(utilisateur.Id));
    }

    [Fact]
    public async Task Nom_et_date_fautifs_sont_signales_ensemble()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Direction);

        var page = await AcheteursDeTest.DocumentAsync(await CreerAsync(client, "", Iso(Aujourdhui.AddDays(400))));

        Assert.StartsWith("Le nom du jeton est obligatoire", page.ErreurDuChamp("Saisie.Nom"), StringComparison.Ordinal);
        Assert.StartsWith("La date d'expiration doit être comprise entre le", page.ErreurDuChamp("Saisie.ExpireLe"), StringComparison.Ordinal);
        Assert.Equal(0, await JetonsDeAsync(utilisateur.Id));
    }

    [Theory]
    [InlineData(Roles.Administrateur)]
    [InlineData(Roles.Referent)]
    public async Task Administrateur_et_referent_n_ont_ni_section_ni_jeton(string role)
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(role);

        var page = await client.PageAsync(Page);
        Assert.Null(page.QuerySelector("#titre-jetons"));
        Assert.Empty(page.QuerySelectorAll("form[action*=\"handler=Creer\"]"));

        // Posting the form anyway is refused by the token service, in French, and creates nothing.
        var reponse = await CreerAsync(client, "paie", Iso(Aujourdhui.AddDays(30)));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Votre rôle ne permet pas de créer de jeton", (await AcheteursDeTest.DocumentAsync(reponse)).QuerySelector("#resume-erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await JetonsDeAsync(utilisateur.Id));
    }

    [Theory]
    [InlineData(Roles.Direction)]
    [InlineData(Roles.Facilitateur)]
    [InlineData(Roles.Entreprise)]
    [InlineData(Roles.DonneurOrdre)]
    public async Task Les_roles_autorises_ont_la_section_des_jetons(string role)
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(role);

        var page = await client.PageAsync(Page);

        Assert.NotNull(page.QuerySelector("#titre-jetons"));
        Assert.NotNull(page.QuerySelector("a[href=\"/api/v1/reference\"]"));
    }

    [Fact]
    public async Task La_liste_ne_montre_que_mes_jetons()
    {
        var structure = await app.CreerStructureAsync();
        var moi = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var collegue = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        await app.CreerJetonAsync(moi, "le mien");
        await app.CreerJetonAsync(collegue, "celui du collègue");

        var page = await (await app.ConnecterAsync(moi.Email!)).PageAsync(Page);

        Assert.Equal(["le mien"], page.PremiereColonne().Where(n => !n.Contains("(cette session)", StringComparison.Ordinal)));
        Assert.Equal("jamais", page.QuerySelectorAll("table tbody tr td")[4].TextContent.Trim());
    }

    [Fact]
    public async Task Un_jeton_expire_est_marque_expire_et_ne_se_revoque_plus()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        Assert.NotNull(Secret(await AcheteursDeTest.DocumentAsync(await CreerAsync(client, "court", Iso(Aujourdhui.AddDays(1))))));

        app.Horloge.Advance(TimeSpan.FromDays(2));
        var client2 = await app.ConnecterAsync(utilisateur.Email!);
        var ligne = (await client2.PageAsync(Page)).QuerySelector("table tbody tr")!;

        Assert.Contains("Expiré", ligne.TextContent, StringComparison.Ordinal);
        Assert.Null(ligne.QuerySelector("a[href^=\"/Compte/RevoquerJeton/\"]"));
    }

    [Fact]
    public async Task Je_revoque_mon_jeton_apres_confirmation()
    {
        var (client, _, utilisateur) = await app.NouvelUtilisateurConnecteAsync(Roles.Entreprise);
        var secret = await app.CreerJetonAsync(utilisateur, "paie");
        var id = await app.LireBaseAsync(db => db.JetonsAcces.Where(j => j.UtilisateurId == utilisateur.Id).Select(j => j.Id).SingleAsync());
        var lien = (await client.PageAsync(Page)).QuerySelector($"a[href=\"/Compte/RevoquerJeton/{id}\"]");
        Assert.NotNull(lien);

        var confirmation = await client.PageAsync($"/Compte/RevoquerJeton/{id}");
        Assert.Contains("Oui, révoquer ce jeton", confirmation.QuerySelector("main form")!.TextContent, StringComparison.Ordinal);
        var reponse = await FabriqueClause.PosterAsync(client, $"/Compte/RevoquerJeton/{id}", new());

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Equal(Page, reponse.Headers.Location!.OriginalString);
        var jeton = await app.LireBaseAsync(db => db.JetonsAcces.SingleAsync(j => j.Id == id));
        Assert.Equal(app.Horloge.GetUtcNow(), jeton.RevoqueLe);
        Assert.Equal("révoqué par son titulaire", jeton.MotifRevocation);
        using (var portee = app.Services.CreateScope())
            Assert.Equal(RefusJeton.Revoque, (await portee.ServiceProvider.GetRequiredService<JetonsAcces>().AuthentifierAsync(secret)).Refus);
        Assert.Contains("Révoqué le", (await client.PageAsync(Page)).QuerySelector("table tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_jeton_d_un_autre_utilisateur_repond_404_et_reste_actif()
    {
        var structure = await app.CreerStructureAsync();
        var titulaire = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        await app.CreerJetonAsync(titulaire, "paie");
        var id = await app.LireBaseAsync(db => db.JetonsAcces.Where(j => j.UtilisateurId == titulaire.Id).Select(j => j.Id).SingleAsync());
        var collegue = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id)).Email!);
        var (ailleurs, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        foreach (var client in new[] { collegue, ailleurs })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Compte/RevoquerJeton/{id}")).StatusCode);
            // The antiforgery token from the client's own Mon compte: only the ownership check can refuse.
            var reponse = await FabriqueClause.PosterAsync(client, $"/Compte/RevoquerJeton/{id}", new(), Page);
            Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        }
        Assert.Null(await app.LireBaseAsync(db => db.JetonsAcces.Where(j => j.Id == id).Select(j => j.RevoqueLe).SingleAsync()));
    }
}
