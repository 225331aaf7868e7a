using System.Net;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Securite;
using Clause.Infrastructure;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clause.Tests.Web;

/// <summary>
/// The app with a hook that runs just before a buyer is saved: it lets a test play "another user saved
/// the same SIRET between the page's check and its save", so the unique index answers.
/// </summary>
public sealed class FabriqueClauseConcurrente : FabriqueClause
{
    public CourseAvantEnregistrement Course { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The hook must run before the audit interceptor: that one opens the save's transaction (BEGIN IMMEDIATE, for the
        // audit chain), and the race played here is the one that happens before it — another user's save between the page's
        // check and this save's transaction. EF keeps interceptors in registration order, so the context's options are
        // composed again (as in AddClauseInfrastructure) with the hook first.
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IDbContextOptionsConfiguration<SqliteClauseDbContext>>();
            services.ConfigureDbContext<SqliteClauseDbContext>((sp, o) => o
                .UseSqlite(sp.GetRequiredService<OptionsBase>().ChaineConnexion)
                .AddInterceptors(Course, sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ReglageConnexionSqlite>()));
        });
    }
}

public sealed class CourseAvantEnregistrement : SaveChangesInterceptor
{
    private Func<DonneurOrdre, Task>? _action;

    /// <summary>Runs <paramref name="action"/> once, before the next save that inserts or updates a buyer.</summary>
    public void Armer(Func<DonneurOrdre, Task> action) => _action = action;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var donneur = eventData.Context!.ChangeTracker.Entries<DonneurOrdre>()
            .FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified)?.Entity;
        if (donneur is not null && Interlocked.Exchange(ref _action, null) is { } action)
            await action(donneur);
        return result;
    }
}

public class DonneursOrdreConcurrenceTests(FabriqueClauseConcurrente app) : IClassFixture<FabriqueClauseConcurrente>
{
    [Fact]
    public async Task Siret_enregistre_entre_la_verification_et_l_ecriture_est_refuse_par_l_index_unique()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        app.Course.Armer(donneur => app.SemerDonneurAsync(structure.Id, "Saisi au même moment", TypeDonneurOrdre.Commune, siret: donneur.Siret));

        var reponse = await FabriqueClause.PosterAsync(client, "/DonneursOrdre/Creer", new()
        {
            ["Saisie.RaisonSociale"] = "Ville de Saumur",
            ["Saisie.Type"] = "Commune",
            ["Saisie.Siret"] = "35600000049837",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("Un donneur d'ordre de votre structure a déjà ce SIRET.", (await AcheteursDeTest.DocumentAsync(reponse)).ErreurDuChamp("Saisie.Siret"));
        var noms = await app.LireBaseAsync(db => db.DonneursOrdre.Where(d => d.StructureId == structure.Id).Select(d => d.RaisonSociale).ToListAsync());
        Assert.Equal(["Saisi au même moment"], noms);
    }
}
