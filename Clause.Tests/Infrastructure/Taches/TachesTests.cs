using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Taches;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Taches;

/// <summary>
/// How a job's work runs, without Quartz: the run journal (a throwing job is a failed run with its message, nothing
/// half-written, the next run clean) and <see cref="ParStructure"/> (one scope per structure, failures isolated).
/// </summary>
public sealed class TachesTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private ExecuteurTaches Executeur => app.Services.GetRequiredService<ExecuteurTaches>();

    private async Task<Entreprise> EntrepriseAsync(StructureId structure, string nom)
    {
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        db.Contexte.DefinirSysteme("tests");
        var entreprise = Entreprise.Creer(structure, nom, AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        db.Entreprises.Add(entreprise);
        await db.SaveChangesAsync();
        return entreprise;
    }

    private async Task<bool> StructureExisteAsync(string nom)
    {
        using var portee = app.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        return await db.Structures.AnyAsync(s => s.Nom == nom);
    }

    [Fact]
    public async Task Une_tache_qui_leve_est_journalisee_en_echec_sans_rien_ecrire_et_la_suivante_repart_proprement()
    {
        var cle = "essai-" + Guid.NewGuid().ToString("N")[..8];
        var moitie = "Moitié " + Guid.NewGuid().ToString("N")[..8];

        var echec = await Executeur.ExecuterAsync(cle, DeclenchementTache.Planifie, app.Horloge.GetUtcNow(), "noeud-test", (sp, _) =>
        {
            // Written to the context, never saved: the failure drops it with the run's scope.
            sp.GetRequiredService<ClauseDbContext>().Structures.Add(Structure.Creer(moitie, TypeStructure.Plie, "Tours"));
            throw new InvalidOperationException("Le fichier des montants est illisible.");
        });

        Assert.Equal(ResultatTache.Echouee, echec.Resultat);
        Assert.Equal("La tâche a échoué : Le fichier des montants est illisible. (InvalidOperationException)", echec.Message);
        Assert.NotNull(echec.FinLe);
        Assert.False(await StructureExisteAsync(moitie));

        var propre = "Propre " + Guid.NewGuid().ToString("N")[..8];
        var reussite = await Executeur.ExecuterAsync(cle, DeclenchementTache.Manuel, null, "noeud-test", async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClauseDbContext>();
            Assert.Empty(db.ChangeTracker.Entries()); // a fresh context: nothing left over from the failed run
            db.Structures.Add(Structure.Creer(propre, TypeStructure.Plie, "Tours"));
            await db.SaveChangesAsync(ct);
            return new CompteRendu("1 structure créée.");
        });

        Assert.Equal(ResultatTache.Reussie, reussite.Resultat);
        Assert.Equal("1 structure créée.", reussite.Message);
        Assert.True(await StructureExisteAsync(propre));
        Assert.False(await StructureExisteAsync(moitie));

        using var portee = app.Services.CreateScope();
        var journal = await portee.ServiceProvider.GetRequiredService<ClauseDbContext>().ExecutionsTaches.AsNoTracking()
            .Where(e => e.Cle == cle).OrderBy(e => e.DebutLe).ThenBy(e => e.Id).ToListAsync();
        Assert.Collection(journal,
            e => Assert.Equal((ResultatTache.Echouee, DeclenchementTache.Planifie), (e.Resultat, e.Declenchement)),
            e => Assert.Equal((ResultatTache.Reussie, DeclenchementTache.Manuel), (e.Resultat, e.Declenchement)));
    }

    [Fact]
    public async Task Une_execution_restee_en_cours_est_marquee_interrompue_au_redemarrage_de_son_noeud()
    {
        var noeud = "noeud-" + Guid.NewGuid().ToString("N")[..8];
        using (var portee = app.Services.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            db.ExecutionsTaches.Add(new ExecutionTache { Cle = "boite-envoi", Noeud = noeud, DebutLe = app.Horloge.GetUtcNow() });
            db.ExecutionsTaches.Add(new ExecutionTache { Cle = "boite-envoi", Noeud = "autre-" + noeud, DebutLe = app.Horloge.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Executeur.MarquerInterrompuesAsync(noeud));

        using var lecture = app.Services.CreateScope();
        var lignes = await lecture.ServiceProvider.GetRequiredService<ClauseDbContext>().ExecutionsTaches.AsNoTracking()
            .Where(e => e.Noeud.EndsWith(noeud)).ToListAsync();
        Assert.Equal(ResultatTache.Interrompue, lignes.Single(e => e.Noeud == noeud).Resultat);
        Assert.Equal(ResultatTache.EnCours, lignes.Single(e => e.Noeud != noeud).Resultat); // another node's run is not ours to close
    }

    [Fact]
    public async Task Par_structure_chaque_portee_ne_voit_que_sa_structure_et_un_echec_n_arrete_pas_les_autres()
    {
        var premiere = await app.CreerStructureAsync("A " + Guid.NewGuid().ToString("N")[..8]);
        var seconde = await app.CreerStructureAsync("B " + Guid.NewGuid().ToString("N")[..8]);
        await EntrepriseAsync(premiere.Id, "Bâtiments du Val");
        await EntrepriseAsync(seconde.Id, "Terrassements de Loire");
        var vues = new Dictionary<StructureId, List<string>>();

        var echecs = await ParStructure.PourChacuneAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), "test-par-structure",
            async (sp, structure, ct) =>
            {
                var db = sp.GetRequiredService<ClauseDbContext>();
                Assert.Equal(structure, db.Contexte.StructureId);
                Assert.Equal("test-par-structure", db.Contexte.NomUtilisateur);
                vues[structure] = await db.Entreprises.AsNoTracking().Select(e => e.RaisonSociale).ToListAsync(ct);
                if (structure == premiere.Id) throw new InvalidOperationException("Panne de la première structure.");
            });

        Assert.Equal(["Bâtiments du Val"], vues[premiere.Id]);
        Assert.Equal(["Terrassements de Loire"], vues[seconde.Id]); // reached after the first one failed
        var echec = Assert.Single(echecs);
        Assert.Equal(premiere.Id, echec.Structure);
        Assert.Equal("Panne de la première structure.", echec.Erreur.Message);
    }
}
