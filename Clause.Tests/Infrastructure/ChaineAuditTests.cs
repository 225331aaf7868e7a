using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Clause.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure;

/// <summary>The tamper-evident audit trail (ChaineAudit): each row chained to the previous row of its structure.</summary>
public sealed class ChaineAuditTests : IDisposable
{
    private readonly BaseDeTest _base = new();
    private readonly StructureId _structureId;
    private readonly StructureId _autreId;

    public ChaineAuditTests()
    {
        using var db = _base.Systeme();
        var structure = Structure.Creer("PLIE de test", TypeStructure.Plie, "Tours");
        var autre = Structure.Creer("PLIE voisin", TypeStructure.Plie, "Blois");
        db.Structures.AddRange(structure, autre);
        db.Reglages.AddRange(Reglages.ParDefaut(structure.Id), Reglages.ParDefaut(autre.Id));
        db.SaveChanges();
        _structureId = structure.Id;
        _autreId = autre.Id;
    }

    public void Dispose() => _base.Dispose();

    private async Task<DonneurOrdre> CreerDonneurAsync(StructureId structureId, string nom)
    {
        await using var db = _base.Pour(structureId, "Claire Martin");
        var donneur = DonneurOrdre.Creer(structureId, nom, TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), "1 rue Nationale", "37000", "Tours");
        db.DonneursOrdre.Add(donneur);
        await db.SaveChangesAsync();
        return donneur;
    }

    private async Task<List<JournalAudit>> ChaineAsync(StructureId structureId)
    {
        await using var db = _base.Systeme();
        return await db.JournalAudit.AsNoTracking().Where(j => j.StructureId == structureId).OrderBy(j => j.Sequence).ToListAsync();
    }

    private async Task<VerificationChaine> VerifierAsync(StructureId structureId)
    {
        await using var db = _base.Systeme();
        return (await ChaineAudit.VerifierAsync(db)).Single(c => c.StructureId == structureId);
    }

    private async Task ModifierEnBaseAsync(string sql, params object[] valeurs)
    {
        await using var db = _base.Systeme();
        await db.Database.ExecuteSqlRawAsync(sql, valeurs);
    }

    [Fact]
    public async Task Chaque_ligne_porte_sa_structure_son_rang_et_l_empreinte_de_la_precedente()
    {
        await CreerDonneurAsync(_structureId, "Ville de Tours");
        await CreerDonneurAsync(_autreId, "Ville de Blois");
        await CreerDonneurAsync(_structureId, "Ville de Joué");

        var lignes = await ChaineAsync(_structureId);
        Assert.Equal(Enumerable.Range(1, lignes.Count).Select(i => (long?)i), lignes.Select(l => l.Sequence));
        Assert.Equal(ChaineAudit.Origine, lignes[0].EmpreintePrecedente);
        for (var i = 1; i < lignes.Count; i++) Assert.Equal(lignes[i - 1].Empreinte, lignes[i].EmpreintePrecedente);
        Assert.All(lignes, l => Assert.Equal(ChaineAudit.Calculer(l), l.Empreinte));
        Assert.All(lignes, l => Assert.Equal(ChaineAudit.Sha256(l.Changements), l.EmpreinteChangements));
        // The other structure has its own chain, from rank 1.
        var autre = await ChaineAsync(_autreId);
        Assert.Equal(1, autre.Min(l => l.Sequence));
        Assert.Equal(ChaineAudit.Origine, autre.Single(l => l.Sequence == 1).EmpreintePrecedente);
        Assert.True((await VerifierAsync(_structureId)).Intacte);
        Assert.True((await VerifierAsync(_autreId)).Intacte);
    }

    [Fact]
    public async Task Une_valeur_modifiee_en_base_est_la_premiere_rupture_signalee()
    {
        await CreerDonneurAsync(_structureId, "Ville de Tours");
        var cible = await CreerDonneurAsync(_structureId, "Ville de Chinon");
        await CreerDonneurAsync(_structureId, "Ville d'Amboise");
        var ligne = (await ChaineAsync(_structureId)).Single(l => l.EntiteId == cible.Id.Valeur && l.TypeEntite == nameof(DonneurOrdre));

        await ModifierEnBaseAsync("UPDATE JournalAudit SET Changements = replace(Changements, 'Chinon', 'Chinen') WHERE Id = {0}", ligne.Id);

        var verification = await VerifierAsync(_structureId);
        Assert.False(verification.Intacte);
        Assert.Equal(ligne.Id, verification.Rupture!.LigneId);
        Assert.Equal(ligne.Sequence, verification.Rupture.Sequence);
        Assert.Contains("valeurs", verification.Rupture.Motif, StringComparison.Ordinal);
        Assert.True((await VerifierAsync(_autreId)).Intacte);
    }

    [Fact]
    public async Task Un_auteur_change_en_base_rompt_la_chaine_meme_si_les_empreintes_des_valeurs_restent()
    {
        var cible = await CreerDonneurAsync(_structureId, "Ville de Tours");
        var ligne = (await ChaineAsync(_structureId)).First(l => l.EntiteId == cible.Id.Valeur);

        await ModifierEnBaseAsync("UPDATE JournalAudit SET NomUtilisateur = 'Quelqu''un d''autre' WHERE Id = {0}", ligne.Id);

        var rupture = (await VerifierAsync(_structureId)).Rupture!;
        Assert.Equal(ligne.Id, rupture.LigneId);
        Assert.Contains("empreinte ne correspond plus", rupture.Motif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_ligne_supprimee_et_une_empreinte_recalculee_sont_signalees()
    {
        await CreerDonneurAsync(_structureId, "Ville de Tours");
        await CreerDonneurAsync(_structureId, "Ville de Joué");
        var lignes = await ChaineAsync(_structureId);
        var milieu = lignes[lignes.Count / 2];

        await ModifierEnBaseAsync("DELETE FROM JournalAudit WHERE Id = {0}", milieu.Id);

        var rupture = (await VerifierAsync(_structureId)).Rupture!;
        Assert.Equal(milieu.Sequence + 1, rupture.Sequence);
        Assert.Contains("supprimée", rupture.Motif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_ligne_reecrite_avec_sa_propre_empreinte_recalculee_rompt_le_lien_suivant()
    {
        await CreerDonneurAsync(_structureId, "Ville de Tours");
        await CreerDonneurAsync(_structureId, "Ville de Joué");
        var lignes = await ChaineAsync(_structureId);
        var falsifiee = lignes[0];
        falsifiee.NomUtilisateur = "Faussaire";
        var empreinte = ChaineAudit.Calculer(falsifiee);

        await ModifierEnBaseAsync("UPDATE JournalAudit SET NomUtilisateur = 'Faussaire', Empreinte = {0} WHERE Id = {1}", empreinte, falsifiee.Id);

        var rupture = (await VerifierAsync(_structureId)).Rupture!;
        Assert.Equal(lignes[1].Id, rupture.LigneId);
        Assert.Contains("précédente", rupture.Motif, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Des_valeurs_purgees_gardent_une_chaine_verifiable()
    {
        var cible = await CreerDonneurAsync(_structureId, "Ville de Tours");
        var ligne = (await ChaineAsync(_structureId)).First(l => l.EntiteId == cible.Id.Valeur);

        await using (var db = _base.Systeme())
        {
            var purgee = await db.JournalAudit.SingleAsync(j => j.Id == ligne.Id);
            purgee.Changements = "[]";
            purgee.PurgeLe = _base.Horloge.GetUtcNow();
            await db.SaveChangesAsync();
        }

        Assert.True((await VerifierAsync(_structureId)).Intacte);
    }

    [Fact]
    public async Task Une_sauvegarde_qui_echoue_ne_laisse_ni_ligne_ni_rang_consomme()
    {
        var donneur = await CreerDonneurAsync(_structureId, "Ville de Tours");
        await using (var db = _base.Pour(_structureId))
        {
            // The same id again: the primary key refuses the row, the save fails after its audit rows were chained.
            db.DonneursOrdre.Attach(donneur).State = EntityState.Added;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Empty(db.ChangeTracker.Entries<JournalAudit>());
        }
        await CreerDonneurAsync(_structureId, "Ville de Joué");

        var verification = await VerifierAsync(_structureId);
        Assert.True(verification.Intacte);
        Assert.Equal((await ChaineAsync(_structureId)).Count, verification.Lignes);
    }

    [Fact]
    public async Task Les_lignes_ecrites_avant_la_chaine_sont_scellees_une_fois_au_demarrage()
    {
        await CreerDonneurAsync(_structureId, "Ville de Tours");
        await CreerDonneurAsync(_structureId, "Ville de Joué");
        await ModifierEnBaseAsync("UPDATE JournalAudit SET Sequence = NULL, Empreinte = NULL, EmpreintePrecedente = NULL, EmpreinteChangements = NULL");
        Assert.False((await VerifierAsync(_structureId)).Intacte);

        await using (var db = _base.Systeme()) Assert.True(await ChaineAudit.ScellerAnciennesAsync(db) > 0);

        Assert.True((await VerifierAsync(_structureId)).Intacte);
        await using (var db = _base.Systeme()) Assert.Equal(0, await ChaineAudit.ScellerAnciennesAsync(db));
    }

    [Fact]
    public async Task Une_ligne_inseree_sans_sceau_dans_une_chaine_existante_reste_une_rupture()
    {
        await CreerDonneurAsync(_structureId, "Ville de Tours");
        await using (var db = _base.Systeme())
        {
            var entite = Guid.NewGuid();
            db.JournalAudit.Add(new JournalAudit
            {
                StructureId = _structureId,
                Quand = _base.Horloge.GetUtcNow(),
                NomUtilisateur = "Faussaire",
                TypeEntite = nameof(DonneurOrdre),
                EntiteId = entite,
                RacineId = entite,
            });
            await db.SaveChangesAsync();
        }
        await using (var db = _base.Systeme()) Assert.Equal(0, await ChaineAudit.ScellerAnciennesAsync(db));
        Assert.Contains("sans rang", (await VerifierAsync(_structureId)).Rupture!.Motif, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two writers of one structure, each on its own connection to one SQLite file, saving at the same time: the chain's
    /// transaction (BEGIN IMMEDIATE, taken before the last hash is read) puts them one after the other, so no rank is
    /// given twice and every link holds.
    /// </summary>
    [Fact]
    public async Task Deux_ecrivains_simultanes_d_une_structure_gardent_une_chaine_sans_trou_ni_doublon()
    {
        var fichier = Path.Combine(Path.GetTempPath(), "clause-tests", $"chaine-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(fichier)!);
        var chaine = $"Data Source={fichier};Default Timeout=30";
        try
        {
            SqliteClauseDbContext Ouvrir(ContexteExecution contexte) => new(new DbContextOptionsBuilder<SqliteClauseDbContext>()
                .UseSqlite(chaine).AddInterceptors(new AuditInterceptor(_base.Horloge)).Options, contexte);
            var systeme = new ContexteExecution();
            systeme.DefinirSysteme("tests");
            var structure = Structure.Creer("PLIE concurrent", TypeStructure.Plie, "Tours");
            await using (var db = Ouvrir(systeme))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
                db.Structures.Add(structure);
                db.Reglages.Add(Reglages.ParDefaut(structure.Id));
                await db.SaveChangesAsync();
            }

            async Task EcrireAsync(int ecrivain)
            {
                for (var i = 0; i < 10; i++)
                {
                    var contexte = new ContexteExecution();
                    contexte.DefinirUtilisateur(Guid.NewGuid(), $"Écrivain {ecrivain}", structure.Id, null, null);
                    await using var db = Ouvrir(contexte);
                    db.DonneursOrdre.Add(DonneurOrdre.Creer(structure.Id, $"Commune {ecrivain}-{i}", TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), null, null, null));
                    await db.SaveChangesAsync();
                }
            }
            await Task.WhenAll(Task.Run(() => EcrireAsync(1)), Task.Run(() => EcrireAsync(2)));

            await using var verif = Ouvrir(systeme);
            var resultat = (await ChaineAudit.VerifierAsync(verif)).Single(c => c.StructureId == structure.Id);
            Assert.True(resultat.Intacte, resultat.Rupture?.Motif);
            Assert.Equal(await verif.JournalAudit.CountAsync(j => j.StructureId == structure.Id), resultat.Lignes);
            Assert.Equal(20, await verif.JournalAudit.CountAsync(j => j.StructureId == structure.Id && j.TypeEntite == nameof(DonneurOrdre)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fichier);
        }
    }
}
