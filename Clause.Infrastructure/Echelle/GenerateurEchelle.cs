using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Infrastructure.Echelle;

/// <summary>
/// What to generate: <paramref name="Structures"/> structures, each holding <paramref name="Facteur"/> copies of the demo
/// structure. The demo is (1, 1), the national scale of 2016 (171, 1), one structure ten times the demo (1, 10).
/// </summary>
public sealed record ParametresEchelle(string Nom, int Structures, int Facteur)
{
    public static ParametresEchelle Demo { get; } = new("demo", 1, 1);

    /// <summary>The 2016 national figures: 171 facilitation structures (issue 17; issue 12's compile benchmark).</summary>
    public static ParametresEchelle Nationale { get; } = new("nationale", 171, 1);

    public static ParametresEchelle DixFois { get; } = new("dix-fois", 1, 10);

    public int Copies => Structures * Facteur;

    /// <summary>What the benchmarks compare with a marker file before reusing a database.</summary>
    public string Signature(string derniereMigration) =>
        string.Create(CultureInfo.InvariantCulture, $"generateur={GenerateurEchelle.Version};migration={derniereMigration};structures={Structures};facteur={Facteur}");
}

/// <summary>Rows per table after a generation (tables holding rows only).</summary>
public sealed record ResumeEchelle(IReadOnlyDictionary<string, long> LignesParTable, TimeSpan Duree)
{
    public long Lignes(string table) => LignesParTable.TryGetValue(table, out var n) ? n : 0;
}

/// <summary>
/// The deterministic generator of the scale databases (issue 17 item 7), reused by every benchmark (pages, jobs, bilans,
/// import). Two steps:
/// <list type="number">
/// <item><see cref="SemerModeleAsync"/>: the demo structure (<see cref="SemeurDemo"/>, entity by entity, once) with every
/// id drawn from a counter (<see cref="SourceIdentifiants"/>) and the clock of <see cref="Maintenant"/>, the password
/// hashes and Identity stamps fixed — the same rows on every run.</item>
/// <item><see cref="ClonerAsync"/>: copies of that structure written by set-based SQL (one <c>INSERT … SELECT</c> per
/// table and copy, in one transaction), ids remapped by rewriting their first group: the template's ids all start with
/// <c>00000000-</c>, copy <i>c</i>'s with <i>c</i> in hexadecimal. Every GUID column of the EF model is remapped the same
/// way, so foreign keys follow; values outside the template (roles) are kept. Unique texts get a suffix (structure name,
/// e-mails), a copy inside the same structure gets new valid SIRETs, a proof gets its file.</item>
/// </list>
/// Tables with a <c>StructureId</c> column are copied, and the Identity rows of their users; every other table is global
/// and left alone — a new tenant table is therefore cloned without touching this class.
/// </summary>
public static class GenerateurEchelle
{
    /// <summary>Raise when the generated rows change (the benchmarks then regenerate their databases).</summary>
    public const int Version = 2;

    /// <summary>The clock of the generation (the demo's reference date, DOMAIN.md examples).</summary>
    public static readonly DateTimeOffset Maintenant = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private const string PrefixeModele = "00000000-";

    /// <summary>The id of the <paramref name="rang"/>-th row created by the template's seeding (copy 0).</summary>
    public static Guid Identifiant(int copie, long rang) =>
        Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"{copie:X8}-0000-7000-8000-{rang:X12}"));

    /// <summary>The structure of copy <paramref name="copie"/> (the template's structure id, remapped).</summary>
    public static StructureId StructureDeLaCopie(StructureId modele, ParametresEchelle parametres, int copie)
    {
        ArgumentNullException.ThrowIfNull(parametres);
        return StructureId.De(Remapper(modele.Valeur, copie / parametres.Facteur * parametres.Facteur));
    }

    /// <summary>The e-mail of a template account in copy <paramref name="copie"/> (facilitateur@clause.demo → facilitateur.c002@clause.demo).</summary>
    public static string EmailDeLaCopie(string email, int copie)
    {
        ArgumentNullException.ThrowIfNull(email);
        return copie == 0 ? email : email.Replace("@", SuffixeMail(copie) + "@", StringComparison.Ordinal);
    }

    private static string SuffixeMail(int copie) => string.Create(CultureInfo.InvariantCulture, $".c{copie:D3}");

    private static Guid Remapper(Guid id, int copie) =>
        copie == 0 ? id : Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"{copie:X8}") + id.ToString("D", CultureInfo.InvariantCulture)[8..]);

    /// <summary>
    /// Seeds the demo structure on an empty, migrated database of <paramref name="services"/> (which must hold the
    /// Identity services and a clock fixed at <see cref="Maintenant"/>: ids, dates and hashes are then the same every run).
    /// </summary>
    public static async Task SemerModeleAsync(IServiceProvider services, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var horloge = services.GetRequiredService<TimeProvider>();
        if (horloge.GetUtcNow() != Maintenant)
            throw new InvalidOperationException($"Le générateur d'échelle demande une horloge arrêtée au {Maintenant:O} (elle donne {horloge.GetUtcNow():O}).");

        long rang = 0;
        using var source = SourceIdentifiants.Remplacer(() => Identifiant(0, Interlocked.Increment(ref rang)));
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        // Roles are global (every structure shares them): ids outside the template's range, never remapped.
        for (var i = 0; i < Roles.Tous.Count; i++)
            if (!await roles.RoleExistsAsync(Roles.Tous[i]).ConfigureAwait(false))
                await roles.CreateAsync(new IdentityRole<Guid>(Roles.Tous[i])
                {
                    Id = Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"FFFFFFFF-0000-7000-8000-{i + 1:X12}")),
                    ConcurrencyStamp = Roles.Tous[i],
                }).ConfigureAwait(false);

        if (!await services.GetRequiredService<SemeurDemo>().SemerAsync(annulation).ConfigureAwait(false))
            throw new InvalidOperationException("Le générateur d'échelle demande une base vide.");

        // Identity draws salts and stamps at random: fixed here (one known password, published with the demo anyway).
        var db = services.GetRequiredService<ClauseDbContext>();
        var empreinte = EmpreinteDeterministe(SemeurDemo.MotDePasse);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AspNetUsers\" SET \"PasswordHash\" = {0}, \"SecurityStamp\" = upper(replace(\"Id\", '-', '')), \"ConcurrencyStamp\" = \"Id\"",
            [empreinte], annulation).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the copies of the template structure that <paramref name="parametres"/> asks for (copy 0 is the template itself),
    /// in one transaction, then checks every foreign key. <paramref name="dossierPieces"/>: where the proofs' files live
    /// (Pieces:Dossier), or null to copy no file.
    /// </summary>
    public static async Task<ResumeEchelle> ClonerAsync(ClauseDbContext db, ParametresEchelle parametres, string? dossierPieces,
        CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(parametres);
        if (parametres.Structures < 1 || parametres.Facteur < 1)
            throw new ArgumentOutOfRangeException(nameof(parametres), "Au moins une structure et une copie.");
        var chrono = System.Diagnostics.Stopwatch.StartNew();
        var connexion = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(annulation).ConfigureAwait(false);
        try
        {
            await ExecuterAsync(connexion, null, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;", annulation).ConfigureAwait(false);
            var modele = StructureId.De(Guid.Parse((string)(await ScalaireAsync(connexion, null, "SELECT \"Id\" FROM \"Structures\"", annulation).ConfigureAwait(false))!));
            var tables = PlanDeCopie(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

            using (var transaction = connexion.BeginTransaction())
            {
                await PreparerSiretsAsync(connexion, transaction, parametres, annulation).ConfigureAwait(false);
                for (var copie = 1; copie < parametres.Copies; copie++)
                {
                    var structure = StructureDeLaCopie(modele, parametres, copie);
                    var nouvelleStructure = copie % parametres.Facteur == 0;
                    foreach (var table in tables)
                    {
                        if (table.ParStructure is false && !nouvelleStructure) continue; // Structures, Reglages: one row per structure
                        using var commande = connexion.CreateCommand();
                        commande.Transaction = transaction;
                        commande.CommandText = table.Sql;
                        commande.Parameters.AddWithValue("$modele", Texte(modele.Valeur));
                        commande.Parameters.AddWithValue("$structure", Texte(structure.Valeur));
                        commande.Parameters.AddWithValue("$prefixe", string.Create(CultureInfo.InvariantCulture, $"{copie:X8}"));
                        commande.Parameters.AddWithValue("$mail", SuffixeMail(copie));
                        commande.Parameters.AddWithValue("$copie", copie);
                        commande.Parameters.AddWithValue("$nom", string.Create(CultureInfo.InvariantCulture, $" ({copie / parametres.Facteur + 1})"));
                        await commande.ExecuteNonQueryAsync(annulation).ConfigureAwait(false);
                    }
                }
                await ExecuterAsync(connexion, transaction, "DROP TABLE IF EXISTS temp.\"SiretsEchelle\"", annulation).ConfigureAwait(false);
                transaction.Commit();
            }

            var violations = await ScalaireAsync(connexion, null, "SELECT count(*) FROM pragma_foreign_key_check", annulation).ConfigureAwait(false);
            if (Convert.ToInt64(violations, CultureInfo.InvariantCulture) != 0)
                throw new InvalidOperationException($"Générateur d'échelle : {violations} clés étrangères sans ligne après la copie.");
            await ExecuterAsync(connexion, null, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", annulation).ConfigureAwait(false);

            if (dossierPieces is not null) await CopierFichiersAsync(connexion, parametres, modele, dossierPieces, annulation).ConfigureAwait(false);

            var lignes = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
            {
                var n = Convert.ToInt64(await ScalaireAsync(connexion, null, $"SELECT count(*) FROM \"{table.Name}\"", annulation).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (n > 0) lignes[table.Name] = n;
            }
            return new ResumeEchelle(lignes, chrono.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private sealed record TableACopier(string Nom, string Sql, bool? ParStructure);

    /// <summary>One <c>INSERT … SELECT</c> per table that a structure owns; the parameters name the copy.</summary>
    private static List<TableACopier> PlanDeCopie(IRelationalModel modele)
    {
        var plan = new List<TableACopier>();
        foreach (var table in modele.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var colonnes = table.Columns.ToList();
            var aStructure = colonnes.Any(c => c.Name == "StructureId");
            var cle = table.PrimaryKey?.Columns.ToList() ?? [];
            string ou;
            bool? parStructure = true;
            if (table.Name == "Structures")
            {
                ou = "t.\"Id\" = $modele";
                parStructure = false;
            }
            else if (table.Name is "AspNetUserRoles" or "AspNetUserClaims" or "AspNetUserLogins" or "AspNetUserTokens")
            {
                ou = "t.\"UserId\" IN (SELECT u.\"Id\" FROM \"AspNetUsers\" u WHERE u.\"StructureId\" = $modele AND substr(u.\"Id\", 1, 9) = '" + PrefixeModele + "')";
            }
            else if (aStructure && cle.Count == 1 && EstGuid(cle[0]))
            {
                // Only the template's own rows: in a structure of several copies, the copies already written share its StructureId.
                ou = $"t.\"StructureId\" = $modele AND substr(t.\"{cle[0].Name}\", 1, 9) = '{PrefixeModele}'";
                if (table.Indexes.Any(i => i.IsUnique && i.Columns.Count == 1 && i.Columns[0].Name == "StructureId"))
                    parStructure = false; // one row per structure (Reglages): written for a new structure only
            }
            else if (aStructure)
            {
                // A key of the structure's own values (compiled totals by structure and month) or a sequence (dirty months):
                // bookkeeping of the structure, copied to a new structure only — a copy inside the same structure would
                // repeat its key; the structure's totals are then the template's until recompiled (dirty months stay dirty).
                ou = "t.\"StructureId\" = $modele";
                parStructure = false;
                if (cle.Count == 1 && cle[0].ProviderClrType == typeof(long)) colonnes.Remove(cle[0]); // a new sequence number
            }
            else continue; // global table (roles, migrations, tokens, idempotency keys…)

            var selections = colonnes.Select(c => Expression(table.Name, c)).ToList();
            var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", colonnes.Select(c => $"\"{c.Name}\""))}) " +
                      $"SELECT {string.Join(", ", selections)} FROM \"{table.Name}\" AS t WHERE {ou}";
            plan.Add(new TableACopier(table.Name, sql, parStructure));
        }
        return plan;
    }

    private static string Expression(string table, IColumn colonne)
    {
        var c = $"t.\"{colonne.Name}\"";
        if (colonne.Name == "StructureId" || (table == "Structures" && colonne.Name == "Id")) return "$structure";
        switch (table, colonne.Name)
        {
            case ("Structures", "Nom" or "Recherche"): // " (2)" is already in its searched form
                return $"{c} || $nom";
            case ("AspNetUsers", "UserName" or "Email"):
                return $"replace({c}, '@', $mail || '@')";
            case ("AspNetUsers", "NormalizedUserName" or "NormalizedEmail"):
                return $"replace({c}, '@', upper($mail) || '@')";
            case ("PiecesJustificatives", "NomStocke"):
                return $"lower($prefixe) || substr({c}, 9)";
            case ("JournalAudit", "Sequence"):
                // Unique per structure (the audit chain's rank): each copy takes its own range. The copies' chain is not
                // re-sealed — a benchmark database, not an audited one.
                return $"{c} + $copie * 1000000000000";
            case ("Entreprises" or "DonneursOrdre", "Siret"):
                // Unique per structure: a copy in another structure keeps it, a copy in the same structure takes a new one.
                return $"coalesce((SELECT s.\"Nouveau\" FROM temp.\"SiretsEchelle\" s WHERE s.\"Copie\" = $copie AND s.\"Ancien\" = {c}), {c})";
        }
        if (EstGuid(colonne))
            return $"CASE WHEN substr({c}, 1, 9) = '{PrefixeModele}' THEN $prefixe || substr({c}, 9) ELSE {c} END";
        return c;
    }

    private static bool EstGuid(IColumn colonne)
    {
        var type = Nullable.GetUnderlyingType(colonne.ProviderClrType) ?? colonne.ProviderClrType;
        if (type == typeof(Guid)) return true;
        var propriete = colonne.PropertyMappings[0].Property;
        var clr = Nullable.GetUnderlyingType(propriete.ClrType) ?? propriete.ClrType;
        return clr == typeof(Guid) || clr.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIdentifiant<>));
    }

    /// <summary>New SIRETs for the copies that share a structure with the template: valid keys (Luhn), all distinct (none when each copy has its structure).</summary>
    private static async Task PreparerSiretsAsync(SqliteConnection connexion, SqliteTransaction transaction, ParametresEchelle parametres, CancellationToken annulation)
    {
        var existants = new List<string>();
        using (var lecture = connexion.CreateCommand())
        {
            lecture.Transaction = transaction;
            lecture.CommandText = "SELECT \"Siret\" FROM \"Entreprises\" UNION SELECT \"Siret\" FROM \"DonneursOrdre\" ORDER BY 1";
            using var lecteur = await lecture.ExecuteReaderAsync(annulation).ConfigureAwait(false);
            while (await lecteur.ReadAsync(annulation).ConfigureAwait(false)) existants.Add(lecteur.GetString(0));
        }
        await ExecuterAsync(connexion, transaction,
            "CREATE TEMP TABLE \"SiretsEchelle\" (\"Copie\" INTEGER NOT NULL, \"Ancien\" TEXT NOT NULL, \"Nouveau\" TEXT NOT NULL, PRIMARY KEY (\"Copie\", \"Ancien\"))",
            annulation).ConfigureAwait(false);
        var pris = existants.ToHashSet(StringComparer.Ordinal);
        using var insertion = connexion.CreateCommand();
        insertion.Transaction = transaction;
        insertion.CommandText = "INSERT INTO temp.\"SiretsEchelle\" VALUES ($copie, $ancien, $nouveau)";
        var pCopie = insertion.Parameters.Add("$copie", SqliteType.Integer);
        var pAncien = insertion.Parameters.Add("$ancien", SqliteType.Text);
        var pNouveau = insertion.Parameters.Add("$nouveau", SqliteType.Text);
        for (var copie = 1; copie < parametres.Copies; copie++)
        {
            if (copie % parametres.Facteur == 0) continue; // a new structure: the SIRETs stay
            foreach (var ancien in existants)
            {
                var siren = long.Parse(ancien[..8], CultureInfo.InvariantCulture);
                string nouveau;
                var decalage = copie * 104_729L;
                do
                {
                    var siren8 = ((siren + decalage) % 100_000_000L).ToString("D8", CultureInfo.InvariantCulture);
                    nouveau = Siret.AvecCle(Siret.AvecCle(siren8) + ancien[9..13]);
                    decalage += 7;
                } while (!pris.Add(nouveau));
                pCopie.Value = copie;
                pAncien.Value = ancien;
                pNouveau.Value = nouveau;
                await insertion.ExecuteNonQueryAsync(annulation).ConfigureAwait(false);
            }
        }
    }

    private static async Task CopierFichiersAsync(SqliteConnection connexion, ParametresEchelle parametres, StructureId modele, string dossier, CancellationToken annulation)
    {
        var pieces = new List<string>();
        using (var lecture = connexion.CreateCommand())
        {
            lecture.CommandText = $"SELECT \"NomStocke\" FROM \"PiecesJustificatives\" WHERE \"StructureId\" = $modele AND substr(\"Id\", 1, 9) = '{PrefixeModele}'";
            lecture.Parameters.AddWithValue("$modele", Texte(modele.Valeur));
            using var lecteur = await lecture.ExecuteReaderAsync(annulation).ConfigureAwait(false);
            while (await lecteur.ReadAsync(annulation).ConfigureAwait(false)) pieces.Add(lecteur.GetString(0));
        }
        foreach (var nom in pieces)
        {
            var source = Path.Combine(dossier, modele.Valeur.ToString("N", CultureInfo.InvariantCulture), nom);
            if (!File.Exists(source)) continue;
            for (var copie = 1; copie < parametres.Copies; copie++)
            {
                var structure = StructureDeLaCopie(modele, parametres, copie);
                var cible = Path.Combine(dossier, structure.Valeur.ToString("N", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{copie:x8}") + nom[8..]);
                Directory.CreateDirectory(Path.GetDirectoryName(cible)!);
                File.Copy(source, cible, overwrite: true);
            }
        }
    }

    /// <summary>An ASP.NET Core Identity V3 hash (PBKDF2-HMAC-SHA512, 100 000 rounds) with a fixed salt: verifiable, reproducible.</summary>
    internal static string EmpreinteDeterministe(string motDePasse)
    {
        const int iterations = 100_000;
        var sel = SHA256.HashData(Encoding.UTF8.GetBytes("clause-echelle"))[..16];
        var cle = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(motDePasse), sel, iterations, HashAlgorithmName.SHA512, 32);
        var sortie = new byte[13 + sel.Length + cle.Length];
        sortie[0] = 0x01;
        EcrireEntier(sortie, 1, 2); // KeyDerivationPrf.HMACSHA512
        EcrireEntier(sortie, 5, iterations);
        EcrireEntier(sortie, 9, sel.Length);
        sel.CopyTo(sortie, 13);
        cle.CopyTo(sortie, 13 + sel.Length);
        return Convert.ToBase64String(sortie);
    }

    private static void EcrireEntier(byte[] tampon, int position, int valeur) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(tampon.AsSpan(position), valeur);

    /// <summary>How Microsoft.Data.Sqlite writes a GUID parameter: upper-case text.</summary>
    private static string Texte(Guid id) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static async Task ExecuterAsync(SqliteConnection connexion, SqliteTransaction? transaction, string sql, CancellationToken annulation)
    {
        using var commande = connexion.CreateCommand();
        commande.Transaction = transaction;
        commande.CommandText = sql;
        await commande.ExecuteNonQueryAsync(annulation).ConfigureAwait(false);
    }

    private static async Task<object?> ScalaireAsync(SqliteConnection connexion, SqliteTransaction? transaction, string sql, CancellationToken annulation)
    {
        using var commande = connexion.CreateCommand();
        commande.Transaction = transaction;
        commande.CommandText = sql;
        return await commande.ExecuteScalarAsync(annulation).ConfigureAwait(false);
    }
}
