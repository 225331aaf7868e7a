using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clause.Infrastructure.Audit;

/// <summary>
/// The one audit mechanism: before each save, every inserted, updated or deleted domain entity gets a
/// <see cref="JournalAudit"/> row (who, when, which entity, which fields old → new) written in the same
/// transaction. Fields marked <see cref="SensibleAttribute"/> are masked. It also refuses to write a
/// tenant-owned record into another structure than the acting user's.
/// </summary>
public sealed class AuditInterceptor(TimeProvider horloge) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Journaliser(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Journaliser(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Journaliser(DbContext? context)
    {
        if (context is not ClauseDbContext db) return;
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
        db.JournalAudit.AddRange(journal);
    }

    private static List<ChangementChamp> Changements(EntityEntry<Entite> entree)
    {
        var changements = new List<ChangementChamp>();
        foreach (var propriete in entree.Properties)
        {
            if (propriete.Metadata.IsPrimaryKey() || propriete.Metadata.IsShadowProperty()) continue;
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
