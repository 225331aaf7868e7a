using System.Net;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Compte;

/// <summary>
/// Issue 16 item 1: sessions kept on the server (MagasinSessions). A cookie is worth only its session row: sign-out,
/// « Mon compte », a deactivation or a new password delete it, and the idle timeout (réglage) and the 12-hour lifetime
/// close it. Each test moves the shared fake clock forward only, and signs in afresh.
/// </summary>
public class SessionsServeurTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string PageProtegee = "/Participants";

    private static readonly Uri Site = new("http://localhost");

    /// <summary>A browser of its own: a cookie jar that the test can read and copy, no redirects followed.</summary>
    private sealed record Navigateur(HttpClient Client, CookieContainer Cookies);

    private Navigateur NouveauNavigateur(string userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(Site, new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return new Navigateur(client, cookies);
    }

    private async Task<Navigateur> ConnecterAsync(string email, string motDePasse = FabriqueClause.MotDePasse, string? userAgent = null)
    {
        var navigateur = userAgent is null ? NouveauNavigateur() : NouveauNavigateur(userAgent);
        var reponse = await FabriqueClause.PosterAsync(navigateur.Client, "/Compte/Connexion", new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = motDePasse });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return navigateur;
    }

    /// <summary>Another browser holding a copy of <paramref name="source"/>'s sign-in cookie (what a thief would have).</summary>
    private Navigateur Copie(Navigateur source)
    {
        var copie = NouveauNavigateur();
        var cookie = source.Cookies.GetCookies(Site)["clause"];
        Assert.NotNull(cookie);
        copie.Cookies.Add(Site, new Cookie(cookie.Name, cookie.Value, "/"));
        return copie;
    }

    private static async Task<bool> OuvreAsync(Navigateur navigateur)
    {
        var reponse = await navigateur.Client.GetAsync(PageProtegee);
        if (reponse.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/Connexion", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        return false;
    }

    private async Task<Utilisateur> FacilitateurAsync()
    {
        var structure = await app.CreerStructureAsync();
        return await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
    }

    private Task<int> SessionsDeAsync(Guid utilisateurId) =>
        app.LireBaseAsync(db => db.SessionsConnexion.CountAsync(s => s.UtilisateurId == utilisateurId));

    [Fact]
    public async Task Un_cookie_copie_avant_la_deconnexion_est_refuse_apres()
    {
        var utilisateur = await FacilitateurAsync();
        var navigateur = await ConnecterAsync(utilisateur.Email!);
        var voleur = Copie(navigateur);
        Assert.True(await OuvreAsync(voleur)); // the copy works while the session is open

        var deconnexion = await FabriqueClause.PosterAsync(navigateur.Client, "/Compte/Deconnexion", []);
        Assert.Equal(HttpStatusCode.Redirect, deconnexion.StatusCode);

        Assert.False(await OuvreAsync(voleur));
        Assert.Equal(0, await SessionsDeAsync(utilisateur.Id));
    }

    [Fact]
    public async Task La_session_en_base_garde_la_famille_du_navigateur_pas_le_user_agent()
    {
        var utilisateur = await FacilitateurAsync();
        const string chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        await ConnecterAsync(utilisateur.Email!, userAgent: chrome);

        var session = await app.LireBaseAsync(db => db.SessionsConnexion.AsNoTracking().SingleAsync(s => s.UtilisateurId == utilisateur.Id));
        Assert.Equal("Chrome sur Windows", session.Navigateur);
        Assert.Equal(app.Horloge.GetUtcNow(), session.CreeLe);
        Assert.Equal(app.Horloge.GetUtcNow() + TimeSpan.FromHours(12), session.ExpireLe);
        Assert.Equal(120, session.InactiviteMinutes);
        Assert.Equal(64, session.Empreinte.Length); // a hash of the key, not the key
    }

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox sur Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge sur Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari sur iOS")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari sur macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 OPR/80.0", "Opera sur Android")]
    [InlineData("curl/8.5.0", "Autre navigateur")]
    [InlineData(null, "Autre navigateur")]
    public void Famille_du_navigateur(string? userAgent, string attendu) => Assert.Equal(attendu, SessionConnexion.Famille(userAgent));

    [Fact]
    public async Task Desactiver_un_compte_ferme_toutes_ses_sessions_aussitot()
    {
        var utilisateur = await FacilitateurAsync();
        var premier = await ConnecterAsync(utilisateur.Email!);
        var second = await ConnecterAsync(utilisateur.Email!);
        Assert.True(await OuvreAsync(premier));
        Assert.True(await OuvreAsync(second));

        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = await utilisateurs.FindByIdAsync(utilisateur.Id.ToString());
            Assert.True((await utilisateurs.DesactiverAsync(portee.ServiceProvider.GetRequiredService<JetonsAcces>(), compte!)).Succeeded);
        }

        // No clock move: not « within a minute », at the next request.
        Assert.Equal(0, await SessionsDeAsync(utilisateur.Id));
        Assert.False(await OuvreAsync(premier));
        Assert.False(await OuvreAsync(second));
    }

    [Fact]
    public async Task Un_nouveau_tampon_de_securite_ferme_une_session_meme_si_sa_ligne_reste()
    {
        var utilisateur = await FacilitateurAsync();
        var navigateur = await ConnecterAsync(utilisateur.Email!);
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            await utilisateurs.UpdateSecurityStampAsync((await utilisateurs.FindByIdAsync(utilisateur.Id.ToString()))!);
        }
        Assert.Equal(1, await SessionsDeAsync(utilisateur.Id));

        Assert.False(await OuvreAsync(navigateur));
        Assert.Equal(0, await SessionsDeAsync(utilisateur.Id)); // the stale row is deleted when it is presented
    }

    [Fact]
    public async Task Changer_son_mot_de_passe_ferme_les_autres_sessions_aussitot_et_garde_celle_ci()
    {
        var utilisateur = await FacilitateurAsync();
        var ici = await ConnecterAsync(utilisateur.Email!);
        var ailleurs = await ConnecterAsync(utilisateur.Email!);

        var reponse = await FabriqueClause.PosterAsync(ici.Client, "/Compte/MotDePasse", new()
        {
            ["Saisie.MotDePasseActuel"] = FabriqueClause.MotDePasse,
            ["Saisie.NouveauMotDePasse"] = "une phrase de passe toute neuve",
            ["Saisie.Confirmation"] = "une phrase de passe toute neuve",
        });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);

        Assert.False(await OuvreAsync(ailleurs));
        Assert.True(await OuvreAsync(ici));
        Assert.Equal(1, await SessionsDeAsync(utilisateur.Id));
    }

    [Fact]
    public async Task Une_session_inactive_depuis_deux_heures_se_ferme_une_session_active_reste_ouverte()
    {
        var active = await FacilitateurAsync();
        var inactive = await FacilitateurAsync();
        var navigateurActif = await ConnecterAsync(active.Email!);
        var navigateurInactif = await ConnecterAsync(inactive.Email!);

        app.Horloge.Advance(TimeSpan.FromMinutes(60));
        Assert.True(await OuvreAsync(navigateurActif)); // activity: its idle clock starts again
        app.Horloge.Advance(TimeSpan.FromMinutes(61));

        Assert.True(await OuvreAsync(navigateurActif)); // 61 minutes since its last request
        Assert.False(await OuvreAsync(navigateurInactif)); // 121 minutes without a request
        Assert.Equal(0, await SessionsDeAsync(inactive.Id));
    }

    [Fact]
    public async Task Le_delai_d_inactivite_est_le_reglage_de_la_structure()
    {
        var structure = await app.CreerStructureAsync();
        await using (var db = app.ToutesStructures())
        {
            var reglages = await db.Reglages.SingleAsync(r => r.StructureId == structure.Id);
            reglages.ModifierConnexion(30);
            await db.SaveChangesAsync();
        }
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        var navigateur = await ConnecterAsync(utilisateur.Email!);

        app.Horloge.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await OuvreAsync(navigateur));
        app.Horloge.Advance(TimeSpan.FromMinutes(30));
        Assert.False(await OuvreAsync(navigateur));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(12 * 60 + 1)]
    public void Le_reglage_d_inactivite_est_borne(int minutes)
    {
        var reglages = Clause.Domain.Structures.Reglages.ParDefaut(Clause.Domain.Commun.StructureId.De(Guid.NewGuid()));
        var refus = Assert.Throws<Clause.Domain.Commun.RegleMetierException>(() => reglages.ModifierConnexion(minutes));
        Assert.Equal("InactiviteSessionMinutes", refus.Champ);
        Assert.Equal(120, reglages.InactiviteSessionMinutes);
    }

    [Fact]
    public async Task Une_session_meme_active_se_ferme_douze_heures_apres_la_connexion()
    {
        var utilisateur = await FacilitateurAsync();
        var navigateur = await ConnecterAsync(utilisateur.Email!);
        for (var i = 0; i < 7; i++)
        {
            app.Horloge.Advance(TimeSpan.FromMinutes(100)); // 700 minutes after 7 steps: 11 h 40
            Assert.True(await OuvreAsync(navigateur));
        }
        app.Horloge.Advance(TimeSpan.FromMinutes(20)); // 12 h exactly
        Assert.False(await OuvreAsync(navigateur));
    }

    [Fact]
    public async Task Mon_compte_liste_mes_sessions_et_en_ferme_une()
    {
        var utilisateur = await FacilitateurAsync();
        var autre = await FacilitateurAsync();
        var ici = await ConnecterAsync(utilisateur.Email!);
        var telephone = await ConnecterAsync(utilisateur.Email!,
            userAgent: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        await ConnecterAsync(autre.Email!);

        var page = await ici.Client.PageAsync("/Compte/MonCompte");
        var lignes = page.QuerySelectorAll("section[aria-labelledby=titre-sessions] tbody tr").Select(l => l.TextContent).ToList();
        Assert.Equal(2, lignes.Count); // mine only
        Assert.Single(lignes, l => l.Contains("Firefox sur Linux (cette session)", StringComparison.Ordinal));
        Assert.Single(lignes, l => l.Contains("Chrome sur Android", StringComparison.Ordinal) && !l.Contains("cette session", StringComparison.Ordinal));

        var idTelephone = await app.LireBaseAsync(db => db.SessionsConnexion.Where(s => s.UtilisateurId == utilisateur.Id && s.Navigateur == "Chrome sur Android")
            .Select(s => s.Id).SingleAsync());
        var fermer = await FabriqueClause.PosterAsync(ici.Client, $"/Compte/MonCompte?handler=FermerSession&session={idTelephone}", [], "/Compte/MonCompte");
        Assert.Equal(HttpStatusCode.Redirect, fermer.StatusCode);

        Assert.False(await OuvreAsync(telephone));
        Assert.True(await OuvreAsync(ici));
    }

    [Fact]
    public async Task Fermer_la_session_d_un_autre_compte_repond_404_et_ne_ferme_rien()
    {
        var utilisateur = await FacilitateurAsync();
        var autre = await FacilitateurAsync();
        var ici = await ConnecterAsync(utilisateur.Email!);
        var sienne = await ConnecterAsync(autre.Email!);
        var idSienne = await app.LireBaseAsync(db => db.SessionsConnexion.Where(s => s.UtilisateurId == autre.Id).Select(s => s.Id).SingleAsync());

        var fermer = await FabriqueClause.PosterAsync(ici.Client, $"/Compte/MonCompte?handler=FermerSession&session={idSienne}", [], "/Compte/MonCompte");

        Assert.Equal(HttpStatusCode.NotFound, fermer.StatusCode);
        Assert.True(await OuvreAsync(sienne));
    }

    [Fact]
    public async Task Fermer_sa_propre_session_depuis_mon_compte_deconnecte()
    {
        var utilisateur = await FacilitateurAsync();
        var ici = await ConnecterAsync(utilisateur.Email!);
        var id = await app.LireBaseAsync(db => db.SessionsConnexion.Where(s => s.UtilisateurId == utilisateur.Id).Select(s => s.Id).SingleAsync());

        var fermer = await FabriqueClause.PosterAsync(ici.Client, $"/Compte/MonCompte?handler=FermerSession&session={id}", [], "/Compte/MonCompte");

        Assert.Equal(HttpStatusCode.Redirect, fermer.StatusCode);
        Assert.StartsWith("/Compte/Connexion", fermer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await OuvreAsync(ici));
    }
}
