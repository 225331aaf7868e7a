using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Echelle;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Echelle;

/// <summary>
/// The scale generator on a small factor (2 structures × 2 copies of the demo): the counts multiply, the copies keep the
/// app's invariants (foreign keys, unique keys, valid SIRETs, the same totals per copy, a facilitateur per structure who
/// signs in), and two generations give the same rows, table by table.
/// </summary>
[Collection(CollectionDonneesDemo.Nom)]
public sealed class GenerateurEchelleTests
{
    private static readonly ParametresEchelle Petite = new("test", 2, 2);

    [Fact]
    public async Task Deux_structures_de_deux_copies_multiplient_la_demo_sans_rompre_ses_regles_et_deux_generations_sont_identiques()
    {
        using var premiere = new FabriqueClause();
        using var seconde = new FabriqueClause();
        var (modele, resume) = await GenererAsync(premiere);
        var (_, resumeBis) = await GenererAsync(seconde);

        // Counts: every tenant table × 4 copies; one structure (and its réglages) per 2 copies; the administrator is not copied.
        Assert.Equal(2, resume.Lignes("Structures"));
        Assert.Equal(2, resume.Lignes("Reglages"));
        foreach (var table in new[] { "Marches", "Lots", "Entreprises", "Participants", "Contrats", "DeclarationsHeures", "VersionsDeclaration", "JournalAudit" })
            Assert.Equal(4 * modele[table], resume.Lignes(table));
        Assert.Equal(4 * (modele["AspNetUsers"] - 1) + 1, resume.Lignes("AspNetUsers"));
        Assert.Equal(4 * (modele["AspNetUserRoles"] - 1) + 1, resume.Lignes("AspNetUserRoles"));

        using (var portee = premiere.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            var structures = await db.Structures.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
            // SIRETs: a copy inside the same structure took new ones, all valid and distinct (the unique index holds them too).
            var sirets = await db.Entreprises.IgnoreQueryFilters().Select(e => new { e.StructureId, e.Siret }).ToListAsync();
            Assert.All(sirets, e => Assert.True(Siret.EstValide(e.Siret), e.Siret));
            Assert.Equal(2 * modele["Entreprises"], sirets.Count(e => e.StructureId == structures[0]));
            Assert.Equal(sirets.Count(e => e.StructureId == structures[0]), sirets.Where(e => e.StructureId == structures[0]).Select(e => e.Siret).Distinct().Count());
            // Each copy holds the template's minutes: each structure twice the template's.
            var minutes = await db.DeclarationsHeures.IgnoreQueryFilters().Where(d => d.Statut == StatutDeclaration.Validee)
                .GroupBy(d => d.StructureId).Select(g => new { Structure = g.Key, Minutes = g.Sum(d => d.Minutes) }).ToListAsync();
            Assert.Equal(2, minutes.Count);
            Assert.Equal(minutes[0].Minutes, minutes[1].Minutes);
            Assert.Equal(2 * modele["MinutesValidees"], minutes[0].Minutes);
        }

        // Determinism: the same rows, table by table (ids, dates, hashes and stamps included).
        Assert.Equal(resume.LignesParTable, resumeBis.LignesParTable);
        Assert.Equal(await EmpreintesAsync(premiere), await EmpreintesAsync(seconde));

        // The facilitateur of the second structure signs in with the demo password and reads its home page (after the
        // comparison: a sign-in writes its server-side session row).
        var client = await premiere.ConnecterAsync(GenerateurEchelle.EmailDeLaCopie("facilitateur@clause.demo", 2), SemeurDemo.MotDePasse);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private static async Task<(Dictionary<string, long> Modele, ResumeEchelle Resume)> GenererAsync(FabriqueClause fabrique)
    {
        fabrique.Horloge.SetUtcNow(GenerateurEchelle.Maintenant);
        using var portee = fabrique.Services.CreateScope();
        await GenerateurEchelle.SemerModeleAsync(portee.ServiceProvider);
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        Dictionary<string, long> modele;
        // Counted across structures: the test support's context without the tenant filter.
        await using (var toutes = fabrique.ToutesStructures())
        {
            modele = new Dictionary<string, long>
            {
                ["Marches"] = await toutes.Marches.CountAsync(),
                ["Lots"] = await toutes.Lots.CountAsync(),
                ["Entreprises"] = await toutes.Entreprises.CountAsync(),
                ["Participants"] = await toutes.Participants.CountAsync(),
                ["Contrats"] = await toutes.Contrats.CountAsync(),
                ["DeclarationsHeures"] = await toutes.DeclarationsHeures.CountAsync(),
                ["VersionsDeclaration"] = await toutes.VersionsDeclaration.CountAsync(),
                ["JournalAudit"] = await toutes.JournalAudit.CountAsync(j => j.StructureId != null),
                ["AspNetUsers"] = await toutes.Users.CountAsync(),
                ["AspNetUserRoles"] = await toutes.UserRoles.CountAsync(),
                ["MinutesValidees"] = await toutes.DeclarationsHeures.Where(d => d.Statut == StatutDeclaration.Validee).SumAsync(d => d.Minutes),
            };
        }
        Assert.True(modele["Contrats"] > 100 && modele["DeclarationsHeures"] > 1_000);
        var resume = await GenerateurEchelle.ClonerAsync(db, Petite, fabrique.DossierPieces);
        return (modele, resume);
    }

    /// <summary>SHA-256 of each table's rows in a fixed order (every column sorted on).</summary>
    private static async Task<Dictionary<string, string>> EmpreintesAsync(FabriqueClause fabrique)
    {
        using var portee = fabrique.Services.CreateScope();
        var connexion = portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Database.GetDbConnection();
        await connexion.OpenAsync();
        var tables = new List<string>();
        await using (var commande = connexion.CreateCommand())
        {
            commande.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
            await using var lecteur = await commande.ExecuteReaderAsync();
            while (await lecteur.ReadAsync()) tables.Add(lecteur.GetString(0));
        }
        var empreintes = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var commande = connexion.CreateCommand();
            commande.CommandText = $"SELECT * FROM \"{table}\"";
            await using var lecteur = await commande.ExecuteReaderAsync();
            var lignes = new List<string>();
            while (await lecteur.ReadAsync()) lignes.Add(Ligne(lecteur));
            lignes.Sort(StringComparer.Ordinal);
            empreintes[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lignes))));
        }
        return empreintes;
    }

    private static string Ligne(DbDataReader lecteur) =>
        string.Join("|", Enumerable.Range(0, lecteur.FieldCount).Select(i => lecteur.IsDBNull(i) ? "∅" : Convert.ToString(lecteur.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
}
