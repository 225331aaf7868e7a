using System.Diagnostics;
using Clause.Infrastructure;
using Clause.Infrastructure.Echelle;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clause.Web.Banc;

/// <summary>One generated database of the benchmarks: its file, the proofs' folder, how long the generation took (null: reused).</summary>
public sealed record BaseEchelle(ParametresEchelle Parametres, string Chemin, string DossierPieces, TimeSpan? Generation)
{
    public long Octets => new FileInfo(Chemin).Length;
}

/// <summary>
/// The benchmark databases under one folder: <c>{nom}.db</c>, <c>{nom}-pieces/</c> and <c>{nom}.signature</c> (generator
/// version, last migration, parameters). A database whose signature matches is reused; otherwise the demo (the template)
/// is seeded, then copied and cloned by <see cref="GenerateurEchelle"/>. Shared by every benchmark verb.
/// </summary>
public static class BasesEchelle
{
    public static async Task<BaseEchelle> PreparerAsync(string dossier, ParametresEchelle parametres, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(parametres);
        Directory.CreateDirectory(dossier);
        var chemin = Path.Combine(dossier, parametres.Nom + ".db");
        var pieces = Path.Combine(dossier, parametres.Nom + "-pieces");
        var signature = parametres.Signature(DerniereMigration());
        var fichierSignature = Path.Combine(dossier, parametres.Nom + ".signature");
        if (File.Exists(chemin) && File.Exists(fichierSignature) && await File.ReadAllTextAsync(fichierSignature, annulation) == signature)
            return new BaseEchelle(parametres, chemin, pieces, null);

        var chrono = Stopwatch.StartNew();
        Effacer(chemin, pieces, fichierSignature);
        if (parametres == ParametresEchelle.Demo)
        {
            await using var hote = Hote(chemin, pieces, dossier, new HorlogeArretee(GenerateurEchelle.Maintenant));
            using var portee = hote.Services.CreateScope();
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            db.Contexte.DefinirSysteme("banc");
            await db.Database.MigrateAsync(annulation);
            await GenerateurEchelle.SemerModeleAsync(portee.ServiceProvider, annulation);
            await GenerateurEchelle.ClonerAsync(db, parametres, pieces, annulation);
        }
        else
        {
            var modele = await PreparerAsync(dossier, ParametresEchelle.Demo, annulation);
            SqliteConnection.ClearAllPools();
            File.Copy(modele.Chemin, chemin);
            CopierDossier(modele.DossierPieces, pieces);
            await using var hote = Hote(chemin, pieces, dossier, new HorlogeArretee(GenerateurEchelle.Maintenant));
            using var portee = hote.Services.CreateScope();
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            db.Contexte.DefinirSysteme("banc");
            await GenerateurEchelle.ClonerAsync(db, parametres, pieces, annulation);
        }
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(fichierSignature, signature, annulation);
        return new BaseEchelle(parametres, chemin, pieces, chrono.Elapsed);
    }

    /// <summary>The app's services on one database, not started (no server, no hosted service): to generate or prepare.</summary>
    public static WebApplication Hote(string chemin, string pieces, string dossier, TimeProvider horloge)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqlitePath"] = chemin,
            ["Database:MigrateAtStartup"] = "false",
            ["Pieces:Dossier"] = pieces,
            ["DataProtection:KeysPath"] = Path.Combine(dossier, "cles"),
            ["Mail:DossierDepot"] = Path.Combine(dossier, "mails"),
            ["DonneesDemo:Actives"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddClauseInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddClauseWeb(builder.Configuration, builder.Environment);
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(horloge);
        return builder.Build();
    }

    private static string DerniereMigration()
    {
        using var hote = Hote(Path.Combine(Path.GetTempPath(), "clause-banc-signature.db"), Path.GetTempPath(), Path.GetTempPath(), TimeProvider.System);
        using var portee = hote.Services.CreateScope();
        return portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Database.GetMigrations().Last();
    }

    private static void Effacer(string chemin, string pieces, string signature)
    {
        foreach (var fichier in new[] { chemin, chemin + "-wal", chemin + "-shm", chemin + "-journal", signature })
            if (File.Exists(fichier)) File.Delete(fichier);
        if (Directory.Exists(pieces)) Directory.Delete(pieces, recursive: true);
    }

    private static void CopierDossier(string source, string cible)
    {
        if (!Directory.Exists(source)) return;
        foreach (var fichier in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(cible, Path.GetRelativePath(source, fichier));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(fichier, destination);
        }
    }
}

/// <summary>A clock that does not move: the generation happens "on" <see cref="GenerateurEchelle.Maintenant"/>.</summary>
public sealed class HorlogeArretee(DateTimeOffset instant) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => instant;
}
