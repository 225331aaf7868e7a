using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Taches;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>Sends the outbox's pending mails (<see cref="ExpediteurBoiteEnvoi"/>).</summary>
[DisallowConcurrentExecution]
public sealed class TacheBoiteEnvoi(ExecuteurTaches executeur) : TacheClause(executeur)
{
    public const string Cle = "boite-envoi";

    protected override Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation) =>
        services.GetRequiredService<ExpediteurBoiteEnvoi>().EnvoyerEnAttenteAsync(annulation);
}
