using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>Start-up work: apply pending migrations (setting), tune SQLite (WAL, statistics), seed demo data (Development only).</summary>
public static partial class Demarrage
{
    /// <summary>
    /// Fails fast in Production (issue 16 item 7): every missing or invalid setting — public address, database, mail, first
    /// administrator — reported at once in one French message, before anything is written (Program calls it before the
    /// services are composed: no folder, no database file, no migration, no account). Outside Production nothing is
    /// required: the SQLite demo starts with no configuration at all.
    /// </summary>
    public static void VerifierConfiguration(IConfiguration configuration, IHostEnvironment environnement)
    {
        ArgumentNullException.ThrowIfNull(environnement);
        if (!environnement.IsProduction()) return;
        var erreurs = ErreursConfigurationProduction(configuration);
        if (erreurs.Count > 0) throw new ConfigurationInvalideException(erreurs);
    }

    /// <summary>Each key a Production start needs and does not find, one French line per key (empty: all is there).</summary>
    public static IReadOnlyList<string> ErreursConfigurationProduction(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var erreurs = new List<string>();
        var urlPublique = configuration["Administration:UrlPublique"];
        if (string.IsNullOrWhiteSpace(urlPublique))
            erreurs.Add("Administration:UrlPublique : adresse publique manquante (les liens des mails la portent ; exemple : https://clause.agglo.fr).");
        else if (!Uri.TryCreate(urlPublique, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            erreurs.Add($"Administration:UrlPublique : « {urlPublique} » n'est pas une adresse absolue en http ou https (exemple : https://clause.agglo.fr).");
        erreurs.AddRange(OptionsBase.Verifier(configuration));
        erreurs.AddRange(Clause.Infrastructure.Mail.OptionsMail.VerifierPourProduction(configuration));
        // The address itself is not quoted: start-up messages end up in logs.
        var premier = configuration["Administration:PremierAdministrateur"];
        if (!string.IsNullOrWhiteSpace(premier) && !AdresseEmail.EstValide(premier))
            erreurs.Add("Administration:PremierAdministrateur : ce n'est pas une adresse e-mail valide (exemple : dsi@agglo.fr).");
        return erreurs;
    }

    public static async Task PreparerBaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("demarrage");
        if (portee.ServiceProvider.GetRequiredService<OptionsBase>().MigrerAuDemarrage)
            await db.Database.MigrateAsync();
        await portee.ServiceProvider.GetRequiredService<OptimisationSqlite>().PreparerAsync();
        // Audit rows written before the hash chain existed get their ranks and hashes once (ChaineAudit).
        await Clause.Infrastructure.Audit.ChaineAudit.ScellerAnciennesAsync(db);
        // Rows written before the search columns existed (S11ListesRecherche) get them once (RemplissageRecherche).
        await RemplissageRecherche.RemplirAsync(db);

        await InviterPremierAdministrateurAsync(app, portee.ServiceProvider);

        // Never in Production: demo accounts with a published password.
        var demoActive = app.Configuration.GetValue("DonneesDemo:Actives", true);
        if (app.Environment.IsDevelopment() && demoActive)
        {
            var seme = await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync();
            // The demo rows were written after the start-up statistics: SQLite's planner gets them now.
            if (seme) await portee.ServiceProvider.GetRequiredService<OptimisationSqlite>().OptimiserAsync();
            var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clause.DonneesDemo");
            if (seme) JournalDemo.DonneesCreees(journal);
            var lignes = SemeurDemo.Comptes.Select(c => $"  {c.Role,-15} {c.Email,-28} mot de passe : {c.MotDePasse}");
            Console.WriteLine("Comptes de démonstration :" + Environment.NewLine + string.Join(Environment.NewLine, lignes));
            Console.WriteLine($"Double authentification (Administrateur, Direction) : clé {SemeurDemo.CleDoubleFacteurDemo} "
                + $"à ajouter à une application d'authentification, ou code du moment : oathtool --totp -b {SemeurDemo.CleDoubleFacteurDemo}");
        }
    }

    /// <summary>
    /// A new installation has no account: when Administration:PremierAdministrateur holds an e-mail and no
    /// Administrateur exists yet, that person is invited (mail with a 7-day link to choose a password). While that
    /// administrator has never set a password — the mail failed, the link expired, the start crashed after the account was
    /// written — each start sends the invitation again (<see cref="Invitations.RenvoyerAuDemarrageAsync"/>), so the
    /// installation can always be entered.
    /// </summary>
    private static async Task InviterPremierAdministrateurAsync(WebApplication app, IServiceProvider services)
    {
        var email = app.Configuration["Administration:PremierAdministrateur"];
        if (string.IsNullOrWhiteSpace(email)) return;
        var utilisateurs = services.GetRequiredService<UserManager<Utilisateur>>();
        var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clause.Administration");
        var administrateurs = await utilisateurs.GetUsersInRoleAsync(Roles.Administrateur);
        if (administrateurs.Count > 0)
        {
            var premier = administrateurs.FirstOrDefault(a => string.Equals(a.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
            if (premier is null || !premier.Actif || await utilisateurs.HasPasswordAsync(premier)) return;
            if (await services.GetRequiredService<Invitations>().RenvoyerAuDemarrageAsync(premier))
                JournalDemo.PremierAdministrateurReinvite(journal);
            else
                JournalDemo.PremierAdministrateurInvitationEnAttente(journal);
            return;
        }
        var administrateur = new Utilisateur
        {
            UserName = email,
            Email = email,
            NomComplet = "Administrateur",
            CreeLe = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        // The account and its invitation (deposited in the outbox) are written together: a failed start leaves neither,
        // and the next start invites again.
        await using var transaction = await services.GetRequiredService<ClauseDbContext>().Database.BeginTransactionAsync();
        var resultat = await utilisateurs.CreerInviteAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), administrateur, Roles.Administrateur);
        if (!resultat.Succeeded)
            throw new InvalidOperationException("Premier administrateur : " + string.Join(" ", resultat.Errors.Select(e => e.Description)));
        await services.GetRequiredService<Invitations>().EnvoyerAsync(administrateur, structure: null);
        await transaction.CommitAsync();
        JournalDemo.PremierAdministrateurInvite(journal);
    }

    private static partial class JournalDemo
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Premier administrateur invité : le lien part par mail (boîte d'envoi).")]
        public static partial void PremierAdministrateurInvite(ILogger journal);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Le premier administrateur n'a pas encore choisi de mot de passe : son invitation repart par mail (boîte d'envoi) ; les liens déjà envoyés restent valables.")]
        public static partial void PremierAdministrateurReinvite(ILogger journal);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Le premier administrateur n'a pas encore choisi de mot de passe ; son invitation attend encore dans la boîte d'envoi : pas de nouvel envoi.")]
        public static partial void PremierAdministrateurInvitationEnAttente(ILogger journal);

        [LoggerMessage(Level = LogLevel.Information, Message = "Données de démonstration créées.")]
        public static partial void DonneesCreees(ILogger journal);
    }
}

/// <summary>
/// A Production start refused for its configuration: the message lists every key to fix, one per line, so one restart
/// after fixing them is enough.
/// </summary>
public sealed class ConfigurationInvalideException : Exception
{
    public ConfigurationInvalideException() : this([]) { }

    public ConfigurationInvalideException(string message) : base(message) => Erreurs = [message];

    public ConfigurationInvalideException(string message, Exception inner) : base(message, inner) => Erreurs = [message];

    public ConfigurationInvalideException(IReadOnlyList<string> erreurs) : base(Composer(erreurs)) => Erreurs = erreurs;

    public IReadOnlyList<string> Erreurs { get; }

    private static string Composer(IReadOnlyList<string> erreurs) =>
        "Clause ne démarre pas en production : la configuration est incomplète ou invalide. À corriger "
        + "(appsettings.json ou variables d'environnement Section__Cle, voir docs/operations.md) :"
        + string.Concat((erreurs ?? []).Select(e => Environment.NewLine + "  - " + e));
}
