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
    /// Administrateur exists yet, that person is invited (mail with a 7-day link to choose a password).
    /// </summary>
    private static async Task InviterPremierAdministrateurAsync(WebApplication app, IServiceProvider services)
    {
        var email = app.Configuration["Administration:PremierAdministrateur"];
        if (string.IsNullOrWhiteSpace(email)) return;
        var utilisateurs = services.GetRequiredService<UserManager<Utilisateur>>();
        if ((await utilisateurs.GetUsersInRoleAsync(Roles.Administrateur)).Count > 0) return;
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
        var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clause.Administration");
        JournalDemo.PremierAdministrateurInvite(journal);
    }

    private static partial class JournalDemo
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Premier administrateur invité : le lien part par mail (boîte d'envoi).")]
        public static partial void PremierAdministrateurInvite(ILogger journal);

        [LoggerMessage(Level = LogLevel.Information, Message = "Données de démonstration créées.")]
        public static partial void DonneesCreees(ILogger journal);
    }
}
