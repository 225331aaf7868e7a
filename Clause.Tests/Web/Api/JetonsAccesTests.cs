using System.Net;
using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Clause.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Web.Api;

/// <summary>Personal access tokens: creation, storage (hash only), authentication, expiry, revocation, scheme selection.</summary>
public class JetonsAccesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    [Fact]
    public async Task Un_jeton_a_le_format_clause_pat_et_la_base_ne_garde_que_son_empreinte()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);

        Assert.Matches("^clause_pat_[A-Za-z0-9_-]{43}$", secret);
        using var portee = app.Services.CreateScope();
        var db = Systeme(portee);
        var jeton = await db.JetonsAcces.IgnoreQueryFilters().SingleAsync(j => j.UtilisateurId == utilisateur.Id);
        Assert.Equal(JetonsAcces.Empreinte(secret), jeton.Empreinte);
        Assert.Equal(secret[..17], jeton.Prefixe);
        Assert.Equal(Roles.Facilitateur, jeton.Role);
        Assert.Equal(app.Horloge.GetUtcNow().AddDays(91).Date, jeton.ExpireLe.UtcDateTime.Date);

        // The secret itself is nowhere in the database file (SQLite writes the pages it changed; read them all).
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);");
        var chemin = db.Database.GetDbConnection().DataSource;
        var octets = await ReadAllBytesPartageAsync(chemin);
        var texte = System.Text.Encoding.UTF8.GetString(octets);
        Assert.DoesNotContain(secret, texte, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[17..], texte, StringComparison.Ordinal);
        Assert.Contains(jeton.Empreinte, texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_jeton_valide_authentifie_son_utilisateur_et_note_le_jour_d_utilisation()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);

        var resultat = await AuthentifierAsync(secret);

        Assert.Null(resultat.Refus);
        Assert.Equal(utilisateur.Id, resultat.Utilisateur!.Id);
        using var portee = app.Services.CreateScope();
        var jeton = await Systeme(portee).JetonsAcces.IgnoreQueryFilters().SingleAsync(j => j.UtilisateurId == utilisateur.Id);
        Assert.Equal(DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime), jeton.DerniereUtilisationLe);
    }

    [Fact]
    public async Task Un_jeton_expire_est_refuse_le_jour_suivant_sa_date_d_expiration()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Entreprise, structure.Id);
        JetonCree cree;
        using (var portee = app.Services.CreateScope())
        {
            var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
            var demain = DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime).AddDays(1);
            cree = await jetons.CreerAsync(await Compte(portee, utilisateur), "paie", demain);
        }
        // Valid through the whole expiry day (UTC), refused from the next midnight.
        var finDuJour = new DateTimeOffset(cree.Jeton.ExpireLe.UtcDateTime.AddTicks(-1), TimeSpan.Zero);
        Assert.Equal(app.Horloge.GetUtcNow().UtcDateTime.Date.AddDays(2), cree.Jeton.ExpireLe.UtcDateTime);
        var fauxTemps = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(finDuJour);
        Assert.Null((await AuthentifierAsync(cree.Secret, fauxTemps)).Refus);
        fauxTemps.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(RefusJeton.Expire, (await AuthentifierAsync(cree.Secret, fauxTemps)).Refus);
    }

    [Fact]
    public async Task Un_jeton_revoque_est_refuse()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.DonneurOrdre);
        using (var portee = app.Services.CreateScope())
        {
            var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
            var jeton = await Systeme(portee).JetonsAcces.IgnoreQueryFilters().SingleAsync(j => j.UtilisateurId == utilisateur.Id);
            await jetons.RevoquerAsync(jeton, "révoqué par son titulaire");
        }
        Assert.Equal(RefusJeton.Revoque, (await AuthentifierAsync(secret)).Refus);
    }

    [Fact]
    public async Task Le_jeton_d_un_compte_desactive_est_refuse_aussitot()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Direction);
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            await utilisateurs.DesactiverAsync(portee.ServiceProvider.GetRequiredService<JetonsAcces>(), await Compte(portee, utilisateur));
        }
        // The deactivation revoked the token itself (GestionComptes), so it is refused as revoked.
        Assert.Equal(RefusJeton.Revoque, (await AuthentifierAsync(secret)).Refus);
    }

    [Fact]
    public async Task Le_jeton_d_un_compte_dont_le_role_change_est_revoque()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = await Compte(portee, utilisateur);
            await utilisateurs.RemoveFromRoleAsync(compte, Roles.Facilitateur);
            await utilisateurs.AddToRoleAsync(compte, Roles.Referent);
        }
        Assert.Equal(RefusJeton.CompteInactif, (await AuthentifierAsync(secret)).Refus);
        // Revoked for good: giving the role back does not revive it.
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = await Compte(portee, utilisateur);
            await utilisateurs.RemoveFromRoleAsync(compte, Roles.Referent);
            await utilisateurs.AddToRoleAsync(compte, Roles.Facilitateur);
        }
        Assert.Equal(RefusJeton.Revoque, (await AuthentifierAsync(secret)).Refus);
    }

    [Fact]
    public async Task Le_jeton_d_un_compte_change_de_rattachement_est_revoque()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);
        var autre = await app.CreerStructureAsync();
        using (var portee = app.Services.CreateScope())
        {
            var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
            var compte = await Compte(portee, utilisateur);
            compte.StructureId = autre.Id;
            await utilisateurs.UpdateAsync(compte);
        }
        Assert.Equal(RefusJeton.CompteInactif, (await AuthentifierAsync(secret)).Refus);
    }

    [Theory]
    [InlineData("clause_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", RefusJeton.Inconnu)]
    [InlineData("ghp_16C7e42F292c6912E7710c838347Ae178B4a", RefusJeton.Format)]
    [InlineData("clause_pat_trop-court", RefusJeton.Format)]
    [InlineData("", RefusJeton.Format)]
    public async Task Un_jeton_forge_ou_d_un_autre_format_est_refuse(string secret, RefusJeton attendu)
    {
        Assert.Equal(attendu, (await AuthentifierAsync(secret)).Refus);
    }

    [Fact]
    public async Task Un_jeton_modifie_d_un_caractere_est_refuse()
    {
        var (_, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);
        var forge = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(RefusJeton.Inconnu, (await AuthentifierAsync(forge)).Refus);
    }

    [Theory]
    [InlineData(Roles.Administrateur)]
    [InlineData(Roles.Referent)]
    public async Task Administrateur_et_referent_n_ont_pas_de_jeton(string role)
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(role, role == Roles.Administrateur ? null : structure.Id);
        using var portee = app.Services.CreateScope();
        var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
        var compte = await Compte(portee, utilisateur);
        await Assert.ThrowsAsync<RegleMetierException>(() => jetons.CreerAsync(compte, "x", jetons.ExpirationParDefaut()));
        Assert.False(await Systeme(portee).JetonsAcces.IgnoreQueryFilters().AnyAsync(j => j.UtilisateurId == utilisateur.Id));
    }

    [Theory]
    [InlineData("", 90, "Nom")]
    [InlineData("   ", 90, "Nom")]
    [InlineData("paie", 0, "ExpireLe")]
    [InlineData("paie", -3, "ExpireLe")]
    [InlineData("paie", 367, "ExpireLe")]
    public async Task Nom_vide_ou_expiration_hors_bornes_sont_refuses_en_nommant_le_champ(string nom, int jours, string champ)
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        using var portee = app.Services.CreateScope();
        var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
        var date = DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime).AddDays(jours);
        var erreur = await Assert.ThrowsAsync<RegleMetierException>(async () => await jetons.CreerAsync(await Compte(portee, utilisateur), nom, date));
        Assert.Equal(champ, erreur.Champ);
        Assert.False(await Systeme(portee).JetonsAcces.IgnoreQueryFilters().AnyAsync(j => j.UtilisateurId == utilisateur.Id));
    }

    [Fact]
    public async Task Une_expiration_d_un_an_exactement_est_acceptee()
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id);
        using var portee = app.Services.CreateScope();
        var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
        var dansUnAn = DateOnly.FromDateTime(app.Horloge.GetUtcNow().UtcDateTime).AddYears(1);
        var cree = await jetons.CreerAsync(await Compte(portee, utilisateur), "paie", dansUnAn);
        Assert.NotNull(cree.Secret);
    }

    [Fact]
    public async Task Sur_l_api_le_jeton_authentifie_avec_les_revendications_du_cookie_et_le_nom_du_jeton()
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);

        var resultat = await AuthentifierRequeteAsync("/api/v1/lots", secret);

        Assert.True(resultat.Succeeded);
        var principal = resultat.Principal!;
        Assert.Equal(SchemaJeton.Nom, principal.Identity!.AuthenticationType);
        Assert.True(principal.IsInRole(Roles.Facilitateur));
        Assert.Equal(utilisateur.Id.ToString(), principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(utilisateur.StructureId.ToString(), principal.FindFirstValue(RevendicationsClause.StructureId));
        Assert.Equal("test", principal.FindFirstValue(RevendicationsClause.JetonNom));
    }

    [Fact]
    public async Task Sur_une_page_le_jeton_n_est_pas_lu()
    {
        var (_, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);

        var resultat = await AuthentifierRequeteAsync("/Marches", secret);
        Assert.False(resultat.Succeeded);

        var reponse = await app.ClientApi(secret).GetAsync("/Marches");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.StartsWith("/Compte/Connexion", reponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sur_l_api_le_cookie_de_connexion_n_est_pas_accepte()
    {
        var (client, _, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Marches")).StatusCode);

        var reponse = await client.GetAsync("/api/v1/moi");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
        Assert.StartsWith("Bearer", reponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", reponse.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("revoque", "révoqué")]
    [InlineData("expire", "expiré")]
    [InlineData("forge", "pas reconnu")]
    [InlineData("format", "format")]
    public async Task Sur_l_api_un_jeton_refuse_donne_401_invalid_token_et_sa_raison_en_francais(string cas, string raison)
    {
        var (utilisateur, secret) = await UtilisateurEtJetonAsync(Roles.Facilitateur);
        using (var portee = app.Services.CreateScope())
        {
            var db = Systeme(portee);
            var jeton = await db.JetonsAcces.IgnoreQueryFilters().SingleAsync(j => j.UtilisateurId == utilisateur.Id);
            if (cas == "revoque") await portee.ServiceProvider.GetRequiredService<JetonsAcces>().RevoquerAsync(jeton, "test");
            if (cas == "expire")
                await db.JetonsAcces.IgnoreQueryFilters().Where(j => j.Id == jeton.Id).ExecuteUpdateAsync(x => x.SetProperty(j => j.ExpireLe, app.Horloge.GetUtcNow()));
        }
        var presente = cas switch
        {
            "forge" => JetonsAcces.Prefixe + new string('x', JetonsAcces.Longueur - JetonsAcces.Prefixe.Length),
            "format" => "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            _ => secret,
        };

        var reponse = await app.ClientApi(presente).GetAsync("/api/v1/moi");

        Assert.Equal(HttpStatusCode.Unauthorized, reponse.StatusCode);
        Assert.Contains("error=\"invalid_token\"", reponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains(raison, await reponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(Utilisateur Utilisateur, string Secret)> UtilisateurEtJetonAsync(string role)
    {
        var structure = await app.CreerStructureAsync();
        var utilisateur = await app.CreerUtilisateurAsync(role, structure.Id);
        return (utilisateur, await app.CreerJetonAsync(utilisateur));
    }

    private async Task<AuthentificationJetonResultat> AuthentifierAsync(string secret, TimeProvider? horloge = null)
    {
        using var portee = app.Services.CreateScope();
        var jetons = horloge is null
            ? portee.ServiceProvider.GetRequiredService<JetonsAcces>()
            : new JetonsAcces(portee.ServiceProvider.GetRequiredService<ClauseDbContext>(),
                portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>(), horloge);
        return await jetons.AuthentifierAsync(secret);
    }

    private async Task<AuthenticateResult> AuthentifierRequeteAsync(string chemin, string secret)
    {
        using var portee = app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = portee.ServiceProvider };
        http.Request.Path = chemin;
        http.Request.Headers.Authorization = "Bearer " + secret;
        return await http.AuthenticateAsync();
    }

    private static ClauseDbContext Systeme(IServiceScope portee)
    {
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        return db;
    }

    private static async Task<Utilisateur> Compte(IServiceScope portee, Utilisateur utilisateur) =>
        (await portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByIdAsync(utilisateur.Id.ToString()))!;

    private static async Task<byte[]> ReadAllBytesPartageAsync(string chemin)
    {
        await using var flux = new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memoire = new MemoryStream();
        await flux.CopyToAsync(memoire);
        return memoire.ToArray();
    }
}
