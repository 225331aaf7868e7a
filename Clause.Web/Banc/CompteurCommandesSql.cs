using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Web.Banc;

/// <summary>
/// For the scale benchmark only (<c>Banc:CompterCommandes=true</c>, set by <see cref="CommandeBanc"/> on the app it starts):
/// counts the SQL commands of each request and writes the count in the response header <see cref="EnTete"/> when the
/// response starts (a Razor page is buffered until rendered, so the header counts the whole page). Off, nothing is added.
/// </summary>
public sealed class CompteurCommandesSql : ObservateurCommandes
{
    public const string EnTete = "X-Clause-Commandes-Sql";

    private static readonly AsyncLocal<StrongBox<int>?> Courant = new();

    protected override void Observer(DbCommand commande)
    {
        if (Courant.Value is { } compte) Interlocked.Increment(ref compte.Value);
    }

    /// <summary>Adds the interceptor to the SQLite context when the setting asks for it.</summary>
    public static IServiceCollection AjouterSiDemande(IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Banc:CompterCommandes", false)) return services;
        var compteur = new CompteurCommandesSql();
        services.ConfigureDbContext<SqliteClauseDbContext>((_, o) => o.AddInterceptors(compteur));
        return services;
    }

    /// <summary>First middleware of the pipeline when the setting asks for it: one count per request.</summary>
    public static WebApplication UtiliserSiDemande(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue("Banc:CompterCommandes", false)) return app;
        app.Use(async (contexte, suivant) =>
        {
            var compte = new StrongBox<int>();
            Courant.Value = compte;
            contexte.Response.OnStarting(() =>
            {
                contexte.Response.Headers[EnTete] = compte.Value.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await suivant(contexte);
        });
        return app;
    }
}
