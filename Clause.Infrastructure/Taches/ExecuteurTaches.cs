using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clause.Infrastructure.Taches;

/// <summary>
/// Runs a job's work and keeps its run journal (<see cref="ExecutionTache"/>). The journal row is written in its own
/// scope before the work starts and completed after it; the work gets a fresh scope of its own, so when it throws,
/// whatever it had not saved is dropped with its scope (nothing half-written) and the next run starts from a clean
/// context. A thrown exception becomes a failed run with a clear French message, never an unhandled error of the
/// scheduler. The Quartz jobs of Clause.Web call this; tests call it directly.
/// </summary>
public sealed partial class ExecuteurTaches(IServiceScopeFactory portees, TimeProvider horloge, ILogger<ExecuteurTaches> journal)
{
    /// <summary>Runs <paramref name="travail"/> as job <paramref name="cle"/> and returns its journal row.</summary>
    public async Task<ExecutionTache> ExecuterAsync(string cle, DeclenchementTache declenchement, DateTimeOffset? prevuLe, string noeud,
        Func<IServiceProvider, CancellationToken, Task<CompteRendu>> travail, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(travail);
        var execution = new ExecutionTache
        {
            Cle = cle,
            Declenchement = declenchement,
            PrevuLe = prevuLe,
            DebutLe = horloge.GetUtcNow(),
            Noeud = Tronquer(noeud, ExecutionTache.NoeudLongueurMax),
        };
        await EnregistrerAsync(db => db.ExecutionsTaches.Add(execution), annulation).ConfigureAwait(false);

        try
        {
            CompteRendu compteRendu;
            using (var portee = portees.CreateScope())
            {
                portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirSysteme("tâche " + cle);
                compteRendu = await travail(portee.ServiceProvider, annulation).ConfigureAwait(false);
            }
            var echecs = compteRendu.Echecs ?? [];
            execution.Resultat = echecs.Count == 0 ? ResultatTache.Reussie : ResultatTache.Echouee;
            execution.Message = echecs.Count == 0
                ? compteRendu.Resume
                : $"{compteRendu.Resume} — échec pour {echecs.Count} structure(s) : "
                  + string.Join(" ; ", echecs.Select(e => $"{e.Structure} : {MessageDe(e.Erreur)}"));
        }
        catch (OperationCanceledException) when (annulation.IsCancellationRequested)
        {
            execution.Resultat = ResultatTache.Interrompue;
            execution.Message = "Arrêt de l'application pendant l'exécution : elle reprendra à la prochaine échéance.";
        }
        catch (Exception erreur)
        {
            execution.Resultat = ResultatTache.Echouee;
            execution.Message = "La tâche a échoué : " + MessageDe(erreur);
            JournaliserEchec(journal, cle, erreur);
        }

        execution.FinLe = horloge.GetUtcNow();
        execution.Message = execution.Message is null ? null : Tronquer(execution.Message, ExecutionTache.MessageLongueurMax);
        // Completing the row must not depend on the (possibly stopping) caller's token.
        await EnregistrerAsync(db => db.ExecutionsTaches.Update(execution), CancellationToken.None).ConfigureAwait(false);
        return execution;
    }

    /// <summary>
    /// At start-up of node <paramref name="noeud"/>: its runs still "en cours" were cut by a stop or a crash; they are
    /// marked interrupted (the scheduler's recovery or the next fire runs the job again).
    /// </summary>
    public async Task<int> MarquerInterrompuesAsync(string noeud, CancellationToken annulation = default)
    {
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("démarrage des tâches");
        var maintenant = horloge.GetUtcNow();
        return await db.ExecutionsTaches.Where(e => e.Noeud == noeud && e.Resultat == ResultatTache.EnCours)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Resultat, ResultatTache.Interrompue)
                .SetProperty(e => e.FinLe, maintenant)
                .SetProperty(e => e.Message, "Le nœud s'est arrêté pendant l'exécution."), annulation).ConfigureAwait(false);
    }

    private async Task EnregistrerAsync(Action<ClauseDbContext> ecrire, CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("journal des tâches");
        ecrire(db);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>The exception's own message (French for a domain rule), with the inner cause when it adds one.</summary>
    private static string MessageDe(Exception erreur)
    {
        var message = $"{erreur.Message} ({erreur.GetType().Name})";
        return erreur.InnerException is { } cause && cause.Message != erreur.Message ? $"{message} ; cause : {cause.Message}" : message;
    }

    private static string Tronquer(string texte, int longueur) => texte.Length <= longueur ? texte : texte[..(longueur - 1)] + "…";

    // The exception is logged for the operator; job messages never carry addresses or mail bodies.
    [LoggerMessage(Level = LogLevel.Error, Message = "La tâche {Cle} a échoué.")]
    private static partial void JournaliserEchec(ILogger journal, string cle, Exception erreur);
}
