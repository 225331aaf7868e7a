using Clause.Infrastructure.Relances;
using Clause.Infrastructure.Taches;
using Quartz;

namespace Clause.Web.Taches;

/// <summary>
/// The declaration reminders of every structure (issue 12 item 3, <see cref="ServiceRelances"/>), once a day: each
/// structure in its own scope (<see cref="ParStructure"/>); the mails go to the outbox, sent by « boite-envoi ».
/// </summary>
[DisallowConcurrentExecution]
public sealed class TacheRelances(ExecuteurTaches executeur, IServiceScopeFactory portees) : TacheClause(executeur)
{
    public const string Cle = "relances-declarations";

    protected override async Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation)
    {
        var resultats = new List<ResultatRelances>();
        var echecs = await ParStructure.PourChacuneAsync(portees, Cle, async (sp, _, ct) =>
            resultats.Add(await sp.GetRequiredService<ServiceRelances>().RelancerAsync(ct).ConfigureAwait(false)), annulation).ConfigureAwait(false);
        var dus = resultats.Where(r => r.Mois is not null).ToList();
        var resume = dus.Count == 0
            ? "Aucune relance n'est due aujourd'hui."
            : $"{resultats.Count} structure(s) : " + string.Join(" · ", dus.Select(r => r.Resume));
        return CompteRendu.De(resume, echecs);
    }
}

/// <summary>The alerts of every structure (issue 12 item 4, <see cref="ServiceAlertes"/>), once a day.</summary>
[DisallowConcurrentExecution]
public sealed class TacheAlertes(ExecuteurTaches executeur, IServiceScopeFactory portees) : TacheClause(executeur)
{
    public const string Cle = "alertes";

    protected override async Task<CompteRendu> TravaillerAsync(IServiceProvider services, CancellationToken annulation)
    {
        var resultats = new List<ResultatAlertes>();
        var echecs = await ParStructure.PourChacuneAsync(portees, Cle, async (sp, _, ct) =>
            resultats.Add(await sp.GetRequiredService<ServiceAlertes>().AlerterAsync(ct).ConfigureAwait(false)), annulation).ConfigureAwait(false);
        return CompteRendu.De($"{resultats.Count} structure(s) : {resultats.Sum(r => r.Total)} alerte(s) nouvelle(s), {resultats.Sum(r => r.Mails)} mail(s)", echecs);
    }
}
