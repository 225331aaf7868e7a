using System.Threading.Channels;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>
/// « Mot de passe oublié » links (issue 16 item 3): a token of the « Reinitialisation » provider (1 hour, single use:
/// the security stamp it carries changes when the password is set), the absolute link to /Compte/Reinitialisation, the
/// French mail deposited in the outbox (<see cref="BoiteEnvoi"/>).
/// <para>
/// Two ways in. <see cref="EnvoyerParAsync"/>: an administrator or the Direction sends the link from the users' pages,
/// with an audit row, in one transaction. <see cref="TraiterDemandeAsync"/>: someone typed an address on
/// « Mot de passe oublié ? » — the page only queues it (<see cref="FileDemandesReinitialisation"/>) and always answers
/// the same, so the request does the same work whether the address exists or not; the queue's worker looks the
/// address up and deposits a link for an active account only (a deactivated or unknown address gets nothing).
/// </para>
/// </summary>
public sealed class Reinitialisations(UserManager<Utilisateur> utilisateurs, ClauseDbContext db, BoiteEnvoi boite, TimeProvider horloge,
    IOptions<JetonReinitialisationOptions> options, IHttpContextAccessor http, IConfiguration configuration)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public const string PageReinitialisation = "/Compte/Reinitialisation";

    /// <summary>The audit row's field when staff send a reset link.</summary>
    public const string ChampJournal = "LienReinitialisation";

    /// <summary>A queued request of « Mot de passe oublié ? »: the address typed and the request's base address (for the link).</summary>
    public async Task TraiterDemandeAsync(DemandeReinitialisation demande, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(demande);
        db.Contexte.DefinirSysteme("mot de passe oublié");
        var compte = await utilisateurs.FindByEmailAsync(demande.Email);
        if (compte is null || !compte.Actif) return;
        await DeposerAsync(compte, demande.BaseRequete, annulation);
    }

    /// <summary>Staff send a reset link to an active account (it may or may not have a password yet); audited.</summary>
    public async Task EnvoyerParAsync(Utilisateur compte, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(compte);
        await using var transaction = await db.Database.BeginTransactionAsync(annulation);
        await DeposerAsync(compte, Invitations.BaseRequete(http.HttpContext), annulation);
        await JournalComptes.JournaliserAsync(db, compte, ChampJournal, "lien de réinitialisation déposé dans la boîte d'envoi", horloge, annulation);
        await transaction.CommitAsync(annulation);
    }

    /// <summary>True when <paramref name="jeton"/> is a live reset link of <paramref name="compte"/> (not expired, not used).</summary>
    public Task<bool> EstValableAsync(Utilisateur compte, string jeton) =>
        utilisateurs.VerifyUserTokenAsync(compte, ComposeWeb.ReinitialisationTokenProvider, UserManager<Utilisateur>.ResetPasswordTokenPurpose, jeton);

    private async Task DeposerAsync(Utilisateur compte, string? baseRequete, CancellationToken annulation)
    {
        var jeton = await utilisateurs.GenerateUserTokenAsync(compte, ComposeWeb.ReinitialisationTokenProvider, UserManager<Utilisateur>.ResetPasswordTokenPurpose);
        var chemin = QueryHelpers.AddQueryString(PageReinitialisation, new Dictionary<string, string?>
        {
            ["utilisateur"] = compte.Id.ToString(),
            ["jeton"] = jeton,
        });
        var maintenant = horloge.GetUtcNow();
        var expireLe = TimeZoneInfo.ConvertTime(maintenant + options.Value.TokenLifespan, Paris);
        // Each request is its own mail (the key names the instant): two requests, two links, both valid until used.
        boite.Deposer(ModelesMail.Reinitialisation(compte.Email!, compte.NomComplet, Invitations.LienAbsolu(configuration, baseRequete, chemin), expireLe),
            $"reinitialisation:{compte.Id:N}:{maintenant.UtcTicks}:{Guid.NewGuid():N}");
        await db.SaveChangesAsync(annulation);
    }
}

public sealed record DemandeReinitialisation(string Email, string? BaseRequete);

/// <summary>
/// The requests of « Mot de passe oublié ? » waiting for <see cref="TraitementReinitialisations"/> (in memory, bounded:
/// past <see cref="Capacite"/> waiting requests the newest are dropped — the form is rate limited long before that).
/// <see cref="AttendreAsync"/> waits until every request queued so far is handled (tests, and nothing else).
/// </summary>
public sealed class FileDemandesReinitialisation
{
    public const int Capacite = 1000;

    private readonly Channel<DemandeReinitialisation> _file = Channel.CreateBounded<DemandeReinitialisation>(
        new BoundedChannelOptions(Capacite) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Lock _verrou = new();

    private long _deposees;

    private long _traitees;

    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelReader<DemandeReinitialisation> Lecteur => _file.Reader;

    public void Deposer(DemandeReinitialisation demande)
    {
        lock (_verrou)
        {
            if (_file.Writer.TryWrite(demande)) _deposees++;
        }
    }

    internal void Traitee()
    {
        lock (_verrou)
        {
            _traitees++;
            _signal.TrySetResult();
            _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async Task AttendreAsync(CancellationToken annulation = default)
    {
        long cible;
        lock (_verrou) cible = _deposees;
        while (true)
        {
            Task signal;
            lock (_verrou)
            {
                if (_traitees >= cible) return;
                signal = _signal.Task;
            }
            await signal.WaitAsync(annulation);
        }
    }
}

/// <summary>Handles the queued « Mot de passe oublié ? » requests one by one, each in its own scope.</summary>
public sealed partial class TraitementReinitialisations(FileDemandesReinitialisation file, IServiceScopeFactory portees,
    ILogger<TraitementReinitialisations> journal) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var demande in file.Lecteur.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var portee = portees.CreateScope();
                await portee.ServiceProvider.GetRequiredService<Reinitialisations>().TraiterDemandeAsync(demande, stoppingToken);
            }
            catch (Exception erreur) when (erreur is not OperationCanceledException)
            {
                Echec(journal, erreur);
            }
            finally
            {
                file.Traitee();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Demande « mot de passe oublié » non traitée.")]
    private static partial void Echec(ILogger journal, Exception erreur);
}

public static class ComposeReinitialisations
{
    public static IServiceCollection AddReinitialisations(this IServiceCollection services)
    {
        services.AddScoped<Reinitialisations>();
        services.AddSingleton<FileDemandesReinitialisation>();
        services.AddHostedService<TraitementReinitialisations>();
        return services;
    }
}
