using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Audit;

/// <summary>
/// The tamper-evident audit trail (docs/architecture.md, « Piste d'audit chaînée »): every <see cref="JournalAudit"/>
/// row carries the hash of the previous row of its structure, so a changed, removed or inserted row breaks the chain
/// from there on. The row's hash covers a digest of its values (<see cref="JournalAudit.EmpreinteChangements"/>), not the
/// values themselves: the anonymisation can purge a participant's values and the chain still verifies.
/// </summary>
public static class ChaineAudit
{
    public const int LongueurEmpreinte = 64;

    /// <summary>The « previous hash » of the first row of a chain.</summary>
    public static readonly string Origine = new('0', LongueurEmpreinte);

    /// <summary>SHA-256 in lowercase hex of a text (UTF-8).</summary>
    public static string Sha256(string texte) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(texte)));

    /// <summary>
    /// The hash of one row: every column in a fixed order, separated by a unit separator, including its rank, the
    /// previous row's hash and the digest of its values (never <see cref="JournalAudit.PurgeLe"/>, which the purge sets).
    /// </summary>
    public static string Calculer(JournalAudit ligne)
    {
        ArgumentNullException.ThrowIfNull(ligne);
        var champs = new List<string>
        {
            ligne.Id.ToString("D"),
            ligne.StructureId?.Valeur.ToString("D") ?? string.Empty,
            ligne.Sequence?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ligne.Quand.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ligne.UtilisateurId?.ToString("D") ?? string.Empty,
            ligne.NomUtilisateur,
            ligne.NomJeton ?? string.Empty,
            ligne.TypeEntite,
            ligne.EntiteId.ToString("D"),
            ligne.RacineId.ToString("D"),
            ligne.Action.ToString(),
            ligne.EmpreinteChangements ?? string.Empty,
            ligne.EmpreintePrecedente ?? string.Empty,
        };
        // The import's origin is sealed too, appended only when set: the rows written before it existed keep their hash.
        if (ligne.ImportId is { } import) champs.Add(import.ToString("D"));
        return Sha256(string.Join('\u001f', champs));
    }

    /// <summary>
    /// Gives ranks and hashes to new rows (in the order given), after the last sealed row of each chain. The caller holds
    /// the chain's lock (<see cref="VerrouillerAsync"/>) inside the saving transaction.
    /// </summary>
    internal static async Task Sceller(ClauseDbContext db, IReadOnlyList<JournalAudit> lignes, CancellationToken annulation)
    {
        foreach (var chaine in lignes.GroupBy(l => l.StructureId))
        {
            var structureId = chaine.Key;
            var derniere = await db.JournalAudit.AsNoTracking()
                .Where(j => j.StructureId == structureId && j.Sequence != null)
                .OrderByDescending(j => j.Sequence)
                .Select(j => new { j.Sequence, j.Empreinte })
                .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            var rang = derniere?.Sequence ?? 0;
            var precedente = derniere?.Empreinte ?? Origine;
            foreach (var ligne in chaine)
            {
                ligne.Sequence = ++rang;
                ligne.EmpreinteChangements = Sha256(ligne.Changements);
                ligne.EmpreintePrecedente = precedente;
                ligne.Empreinte = Calculer(ligne);
                precedente = ligne.Empreinte;
            }
        }
    }

    /// <summary>
    /// Serialises the writers of the chains touched by a save, inside its transaction. SQLite: the transaction is
    /// already <c>BEGIN IMMEDIATE</c> (one writer at a time for the whole file). SQL Server: an exclusive application lock
    /// per structure (<c>sp_getapplock</c>, owned by the transaction, released at commit or rollback), so two writers of
    /// one structure chain one after the other while other structures write in parallel.
    /// </summary>
    internal static async Task VerrouillerAsync(ClauseDbContext db, IEnumerable<StructureId?> chaines, CancellationToken annulation)
    {
        if (!db.Database.IsSqlServer()) return;
        // A fixed order of locks: two saves touching the same two structures cannot deadlock.
        foreach (var chaine in chaines.Distinct().Select(c => c?.Valeur.ToString("D") ?? "installation").Order(StringComparer.Ordinal))
        {
            var ressource = "clause-audit-" + chaine;
            await db.Database.ExecuteSqlAsync(
                $"DECLARE @r int; EXEC @r = sp_getapplock @Resource = {ressource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000; IF @r < 0 THROW 51000, 'Verrou de la piste d''audit non obtenu.', 1;",
                annulation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Seals the rows written before the chain existed (migration S6): for each chain without any sealed row, every row in
    /// (Quand, Id) order; a chain that has sealed rows is left alone, so an unsealed row inserted later stays a break that
    /// <see cref="VerifierAsync"/> reports. Returns the number of rows sealed.
    /// </summary>
    public static async Task<int> ScellerAnciennesAsync(ClauseDbContext db, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var source = db.JournalAudit;
        var avecNonScellees = await source.Where(j => j.Sequence == null).Select(j => j.StructureId).Distinct().ToListAsync(annulation).ConfigureAwait(false);
        var scellees = (await source.Where(j => j.Sequence != null).Select(j => j.StructureId).Distinct().ToListAsync(annulation).ConfigureAwait(false)).ToHashSet();
        var chainesSansSceau = avecNonScellees.Where(c => !scellees.Contains(c)).ToList();
        var total = 0;
        foreach (var structureId in chainesSansSceau)
        {
            var lignes = await db.JournalAudit.Where(j => j.StructureId == structureId)
                .OrderBy(j => j.Quand).ThenBy(j => j.Id).ToListAsync(annulation).ConfigureAwait(false);
            await Sceller(db, lignes, annulation).ConfigureAwait(false);
            total += lignes.Count;
        }
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return total;
    }

    /// <summary>
    /// Walks every chain (or one) in rank order and reports, per chain, the number of rows and the first broken link:
    /// an unsealed row, a gap or a repeat in the ranks (a row removed or inserted), a previous-hash that is not the
    /// previous row's hash, a row whose hash does not match its columns (a column changed), or values that no longer
    /// match their digest while they were not purged. Read in pages, so a long trail is not loaded at once.
    /// </summary>
    public static async Task<IReadOnlyList<VerificationChaine>> VerifierAsync(ClauseDbContext db, StructureId? seulement = null,
        bool toutes = true, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var source = db.JournalAudit.AsNoTracking();
        var chaines = toutes
            ? await source.Select(j => j.StructureId).Distinct().ToListAsync(annulation).ConfigureAwait(false)
            : [seulement];
        var resultats = new List<VerificationChaine>();
        foreach (var structureId in chaines.OrderBy(c => c?.Valeur))
        {
            var nonScellee = await source.Where(j => j.StructureId == structureId && j.Sequence == null)
                .OrderBy(j => j.Quand).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            long nombre = 0;
            var precedente = Origine;
            RuptureChaine? rupture = nonScellee is { } idNonScelle
                ? new RuptureChaine(null, idNonScelle, "ligne sans rang ni empreinte, écrite hors de la piste chaînée")
                : null;
            const int Page = 1000;
            long depuis = 0;
            while (rupture is null)
            {
                var lot = await source.Where(j => j.StructureId == structureId && j.Sequence > depuis)
                    .OrderBy(j => j.Sequence).Take(Page).ToListAsync(annulation).ConfigureAwait(false);
                foreach (var ligne in lot)
                {
                    nombre++;
                    rupture = Controler(ligne, nombre, precedente);
                    if (rupture is not null) break;
                    precedente = ligne.Empreinte!;
                }
                if (lot.Count < Page) break;
                depuis = lot[^1].Sequence!.Value;
            }
            resultats.Add(new VerificationChaine(structureId, nombre, rupture, rupture is null ? precedente : null));
        }
        return resultats;
    }

    private static RuptureChaine? Controler(JournalAudit ligne, long rangAttendu, string precedente)
    {
        if (ligne.Sequence != rangAttendu)
            return new RuptureChaine(ligne.Sequence, ligne.Id, ligne.Sequence > rangAttendu
                ? $"rang {ligne.Sequence} au lieu de {rangAttendu} : une ligne a été supprimée"
                : $"rang {ligne.Sequence} répété : une ligne a été insérée");
        if (ligne.EmpreintePrecedente != precedente)
            return new RuptureChaine(ligne.Sequence, ligne.Id, "l'empreinte précédente ne correspond pas à la ligne précédente");
        if (ligne.Empreinte != Calculer(ligne))
            return new RuptureChaine(ligne.Sequence, ligne.Id, "l'empreinte ne correspond plus au contenu de la ligne (qui, quand, quoi)");
        if (ligne.PurgeLe is null && ligne.EmpreinteChangements != Sha256(ligne.Changements))
            return new RuptureChaine(ligne.Sequence, ligne.Id, "les valeurs modifiées ne correspondent plus à leur empreinte");
        // A purged row's values are no longer covered by their digest: it may then hold nothing but the purge marker, so
        // setting PurgeLe cannot pass off a forged value.
        if (ligne.PurgeLe is not null && !SeulementPurgee(ligne.Changements))
            return new RuptureChaine(ligne.Sequence, ligne.Id, "une ligne purgée porte d'autres valeurs que le marqueur de purge");
        return null;
    }

    private static bool SeulementPurgee(string changements)
    {
        try
        {
            var liste = JsonSerializer.Deserialize<List<ChangementChamp>>(changements, Json);
            return liste is not null && liste.All(c => (c.Avant is null or JournalAudit.ValeurPurgee) && (c.Apres is null or JournalAudit.ValeurPurgee));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>The first broken link of a chain: the rank (null for an unsealed row), the row and what is wrong, in French.</summary>
public sealed record RuptureChaine(long? Sequence, Guid LigneId, string Motif);

/// <summary>One chain's verification: its structure (null = the installation's own rows), rows read, first break, head hash when intact.</summary>
public sealed record VerificationChaine(StructureId? StructureId, long Lignes, RuptureChaine? Rupture, string? EmpreinteTete)
{
    public bool Intacte => Rupture is null;
}
