using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Clause.Tests.Infrastructure;

/// <summary>
/// A database in service before S11ListesRecherche: the migration adds the search columns empty, and the start-up backfill
/// (<see cref="RemplissageRecherche"/>, called by <c>Demarrage.PreparerBaseAsync</c>) fills them with the entities' own
/// rule, once, without writing an audit row; the old records are then found without accents.
/// </summary>
public sealed class RemplissageRechercheTests : IDisposable
{
    /// <summary>The migration just before S11ListesRecherche.</summary>
    private const string MigrationPrecedente = "20261204031629_S10DroitsConservation";

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public async Task La_migration_puis_le_demarrage_remplissent_la_colonne_des_lignes_existantes()
    {
        var structure = Structure.Creer("PLIE de l'Agglomération Castelroussine", TypeStructure.Plie, "Châteauroux");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsMarches(structure.Id);
        var marche = s.UnMarche("2026-ÉTÉ", TypeMarche.Ordinaire, 1_000_000, SituationsMarches.LotF1("Gros œuvre"));
        var entreprise = Entreprise.Creer(s.StructureId, "Bâtiments du Val", "73282932000074", TypeEmployeur.Classique);
        var participant = Participant.Creer(s.StructureId,
            ParticipantsDeTest.Donnees(nom: "Lefèvre", prenom: "Hélène", commune: "Saint-Étienne-de-Chigny"), new DateOnly(2024, 1, 5));
        await using (var db = _base.Pour(s.StructureId))
        {
            db.Reglages.Add(s.Reglages);
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Entreprises.Add(entreprise);
            db.Operations.Add(s.Operation);
            db.Marches.Add(marche);
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
        }

        int auditAvant;
        await using (var db = _base.Demarrage())
        {
            // Back to the schema before S11ListesRecherche (the columns go), then up again: the rows are those of a database in service.
            var migrateur = db.GetService<IMigrator>();
            await migrateur.MigrateAsync(MigrationPrecedente);
            await migrateur.MigrateAsync();
            auditAvant = await db.JournalAudit.IgnoreQueryFilters().CountAsync();
        }
        await using (var systeme = _base.Systeme())
        {
            Assert.Equal(string.Empty, (await systeme.Participants.AsNoTracking().SingleAsync(p => p.Id == participant.Id)).Recherche);
            Assert.Equal(string.Empty, (await systeme.Lots.AsNoTracking().SingleAsync(l => l.MarcheId == marche.Id)).Recherche);
            Assert.Equal(string.Empty, (await systeme.Structures.AsNoTracking().SingleAsync(x => x.Id == structure.Id)).Recherche);
        }

        await using (var db = _base.Demarrage())
            Assert.Equal(7, await RemplissageRecherche.RemplirAsync(db)); // one row in each of the seven tables

        await using (var systeme = _base.Systeme())
        {
            var p = await systeme.Participants.AsNoTracking().SingleAsync(x => x.Id == participant.Id);
            Assert.Equal(("lefevre helene", "saint etienne de chigny"), (p.Recherche, p.RechercheCommune));
            Assert.Equal("batiments du val", (await systeme.Entreprises.AsNoTracking().SingleAsync(e => e.Id == entreprise.Id)).Recherche);
            Assert.Equal("ville de tours tours", (await systeme.DonneursOrdre.AsNoTracking().SingleAsync(d => d.Id == s.DonneurOrdre.Id)).Recherche);
            Assert.Equal("renovation du quartier sanitas tours", (await systeme.Operations.AsNoTracking().SingleAsync(o => o.Id == s.Operation.Id)).Recherche);
            Assert.Equal("2026 ete rehabilitation de 120 logements rue des tanneurs",
                (await systeme.Marches.AsNoTracking().SingleAsync(m => m.Id == marche.Id)).Recherche);
            Assert.Equal("gros oeuvre", (await systeme.Lots.AsNoTracking().SingleAsync(l => l.MarcheId == marche.Id)).Recherche);
            Assert.Equal("plie de l agglomeration castelroussine chateauroux",
                (await systeme.Structures.AsNoTracking().SingleAsync(x => x.Id == structure.Id)).Recherche);
            // The same text as the entity writes: one rule.
            Assert.Equal(participant.Recherche, p.Recherche);
            Assert.Equal(marche.Recherche, (await systeme.Marches.AsNoTracking().SingleAsync(m => m.Id == marche.Id)).Recherche);
        }

        await using (var db = _base.Demarrage())
        {
            // Set-based updates of the search columns only: no audit row; a second start has nothing to fill.
            Assert.Equal(auditAvant, await db.JournalAudit.IgnoreQueryFilters().CountAsync());
            Assert.Equal(0, await RemplissageRecherche.RemplirAsync(db));
        }

        // The old rows are now found without accents, as the lists search.
        await using var lecteur = _base.Pour(s.StructureId);
        var motif = Clause.Web.Infrastructure.RechercheTexte.Contient("LEFEVRE");
        Assert.Equal([participant.Id], await lecteur.Participants.Where(x => EF.Functions.Like(x.Recherche, motif, "\\")).Select(x => x.Id).ToListAsync());
    }
}
