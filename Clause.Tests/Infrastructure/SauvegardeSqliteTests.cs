using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Sauvegardes;
using Clause.Infrastructure.Securite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Clause.Tests.Infrastructure;

/// <summary>Online backup and checked restore of the SQLite database (SauvegardeSqlite), on real files.</summary>
public sealed class SauvegardeSqliteTests : IDisposable
{
    private readonly string _dossier = Path.Combine(Path.GetTempPath(), "clause-tests", "sauvegardes-" + Guid.NewGuid().ToString("N"));
    private readonly string _chaine;
    private readonly FakeTimeProvider _horloge = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly ContexteExecution _systeme = new();

    public SauvegardeSqliteTests()
    {
        Directory.CreateDirectory(_dossier);
        _chaine = $"Data Source={Path.Combine(_dossier, "clause.db")}";
        _systeme.DefinirSysteme("tests");
        using var db = Ouvrir();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dossier, recursive: true);
    }

    private SqliteClauseDbContext Ouvrir() => new(new DbContextOptionsBuilder<SqliteClauseDbContext>()
        .UseSqlite(_chaine).AddInterceptors(new AuditInterceptor(_horloge)).Options, _systeme);

    private async Task<Structure> CreerStructureAsync(string nom)
    {
        await using var db = Ouvrir();
        var structure = Structure.Creer(nom, TypeStructure.Plie, "Tours");
        db.Structures.Add(structure);
        db.Reglages.Add(Reglages.ParDefaut(structure.Id));
        await db.SaveChangesAsync();
        return structure;
    }

    /// <summary>What the database holds, as one comparable text: the structures' names and the audit rows' hashes.</summary>
    private async Task<string> EtatAsync()
    {
        await using var db = Ouvrir();
        var noms = await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => s.Nom).ToListAsync();
        var audit = await db.JournalAudit.AsNoTracking().OrderBy(j => j.StructureId).ThenBy(j => j.Sequence).Select(j => j.Empreinte).ToListAsync();
        return string.Join("|", noms) + " / " + string.Join(",", audit);
    }

    [Fact]
    public async Task Sauvegarde_pendant_une_lecture_puis_restauration_retrouve_les_memes_donnees()
    {
        await CreerStructureAsync("PLIE Touraine");
        await CreerStructureAsync("PLIE Blois");
        var avant = await EtatAsync();
        var fichier = Path.Combine(_dossier, "sauvegarde.db");

        RapportSauvegarde rapport;
        // The app keeps a connection open with a read in progress while the backup copies the pages.
        await using (var ouverte = Ouvrir())
        {
            await ouverte.Database.OpenConnectionAsync();
            await using var lecture = await ouverte.Database.BeginTransactionAsync();
            Assert.Equal(2, await ouverte.Structures.CountAsync());
            rapport = await SauvegardeSqlite.SauvegarderAsync(_chaine, fichier);
        }
        Assert.True(rapport.LignesAudit > 0);

        await CreerStructureAsync("PLIE écrit après la sauvegarde");
        Assert.NotEqual(avant, await EtatAsync());

        await SauvegardeSqlite.RestaurerAsync(_chaine, fichier);

        Assert.Equal(avant, await EtatAsync());
        await using var db = Ouvrir();
        Assert.All(await ChaineAudit.VerifierAsync(db), c => Assert.True(c.Intacte));
    }

    [Fact]
    public async Task Une_sauvegarde_n_ecrase_pas_un_fichier_existant()
    {
        var fichier = Path.Combine(_dossier, "existe.db");
        await File.WriteAllTextAsync(fichier, "déjà là");

        var refus = await Assert.ThrowsAsync<SauvegardeRefuseeException>(() => SauvegardeSqlite.SauvegarderAsync(_chaine, fichier));

        Assert.Contains("existe déjà", refus.Message, StringComparison.Ordinal);
        Assert.Equal("déjà là", await File.ReadAllTextAsync(fichier));
    }

    public static TheoryData<string, string> FichiersRefuses => new()
    {
        { "texte", "n'est pas une base SQLite" },
        { "sqlite-etrangere", "marque d'application absente" },
        { "copie-brute", "marque d'application absente" },
        { "tronquee", "sauvegarde" },
    };

    [Theory]
    [MemberData(nameof(FichiersRefuses))]
    public async Task Une_restauration_refuse_ce_qui_n_est_pas_une_sauvegarde_de_Clause_et_laisse_la_base_intacte(string cas, string motif)
    {
        await CreerStructureAsync("PLIE Touraine");
        var avant = await EtatAsync();
        var fichier = Path.Combine(_dossier, cas + ".db");
        switch (cas)
        {
            case "texte":
                await File.WriteAllTextAsync(fichier, "Ceci n'est pas une base de données.");
                break;
            case "sqlite-etrangere":
                await using (var autre = new SqliteConnection($"Data Source={fichier};Pooling=False"))
                {
                    await autre.OpenAsync();
                    await using var commande = autre.CreateCommand();
                    commande.CommandText = "CREATE TABLE Structures (Id TEXT, Nom TEXT); INSERT INTO Structures VALUES ('x', 'Intrus');";
                    await commande.ExecuteNonQueryAsync();
                }
                break;
            case "copie-brute":
                // A copy of a Clause database that did not go through the backup (no marker): refused as well.
                await using (var source = new SqliteConnection(_chaine))
                await using (var copie = new SqliteConnection($"Data Source={fichier};Pooling=False"))
                {
                    await source.OpenAsync();
                    await copie.OpenAsync();
                    source.BackupDatabase(copie);
                }
                break;
            case "tronquee":
                var bonne = Path.Combine(_dossier, "bonne.db");
                await SauvegardeSqlite.SauvegarderAsync(_chaine, bonne);
                var octets = await File.ReadAllBytesAsync(bonne);
                await File.WriteAllBytesAsync(fichier, octets[..(octets.Length / 3)]);
                break;
        }
        SqliteConnection.ClearAllPools();

        var refus = await Assert.ThrowsAsync<SauvegardeRefuseeException>(() => SauvegardeSqlite.RestaurerAsync(_chaine, fichier));

        Assert.Contains(motif, refus.Message, StringComparison.Ordinal);
        Assert.Equal(avant, await EtatAsync());
    }
}
