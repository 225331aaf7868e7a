using Clause.Domain.Commun;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Taches;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Clause.Web.Taches;

public sealed record DerniereExecution(DateTimeOffset DebutLe, DateTimeOffset? FinLe, ResultatTache Resultat, DeclenchementTache Declenchement, string? Message, string Noeud)
{
    public string Duree => FinLe is { } fin ? Taches.TableauTaches.Duree(fin - DebutLe) : "en cours";
}

public sealed record LigneTache(string Cle, string Libelle, string Frequence, DateTimeOffset? ProchaineEcheance, DerniereExecution? Derniere);

public sealed record LigneBoiteEnvoi(Guid Id, string Destinataire, string Sujet, StatutMessage Statut, int Tentatives, DateTimeOffset DeposeLe,
    DateTimeOffset ProchainEssaiLe, DateTimeOffset? EnvoyeLe, string? DerniereErreur);

/// <summary>What the admin page shows: the jobs of the catalogue and the outbox (whole installation, or one structure's mails).</summary>
public sealed record EtatTaches(bool PlanificateurActif, string Noeud, IReadOnlyList<LigneTache> Taches,
    int EnAttente, int Envoyes, int Echoues, IReadOnlyList<LigneBoiteEnvoi> AReprendre, IReadOnlyList<LigneBoiteEnvoi> DerniersEnvoyes, bool PeutLancer)
{
    /// <summary>The consistency check of the compiled totals: its job's last run (when, result, months checked, differences).</summary>
    public DerniereExecution? VerificationTotaux =>
        Taches.FirstOrDefault(t => t.Cle == Clause.Infrastructure.Totaux.TravauxTotaux.CleVerification)?.Derniere;
}

/// <summary>
/// Reads the admin page of the jobs: for each catalogue entry its next fire (from the Quartz store, when this node runs
/// the scheduler) and its last run (one query over the run journal); the outbox counts and the mails to watch
/// (pending and failed, newest first) with the last ones sent. <paramref name="structure"/> limits the outbox to one
/// structure's mails (the Direction's page).
/// </summary>
public sealed class TableauTaches(ClauseDbContext db, OptionsTaches options, IServiceProvider services)
{
    public const int TailleListe = 50;

    public async Task<EtatTaches> LireAsync(StructureId? structure, bool peutLancer, CancellationToken annulation)
    {
        var cles = CatalogueTaches.Toutes.Select(t => t.Cle).ToList();
        var dernieres = await db.ExecutionsTaches.AsNoTracking()
            .Where(e => cles.Contains(e.Cle) && e.DebutLe == db.ExecutionsTaches.Where(x => x.Cle == e.Cle).Max(x => x.DebutLe))
            .Select(e => new { e.Cle, Ligne = new DerniereExecution(e.DebutLe, e.FinLe, e.Resultat, e.Declenchement, e.Message, e.Noeud) })
            .ToListAsync(annulation);

        var planificateur = services.GetService<ISchedulerFactory>() is { } fabrique ? await fabrique.GetScheduler(annulation) : null;
        var taches = new List<LigneTache>();
        foreach (var tache in CatalogueTaches.Toutes)
        {
            var declencheur = planificateur is null ? null : await planificateur.GetTrigger(new TriggerKey(tache.Cle), annulation);
            taches.Add(new LigneTache(tache.Cle, tache.Libelle, tache.Frequence, declencheur?.NextFireTimeUtc,
                dernieres.Where(d => d.Cle == tache.Cle).Select(d => d.Ligne).FirstOrDefault()));
        }

        var boite = db.MessagesSortants.AsNoTracking().Where(m => structure == null || m.StructureId == structure);
        var comptes = await boite.GroupBy(m => m.Statut).Select(g => new { Statut = g.Key, Nombre = g.Count() }).ToListAsync(annulation);
        int Nombre(StatutMessage statut) => comptes.Where(c => c.Statut == statut).Sum(c => c.Nombre);
        var aReprendre = await boite.Where(m => m.Statut != StatutMessage.Envoye).OrderByDescending(m => m.DeposeLe).ThenByDescending(m => m.Id)
            .Take(TailleListe).Select(Ligne).ToListAsync(annulation);
        var envoyes = await boite.Where(m => m.Statut == StatutMessage.Envoye).OrderByDescending(m => m.EnvoyeLe).ThenByDescending(m => m.Id)
            .Take(10).Select(Ligne).ToListAsync(annulation);
        return new EtatTaches(planificateur is not null, options.Noeud, taches, Nombre(StatutMessage.EnAttente), Nombre(StatutMessage.Envoye),
            Nombre(StatutMessage.Echoue), aReprendre, envoyes, peutLancer && planificateur is not null);
    }

    private static readonly System.Linq.Expressions.Expression<Func<MessageSortant, LigneBoiteEnvoi>> Ligne = m =>
        new LigneBoiteEnvoi(m.Id, m.Destinataire, m.Sujet, m.Statut, m.Tentatives, m.DeposeLe, m.ProchainEssaiLe, m.EnvoyeLe, m.DerniereErreur);

    /// <summary>Fires <paramref name="cle"/> now on the cluster (one node runs it); false when unknown or when this node has no scheduler.</summary>
    public async Task<bool> LancerAsync(string cle, CancellationToken annulation)
    {
        if (CatalogueTaches.Trouver(cle) is null || services.GetService<ISchedulerFactory>() is not { } fabrique) return false;
        var planificateur = await fabrique.GetScheduler(annulation);
        await planificateur.TriggerJob(new JobKey(cle), new JobDataMap { [TacheClause.DonneeDeclenchement] = TacheClause.DeclenchementManuel }, annulation);
        return true;
    }

    public static string Duree(TimeSpan duree) =>
        duree < TimeSpan.FromSeconds(1) ? $"{(long)duree.TotalMilliseconds} ms"
        : duree < TimeSpan.FromMinutes(1) ? $"{duree.TotalSeconds:0.#} s".Replace('.', ',')
        : $"{(long)duree.TotalMinutes} min {duree.Seconds:00} s";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Heure(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, Paris).ToString("dd/MM/yyyy HH:mm:ss", Clause.Web.Infrastructure.Affichage.Fr) : "—";
}
