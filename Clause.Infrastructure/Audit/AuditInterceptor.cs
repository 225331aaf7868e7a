using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clause.Infrastructure.Audit;

/// <summary>
/// The one audit mechanism: before each save, every inserted, updated or deleted domain entity gets a
/// <see cref="JournalAudit"/> row (who, when, which entity, which fields old → new) written in the same
/// transaction. Fields marked <see cref="SensibleAttribute"/> are masked. It also refuses to write a
/// tenant-owned record into another structure than the acting user's.
/// The rows are chained (<see cref="ChaineAudit"/>) inside the save's transaction: when the caller has none, the
/// interceptor opens one before reading the chain's last hash, takes the chain's lock, and commits it once EF has
/// written (rolls it back, and forgets its rows, when the save fails), so two writers of one structure never read the
/// same « previous row ».
/// </summary>
public sealed class AuditInterceptor(TimeProvider horloge) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The save in progress of each context: the rows added and the transaction opened here (null: the caller's).</summary>
    private readonly ConditionalWeakTable<DbContext, Ecriture> _ecritures = [];

    private sealed record Ecriture(List<JournalAudit> Lignes, IDbContextTransaction? Transaction);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // The synchronous save (start-up seeding, tests) runs the same steps; the database calls are synchronous underneath.
        JournaliserAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await JournaliserAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Retirer(eventData.Context)?.Transaction is { } transaction)
        {
            transaction.Commit();
            transaction.Dispose();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Retirer(eventData.Context)?.Transaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Abandonner(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Abandonner(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Abandonner(eventData.Context);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Abandonner(eventData.Context);
        return Task.CompletedTask;
    }

    private Ecriture? Retirer(DbContext? context)
    {
        if (context is null || !_ecritures.TryGetValue(context, out var ecriture)) return null;
        _ecritures.Remove(context);
        return ecriture;
    }

    /// <summary>A failed save: its audit rows leave the change tracker (a retry chains afresh) and the transaction opened here is rolled back.</summary>
    private void Abandonner(DbContext? context)
    {
        var ecriture = Retirer(context);
        if (ecriture is null || context is null) return;
        foreach (var ligne in ecriture.Lignes) context.Entry(ligne).State = EntityState.Detached;
        ecriture.Transaction?.Rollback();
        ecriture.Transaction?.Dispose();
    }

    private async Task JournaliserAsync(DbContext? context, CancellationToken annulation)
    {
        if (context is not ClauseDbContext db) return;
        var journal = Journal(db);
        if (journal.Count == 0) return;
        var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(annulation).ConfigureAwait(false)
            : null;
        try
        {
            await ChaineAudit.VerrouillerAsync(db, journal.Select(l => l.StructureId), annulation).ConfigureAwait(false);
            await ChaineAudit.Sceller(db, journal, annulation).ConfigureAwait(false);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        db.JournalAudit.AddRange(journal);
        _ecritures.AddOrUpdate(db, new Ecriture(journal, transaction));
    }

    private List<JournalAudit> Journal(ClauseDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var contexte = db.Contexte;
        var maintenant = horloge.GetUtcNow();
        var journal = new List<JournalAudit>();
        // A structure created in this very save has no member yet: whoever may create it (the
        // Administration policy) also writes its first rows (its Reglages) in the same transaction.
        // Existing structures stay closed to anyone but their members and the system.
        var structuresCreees = db.ChangeTracker.Entries<Structure>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        foreach (var entree in db.ChangeTracker.Entries<Entite>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entree.Entity is IAppartientStructure proprietaire && !contexte.Systeme && proprietaire.StructureId != contexte.StructureId
                && !(entree.State == EntityState.Added && structuresCreees.Contains(proprietaire.StructureId)))
                throw new InvalidOperationException("Écriture refusée : l'enregistrement appartient à une autre structure.");

            var changements = Changements(entree);
            if (entree.State == EntityState.Modified && changements.Count == 0) continue;
            journal.Add(new JournalAudit
            {
                // Every row names its structure, child entities included (they carry StructureId too), so the
                // trail of one tenant is read by StructureId alone; a structure's own rows are its own.
                StructureId = entree.Entity switch
                {
                    IAppartientStructure possede => possede.StructureId,
                    Structure structure => structure.Id,
                    _ => contexte.StructureId,
                },
                Quand = maintenant,
                UtilisateurId = contexte.UtilisateurId,
                NomUtilisateur = contexte.NomUtilisateur,
                NomJeton = contexte.NomJeton,
                ImportId = contexte.ImportId,
                TypeEntite = entree.Metadata.ClrType.Name,
                EntiteId = entree.Entity.IdentifiantBrut(),
                RacineId = (entree.Entity as IPartieDe)?.RacineId ?? entree.Entity.IdentifiantBrut(),
                Action = entree.State switch
                {
                    EntityState.Added => ActionAudit.Creation,
                    EntityState.Deleted => ActionAudit.Suppression,
                    _ => ActionAudit.Modification,
                },
                Changements = JsonSerializer.Serialize(changements, Json),
            });
        }
        return journal;
    }

    private static List<ChangementChamp> Changements(EntityEntry<Entite> entree)
    {
        var changements = new List<ChangementChamp>();
        foreach (var propriete in entree.Properties)
        {
            if (propriete.Metadata.IsPrimaryKey() || propriete.Metadata.IsShadowProperty()) continue;
            // A derived copy (the search columns) is not journalled: the fields it comes from are.
            if (propriete.Metadata.PropertyInfo?.GetCustomAttribute<DeriveAttribute>() is not null) continue;
            var avant = entree.State == EntityState.Added ? null : propriete.OriginalValue;
            var apres = entree.State == EntityState.Deleted ? null : propriete.CurrentValue;
            if (entree.State == EntityState.Modified && (!propriete.IsModified || Equals(avant, apres))) continue;
            if (avant is null && apres is null) continue;
            var info = propriete.Metadata.PropertyInfo;
            changements.Add(new ChangementChamp(propriete.Metadata.Name, ValeurJournalisee(info, avant), ValeurJournalisee(info, apres)));
        }
        return changements;
    }

    /// <summary>The text the journal keeps for one value: masked when the property is [Sensible], null stays null.</summary>
    internal static string? ValeurJournalisee(PropertyInfo? propriete, object? valeur) =>
        valeur is not null && propriete?.GetCustomAttribute<SensibleAttribute>() is not null
            ? JournalAudit.ValeurMasquee
            : Texte(valeur);

    private static string? Texte(object? valeur) => valeur switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => valeur.ToString(),
    };
}
