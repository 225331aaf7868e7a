using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure;

public sealed class EntreprisesPersistanceTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    private async Task<StructureId> StructureAsync()
    {
        using var db = _base.Systeme();
        var structure = Structure.Creer("Structure " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        db.Structures.Add(structure);
        await db.SaveChangesAsync();
        return structure.Id;
    }

    [Fact]
    public async Task Entreprise_et_contacts_sont_relus_a_l_identique()
    {
        var structureId = await StructureAsync();
        EntrepriseId id;
        using (var db = _base.Pour(structureId))
        {
            var e = Entreprise.Creer(structureId, "Touraine Insertion Peinture", "73282932000074", TypeEmployeur.EI, "43.34Z", TrancheEffectif.De10A19, "5 rue Colbert", "37000", "Tours");
            e.AjouterContact("Claire Martin", RoleContactEntreprise.Tuteur, "claire.martin@tip.fr", "02 47 00 00 00");
            db.Entreprises.Add(e);
            await db.SaveChangesAsync();
            id = e.Id;
        }
        using (var db = _base.Pour(structureId))
        {
            var relue = await db.Entreprises.Include(e => e.Contacts).SingleAsync(e => e.Id == id);
            Assert.Equal("4334Z", relue.CodeNaf);
            Assert.Equal(TrancheEffectif.De10A19, relue.TrancheEffectif);
            Assert.Equal("Tours", relue.Commune);
            var contact = Assert.Single(relue.Contacts);
            Assert.Equal(RoleContactEntreprise.Tuteur, contact.Role);
        }
    }

    [Fact]
    public async Task Index_unique_refuse_deux_entreprises_au_meme_siret_dans_une_structure()
    {
        var structureId = await StructureAsync();
        using (var db = _base.Pour(structureId))
        {
            db.Entreprises.Add(Entreprise.Creer(structureId, "Première", "73282932000074", TypeEmployeur.Classique));
            await db.SaveChangesAsync();
        }
        using (var db = _base.Pour(structureId))
        {
            db.Entreprises.Add(Entreprise.Creer(structureId, "Doublon", "732 829 320 00074", TypeEmployeur.Classique));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        using (var db = _base.Systeme())
            Assert.Equal(1, await db.Entreprises.CountAsync(e => e.Siret == "73282932000074"));
    }

    [Fact]
    public async Task Meme_siret_est_accepte_dans_deux_structures()
    {
        var a = await StructureAsync();
        var b = await StructureAsync();
        foreach (var structureId in new[] { a, b })
        {
            using var db = _base.Pour(structureId);
            db.Entreprises.Add(Entreprise.Creer(structureId, "La Poste", "35600000049837", TypeEmployeur.Classique));
            await db.SaveChangesAsync();
        }
        using var systeme = _base.Systeme();
        Assert.Equal(2, await systeme.Entreprises.CountAsync(e => e.Siret == "35600000049837"));
    }

    [Fact]
    public async Task Contact_ajoute_a_une_entreprise_chargee_est_enregistre_et_journalise_sous_l_entreprise()
    {
        var structureId = await StructureAsync();
        var e = Entreprise.Creer(structureId, "Net Solidaire 37", "73282932000074", TypeEmployeur.EI);
        using (var db = _base.Pour(structureId))
        {
            db.Entreprises.Add(e);
            await db.SaveChangesAsync();
        }
        using (var db = _base.Pour(structureId))
        {
            var chargee = await db.Entreprises.Include(x => x.Contacts).SingleAsync(x => x.Id == e.Id);
            chargee.AjouterContact("Paul Durand", RoleContactEntreprise.RH, null, null);
            await db.SaveChangesAsync();
        }
        using (var db = _base.Pour(structureId))
        {
            var chargee = await db.Entreprises.Include(x => x.Contacts).SingleAsync(x => x.Id == e.Id);
            chargee.RetirerContact(Assert.Single(chargee.Contacts).Id);
            await db.SaveChangesAsync();
        }
        using (var db = _base.Systeme())
        {
            Assert.False(await db.Entreprises.Where(x => x.Id == e.Id).SelectMany(x => x.Contacts).AnyAsync());
            var journal = await db.JournalAudit.Where(j => j.RacineId == e.Id.Valeur).OrderBy(j => j.Quand).ThenBy(j => j.Id).ToListAsync();
            Assert.Contains(journal, j => j.TypeEntite == nameof(ContactEntreprise) && j.Action == ActionAudit.Creation);
            Assert.Contains(journal, j => j.TypeEntite == nameof(ContactEntreprise) && j.Action == ActionAudit.Suppression);
        }
    }

    [Fact]
    public async Task Entreprise_d_une_autre_structure_est_invisible()
    {
        var a = await StructureAsync();
        var b = await StructureAsync();
        using (var db = _base.Pour(a))
        {
            db.Entreprises.Add(Entreprise.Creer(a, "Chez A", "73282932000074", TypeEmployeur.Classique));
            await db.SaveChangesAsync();
        }
        using var autre = _base.Pour(b);
        Assert.Empty(await autre.Entreprises.ToListAsync());
    }

    public void Dispose() => _base.Dispose();
}
