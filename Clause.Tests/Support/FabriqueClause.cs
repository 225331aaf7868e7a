using System.Net;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Support;

/// <summary>
/// The real app (all middleware, real SQLite file, mail drop folder) for page tests. Each fixture has its
/// own database and folders. Helpers create structures and users and sign them in with the real form.
/// </summary>
public partial class FabriqueClause : WebApplicationFactory<Program>
{
    public const string MotDePasse = "cheval-agrafe-batterie-correcte";

    private readonly string _dossier;

    private readonly bool _dossierPartage;

    private readonly string _environnement;

    public FabriqueClause() : this("Test") { }

    /// <summary>Demo data is seeded only in "Development"; tests use "Test" unless they check that.</summary>
    protected FabriqueClause(string environnement) : this(environnement, null) { }

    /// <summary>
    /// With <paramref name="dossier"/>, the fixture uses that folder (database, mails, keys) and leaves it in place: two
    /// fixtures in turn are the same installation stopped and started again (the misfire test). The test deletes it.
    /// </summary>
    protected FabriqueClause(string environnement, string? dossier)
    {
        _environnement = environnement;
        _dossierPartage = dossier is not null;
        _dossier = dossier ?? Path.Combine(Path.GetTempPath(), "clause-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dossier);
    }

    public string DossierMails => Path.Combine(_dossier, "mails");

    /// <summary>This fixture's folder (database, mails, keys, proofs): empty until the app writes something.</summary>
    public string Dossier => _dossier;

    /// <summary>
    /// The settings a Production start requires (Demarrage.VerifierConfiguration): a public address and an SMTP server
    /// (<paramref name="portSmtp"/>: the test's in-process server, or none listening when the test sends nothing).
    /// </summary>
    public static void ConfigurerProduction(IWebHostBuilder builder, int portSmtp = 2525)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Administration:UrlPublique", "https://clause.agglo-exemple.fr");
        builder.UseSetting("Mail:Hote", "localhost");
        builder.UseSetting("Mail:Port", portSmtp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Securite", "Aucune");
        builder.UseSetting("Mail:Expediteur", "clause@agglo-exemple.fr");
    }

    /// <summary>Pieces:Dossier of this fixture: the proofs' files, in its own temporary folder.</summary>
    public string DossierPieces => Path.Combine(_dossier, "pieces");

    public FakeTimeProvider Horloge { get; } = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Whether this fixture runs the Quartz scheduler (Taches:Actives). Off by default: the page tests never wait for
    /// it; the job tests switch it on (Clause.Tests/Web/Taches) and move <see cref="Horloge"/>.
    /// </summary>
    protected virtual bool PlanificateurActif => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environnement);
        builder.UseSetting("Database:SqlitePath", Path.Combine(_dossier, "clause.db"));
        builder.UseSetting("Mail:DossierDepot", DossierMails);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_dossier, "cles"));
        builder.UseSetting("Pieces:Dossier", DossierPieces);
        // Every test client shares one (unknown) IP address: the sign-in limit would refuse the 11th sign-in of a fixture.
        // The limits are tested with their own small values (Clause.Tests/Web/Api/LimitesDebitTests.cs).
        builder.UseSetting("Formulaires:LimiteParMinute", "100000");
        builder.UseSetting("Taches:Actives", PlanificateurActif ? "true" : "false");
        builder.UseSetting("Taches:Noeud", "test-" + Path.GetFileName(_dossier));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Horloge);
        });
    }

    /// <summary>
    /// A context over this fixture's database that sets up and checks the rows of every structure (test support: no tenant
    /// filter, see <see cref="BaseToutesStructures"/>); it writes as the system. The app is started first (migrations).
    /// </summary>
    public BaseToutesStructures ToutesStructures()
    {
        _ = Services;
        return BaseToutesStructures.Ouvrir(o => o.UseSqlite("Data Source=" + CheminBase), Horloge);
    }

    /// <summary>This fixture's SQLite file.</summary>
    public string CheminBase => Path.Combine(_dossier, "clause.db");

    public async Task<Structure> CreerStructureAsync(string? nom = null)
    {
        using var portee = Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        var structure = Structure.Creer(nom ?? "Structure " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        db.Structures.Add(structure);
        db.Reglages.Add(Reglages.ParDefaut(structure.Id));
        await db.SaveChangesAsync();
        return structure;
    }

    /// <summary>
    /// A signed-up account with <see cref="MotDePasse"/>. An Administrateur or a Direction must use a second factor: it is
    /// enrolled here with a random authenticator key (<paramref name="doubleFacteur"/> null), as after its enrolment, and
    /// <see cref="ConnecterAsync"/> types its code; <paramref name="doubleFacteur"/> false leaves it to enrol, true enrols any role.
    /// </summary>
    public async Task<Utilisateur> CreerUtilisateurAsync(string role, StructureId? structureId, EntrepriseId? entrepriseId = null, DonneurOrdreId? donneurOrdreId = null,
        string? email = null, bool? doubleFacteur = null)
    {
        using var portee = Services.CreateScope();
        var roles = portee.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var r in Roles.Tous)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole<Guid>(r));
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.fr";
        var utilisateur = new Utilisateur
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            NomComplet = $"{Roles.Libelle(role)} de test",
            StructureId = structureId,
            EntrepriseId = entrepriseId,
            DonneurOrdreId = donneurOrdreId,
            LockoutEnabled = true,
        };
        var resultat = await utilisateurs.CreateAsync(utilisateur, MotDePasse);
        Assert.True(resultat.Succeeded, string.Join(" ", resultat.Errors.Select(e => e.Description)));
        await utilisateurs.AddToRoleAsync(utilisateur, role);
        if (doubleFacteur ?? DoubleFacteur.Requis(role, tousRolesDuPersonnel: false))
        {
            await utilisateurs.ResetAuthenticatorKeyAsync(utilisateur);
            await utilisateurs.SetTwoFactorEnabledAsync(utilisateur, true);
        }
        return utilisateur;
    }

    /// <summary>The account's authenticator key (base32), as its app holds it.</summary>
    public async Task<string?> CleAuthentificateurAsync(string email)
    {
        using var portee = Services.CreateScope();
        var utilisateurs = portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var compte = await utilisateurs.FindByEmailAsync(email);
        return compte is null ? null : await utilisateurs.GetAuthenticatorKeyAsync(compte);
    }

    /// <summary>The code the account's app shows at <see cref="Horloge"/>'s time (plus <paramref name="decalagePas"/> 30-second steps).</summary>
    public async Task<string> CodeAuthentificateurAsync(string email, int decalagePas = 0)
    {
        var cle = await CleAuthentificateurAsync(email) ?? throw new InvalidOperationException($"{email} n'a pas de clé d'authentification.");
        return Totp.Code(Totp.Decoder(cle), Totp.Pas(Horloge.GetUtcNow()) + decalagePas);
    }

    /// <summary>
    /// Forgets the last step the account's code was accepted at: the fake clock does not move by itself, so a test signing
    /// the same account in twice would otherwise replay a code (refused: Clause.Tests/Web/Compte/DoubleFacteurTests.cs).
    /// </summary>
    public async Task OublierDernierCodeAsync(string email)
    {
        using var portee = Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.DernierPasAuthentificateur, (long?)null));
    }

    /// <summary>
    /// Sends the outbox's pending mails now, as the job "boite-envoi" would on its next minute (the scheduler is off in
    /// page tests); returns the job's summary.
    /// </summary>
    public async Task<string> EnvoyerMailsAsync()
    {
        using var portee = Services.CreateScope();
        portee.ServiceProvider.GetRequiredService<Clause.Infrastructure.Securite.ContexteExecution>().DefinirSysteme("tests");
        var compteRendu = await portee.ServiceProvider.GetRequiredService<Clause.Infrastructure.Mail.ExpediteurBoiteEnvoi>().EnvoyerEnAttenteAsync();
        return compteRendu.Resume;
    }

    /// <summary>Creates a personal access token for <paramref name="utilisateur"/> (90 days); returns its secret.</summary>
    public async Task<string> CreerJetonAsync(Utilisateur utilisateur, string nom = "test")
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        using var portee = Services.CreateScope();
        var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
        var compte = await portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByIdAsync(utilisateur.Id.ToString());
        var cree = await jetons.CreerAsync(compte!, nom, jetons.ExpirationParDefaut());
        return cree.Secret;
    }

    /// <summary>A client of the API presenting <paramref name="jeton"/> as its bearer token (no cookie, no redirects).</summary>
    public HttpClient ClientApi(string jeton)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
        return client;
    }

    /// <summary>A client that does not follow redirects (to see 302/404 as they are).</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Signs in through the real sign-in form — and, for an account with a second factor, through its second step with the
    /// code its app shows now (<see cref="CodeAuthentificateurAsync"/>); returns the client carrying the cookie.
    /// </summary>
    public async Task<HttpClient> ConnecterAsync(string email, string motDePasse = MotDePasse)
    {
        var client = Client();
        var reponse = await PosterAsync(client, "/Compte/Connexion", new() { ["Saisie.Email"] = email, ["Saisie.MotDePasse"] = motDePasse });
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        if (reponse.Headers.Location?.OriginalString.StartsWith("/Compte/DoubleFacteur", StringComparison.Ordinal) == true)
            await SecondeEtapeAsync(client, email, reponse.Headers.Location.OriginalString);
        return client;
    }

    /// <summary>The second step of sign-in: the app's current code posted on <paramref name="adresse"/>; a redirect expected.</summary>
    public async Task SecondeEtapeAsync(HttpClient client, string email, string adresse = "/Compte/DoubleFacteur")
    {
        await OublierDernierCodeAsync(email);
        var reponse = await PosterAsync(client, adresse, new() { ["Saisie.Code"] = await CodeAuthentificateurAsync(email) });
        Assert.True(reponse.StatusCode == HttpStatusCode.Redirect, $"Seconde étape refusée pour {email} : {(int)reponse.StatusCode}");
    }

    /// <summary>A signed-in user of a new structure with the given role.</summary>
    public async Task<(HttpClient Client, Structure Structure, Utilisateur Utilisateur)> NouvelUtilisateurConnecteAsync(string role)
    {
        var structure = await CreerStructureAsync();
        var utilisateur = await CreerUtilisateurAsync(role, role == Roles.Administrateur ? null : structure.Id);
        return (await ConnecterAsync(utilisateur.Email!), structure, utilisateur);
    }

    /// <summary>GETs the form page to read its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PosterAsync(HttpClient client, string url, Dictionary<string, string> champs, string? urlFormulaire = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(urlFormulaire ?? url);
        var jeton = JetonAntiforgery().Match(page);
        Assert.True(jeton.Success, "Pas de jeton antiforgery sur " + (urlFormulaire ?? url));
        var contenu = new Dictionary<string, string>(champs) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(jeton.Groups[1].Value) };
        using var formulaire = new FormUrlEncodedContent(contenu);
        return await client.PostAsync(url, formulaire);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_dossierPartage)
        {
            try { Directory.Delete(_dossier, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment; the temp folder is cleaned by the OS. */ }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonAntiforgery();
}
