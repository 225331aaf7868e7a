using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Relances;
using Clause.Infrastructure.Securite;
using Clause.Infrastructure.Taches;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace Clause.Tests.Infrastructure.Relances;

/// <summary>
/// The jobs' world without Quartz: the real infrastructure composition (AddClauseInfrastructure) on a SQLite file, a fake
/// clock, and MailKit sending the outbox to a real SMTP server in the process (netDumbster). The jobs' services run as
/// the Quartz wrappers run them — per structure through <see cref="ParStructure"/> — and the outbox is sent by helper D's
/// sender, so a test reads the mails the SMTP server received.
/// </summary>
public sealed class EnvironnementTaches : IDisposable
{
    public const string UrlPublique = "https://clause.exemple.fr/";

    private readonly string _dossier = Path.Combine(Path.GetTempPath(), "clause-tests", "taches-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public EnvironnementTaches()
    {
        Directory.CreateDirectory(_dossier);
        Smtp = SimpleSmtpServer.Start();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqlitePath"] = Path.Combine(_dossier, "clause.db"),
            ["Mail:Hote"] = "localhost",
            ["Mail:Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Securite"] = "Aucune",
            ["Mail:Expediteur"] = "clause@exemple.fr",
            ["Administration:UrlPublique"] = UrlPublique,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddClauseInfrastructure(configuration, _dossier);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Horloge);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var portee = _services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        db.Database.Migrate();
    }

    public SimpleSmtpServer Smtp { get; }

    public FakeTimeProvider Horloge { get; } = new(new DateTimeOffset(2026, 1, 1, 5, 0, 0, TimeSpan.Zero));

    public IServiceScopeFactory Portees => _services.GetRequiredService<IServiceScopeFactory>();

    /// <summary>Sets the clock at 06:00 in Paris on <paramref name="jour"/> (the jobs' hour).</summary>
    public void Le(DateOnly jour) => Horloge.SetUtcNow(new DateTimeOffset(jour.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));

    public async Task<Structure> CreerStructureAsync(string nom)
    {
        var structure = Structure.Creer(nom, TypeStructure.Plie, "Tours");
        await SystemeAsync(async db =>
        {
            db.Structures.Add(structure);
            await db.SaveChangesAsync();
        });
        return structure;
    }

    public async Task SystemeAsync(Func<ClauseDbContext, Task> travail)
    {
        ArgumentNullException.ThrowIfNull(travail);
        using var portee = _services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        await travail(db);
    }

    /// <summary>Work inside one structure, as a job of that structure would do it (tenant filter on).</summary>
    public async Task<T> PourAsync<T>(StructureId structure, Func<IServiceProvider, ClauseDbContext, Task<T>> travail)
    {
        ArgumentNullException.ThrowIfNull(travail);
        using var portee = _services.CreateScope();
        portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirTache("tests", structure);
        return await travail(portee.ServiceProvider, portee.ServiceProvider.GetRequiredService<ClauseDbContext>());
    }

    public Task PourAsync(StructureId structure, Func<IServiceProvider, ClauseDbContext, Task> travail) =>
        PourAsync(structure, async (sp, db) =>
        {
            await travail(sp, db);
            return 0;
        });

    /// <summary>A staff account (Identity rows written directly: the services only read them).</summary>
    public async Task<Utilisateur> CreerCompteAsync(string role, StructureId structure, string email, string nom)
    {
        var compte = new Utilisateur
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NomComplet = nom,
            StructureId = structure,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        await SystemeAsync(async db =>
        {
            var existant = await db.Roles.FirstOrDefaultAsync(r => r.Name == role);
            if (existant is null)
            {
                existant = new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(), NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(existant);
            }
            db.Users.Add(compte);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = compte.Id, RoleId = existant.Id });
            await db.SaveChangesAsync();
        });
        return compte;
    }

    /// <summary>The daily reminder job: every structure in turn, then the outbox's sender; returns each structure's result.</summary>
    public async Task<IReadOnlyList<ResultatRelances>> RelancerAsync()
    {
        var resultats = new List<ResultatRelances>();
        var echecs = await ParStructure.PourChacuneAsync(Portees, "relances", async (sp, _, ct) =>
            resultats.Add(await sp.GetRequiredService<ServiceRelances>().RelancerAsync(ct)));
        Assert.Empty(echecs);
        await EnvoyerBoiteAsync();
        return resultats;
    }

    /// <summary>The daily alert job, then the outbox's sender.</summary>
    public async Task<IReadOnlyList<ResultatAlertes>> AlerterAsync()
    {
        var resultats = new List<ResultatAlertes>();
        var echecs = await ParStructure.PourChacuneAsync(Portees, "alertes", async (sp, _, ct) =>
            resultats.Add(await sp.GetRequiredService<ServiceAlertes>().AlerterAsync(ct)));
        Assert.Empty(echecs);
        await EnvoyerBoiteAsync();
        return resultats;
    }

    public async Task EnvoyerBoiteAsync()
    {
        using var portee = _services.CreateScope();
        portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme("boite-envoi");
        await ActivatorUtilities.CreateInstance<ExpediteurBoiteEnvoi>(portee.ServiceProvider).EnvoyerEnAttenteAsync();
    }

    /// <summary>Every mail the SMTP server received, parsed.</summary>
    public IReadOnlyList<MimeMessage> MailsRecus() =>
        Smtp.ReceivedEmail.Select(m =>
        {
            using var brut = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data));
            return MimeMessage.Load(brut);
        }).ToList();

    public void Dispose()
    {
        Smtp.Dispose();
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dossier, recursive: true); }
        catch (IOException) { /* the OS cleans the temp folder */ }
    }
}
