using Clause.Infrastructure;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>Start-up work: apply pending migrations (setting), seed demo data (Development only).</summary>
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

        // Never in Production: demo accounts with a published password.
        var demoActive = app.Configuration.GetValue("DonneesDemo:Actives", true);
        if (app.Environment.IsDevelopment() && demoActive)
        {
            var seme = await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync();
            var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clause.DonneesDemo");
            if (seme) JournalDemo.DonneesCreees(journal);
            var lignes = SemeurDemo.Comptes.Select(c => $"  {c.Role,-15} {c.Email,-28} mot de passe : {c.MotDePasse}");
            Console.WriteLine("Comptes de démonstration :" + Environment.NewLine + string.Join(Environment.NewLine, lignes));
        }
    }

    private static partial class JournalDemo
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Données de démonstration créées.")]
        public static partial void DonneesCreees(ILogger journal);
    }
}
