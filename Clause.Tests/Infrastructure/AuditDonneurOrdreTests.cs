using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure;

/// <summary>The audit trail of the DonneurOrdre aggregate, on a real SQLite database.</summary>
public sealed class AuditDonneurOrdreTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly BaseDeTest _base = new();
    private readonly StructureId _structureId;
    private readonly Guid _utilisateurId = Guid.NewGuid();

    public AuditDonneurOrdreTests()
    {
        using var db = _base.Systeme();
        var structure = Structure.Creer("PLIE de test", TypeStructure.Plie, "Tours");
        db.Structures.Add(structure);
        db.Reglages.Add(Reglages.ParDefaut(structure.Id));
        db.SaveChanges();
        _structureId = structure.Id;
    }

    public void Dispose() => _base.Dispose();

    private async Task<DonneurOrdreId> CreerDonneurAsync()
    {
        await using var db = _base.Pour(_structureId, "Claire Martin", _utilisateurId);
        var donneur = DonneurOrdre.Creer(_structureId, "Ville de Tours", TypeDonneurOrdre.Commune, "35600000049837", "1 rue Nationale", "37000", "Tours");
        db.DonneursOrdre.Add(donneur);
        await db.SaveChangesAsync();
        return donneur.Id;
    }

    private async Task<List<JournalAudit>> JournalAsync(DonneurOrdreId racineId)
    {
        await using var db = _base.Systeme();
        return await db.JournalAudit.AsNoTracking().Where(j => j.RacineId == racineId.Valeur).ToListAsync();
    }

    private static List<ChangementChamp> Changements(JournalAudit ligne) =>
        JsonSerializer.Deserialize<List<ChangementChamp>>(ligne.Changements, Json)!;

    [Fact]
    public async Task Creation_enregistre_qui_quand_quoi_et_les_valeurs()
    {
        var id = await CreerDonneurAsync();

        var ligne = Assert.Single(await JournalAsync(id));
        Assert.Equal(ActionAudit.Creation, ligne.Action);
        Assert.Equal(nameof(DonneurOrdre), ligne.TypeEntite);
        Assert.Equal(id.Valeur, ligne.EntiteId);
        Assert.Equal(_structureId, ligne.StructureId);
        Assert.Equal(_utilisateurId, ligne.UtilisateurId);
        Assert.Equal("Claire Martin", ligne.NomUtilisateur);
        Assert.Equal(_base.Horloge.GetUtcNow(), ligne.Quand);
        var changements = Changements(ligne);
        Assert.Contains(new ChangementChamp("RaisonSociale", null, "Ville de Tours"), changements);
        Assert.Contains(new ChangementChamp("Siret", null, "35600000049837"), changements);
        Assert.Contains(new ChangementChamp("Type", null, "Commune"), changements);
    }

    [Fact]
    public async Task Modification_enregistre_seulement_les_champs_changes_avant_apres()
    {
        var id = await CreerDonneurAsync();
        _base.Horloge.Advance(TimeSpan.FromHours(2));

        await using (var db = _base.Pour(_structureId, "Paul Durand"))
        {
            var donneur = await db.DonneursOrdre.SingleAsync(d => d.Id == id);
            donneur.Modifier("Ville de Tours (mairie)", TypeDonneurOrdre.Commune, "35600000049837", "1 rue Nationale", "37000", "Tours");
            await db.SaveChangesAsync();
        }

        var modification = Assert.Single(await JournalAsync(id), l => l.Action == ActionAudit.Modification);
        Assert.Equal("Paul Durand", modification.NomUtilisateur);
        Assert.Equal(_base.Horloge.GetUtcNow(), modification.Quand);
        var changement = Assert.Single(Changements(modification));
        Assert.Equal(new ChangementChamp("RaisonSociale", "Ville de Tours", "Ville de Tours (mairie)"), changement);
    }

    [Fact]
    public async Task Enregistrer_sans_changement_n_ecrit_rien()
    {
        var id = await CreerDonneurAsync();
        await using (var db = _base.Pour(_structureId))
        {
            var donneur = await db.DonneursOrdre.SingleAsync(d => d.Id == id);
            donneur.Modifier("Ville de Tours", TypeDonneurOrdre.Commune, "356 000 000 49837", "1 rue Nationale", "37000", "Tours");
            await db.SaveChangesAsync();
        }
        Assert.Single(await JournalAsync(id));
    }

    [Fact]
    public async Task Ajout_modification_et_retrait_d_un_contact_figurent_dans_l_historique_de_la_racine()
    {
        var id = await CreerDonneurAsync();
        Guid contactId;
        await using (var db = _base.Pour(_structureId))
        {
            var donneur = await db.DonneursOrdre.Include(d => d.Contacts).SingleAsync(d => d.Id == id);
            contactId = donneur.AjouterContact("Sophie Leroy", RoleContactDonneurOrdre.ServiceMarches, "sophie.leroy@tours.fr", "02 47 00 00 00").Id;
            await db.SaveChangesAsync();
        }
        await using (var db = _base.Pour(_structureId))
        {
            var donneur = await db.DonneursOrdre.Include(d => d.Contacts).SingleAsync(d => d.Id == id);
            donneur.ModifierContact(contactId, "Sophie Leroy", RoleContactDonneurOrdre.Technicien, "sophie.leroy@tours.fr", "02 47 00 00 00");
            await db.SaveChangesAsync();
        }
        await using (var db = _base.Pour(_structureId))
        {
            var donneur = await db.DonneursOrdre.Include(d => d.Contacts).SingleAsync(d => d.Id == id);
            donneur.RetirerContact(contactId);
            await db.SaveChangesAsync();
            Assert.False(await db.Set<ContactDonneurOrdre>().AnyAsync(c => c.Id == contactId));
        }

        var contacts = (await JournalAsync(id)).Where(l => l.TypeEntite == nameof(ContactDonneurOrdre)).ToList();
        Assert.All(contacts, l => Assert.Equal(contactId, l.EntiteId));
        Assert.Equal([ActionAudit.Creation, ActionAudit.Modification, ActionAudit.Suppression],
            contacts.OrderBy(l => l.Id).Select(l => l.Action));
        var role = Assert.Single(Changements(contacts.Single(l => l.Action == ActionAudit.Modification)));
        Assert.Equal(new ChangementChamp("Role", "ServiceMarches", "Technicien"), role);
    }

    [Fact]
    public async Task Ecrire_dans_une_autre_structure_est_refuse()
    {
        StructureId autreStructure;
        await using (var db = _base.Systeme())
        {
            var structure = Structure.Creer("Autre PLIE", TypeStructure.Plie, null);
            db.Structures.Add(structure);
            await db.SaveChangesAsync();
            autreStructure = structure.Id;
        }

        await using var pirate = _base.Pour(_structureId);
        pirate.DonneursOrdre.Add(DonneurOrdre.Creer(autreStructure, "Intrus", TypeDonneurOrdre.EntreprisePrivee, null, null, null, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => pirate.SaveChangesAsync());
    }

    [Fact]
    public async Task Siret_en_double_dans_une_structure_est_refuse_par_la_base()
    {
        await CreerDonneurAsync();
        await using var db = _base.Pour(_structureId);
        db.DonneursOrdre.Add(DonneurOrdre.Creer(_structureId, "Doublon", TypeDonneurOrdre.Commune, "35600000049837", null, null, null));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Meme_siret_dans_deux_structures_et_acheteurs_prives_sans_siret_sont_acceptes()
    {
        await CreerDonneurAsync();
        StructureId autreStructure;
        await using (var db = _base.Systeme())
        {
            var structure = Structure.Creer("Autre PLIE", TypeStructure.Plie, null);
            db.Structures.Add(structure);
            db.DonneursOrdre.Add(DonneurOrdre.Creer(structure.Id, "Ville de Tours", TypeDonneurOrdre.Commune, "35600000049837", null, null, null));
            await db.SaveChangesAsync();
            autreStructure = structure.Id;
        }
        await using (var db = _base.Pour(_structureId))
        {
            db.DonneursOrdre.Add(DonneurOrdre.Creer(_structureId, "Promoteur A", TypeDonneurOrdre.EntreprisePrivee, null, null, null, null));
            db.DonneursOrdre.Add(DonneurOrdre.Creer(_structureId, "Promoteur B", TypeDonneurOrdre.EntreprisePrivee, " ", null, null, null));
            await db.SaveChangesAsync();
        }
        await using var verif = _base.Systeme();
        Assert.Equal(4, await verif.DonneursOrdre.CountAsync());
        Assert.NotEqual(_structureId, autreStructure);
    }
    [Fact]
    public async Task Hors_structure_on_peut_creer_une_structure_avec_ses_reglages_dans_le_meme_enregistrement()
    {
        // An administrator acts without structure and without the system's rights.
        var contexteAdmin = new Clause.Infrastructure.Securite.ContexteExecution();
        contexteAdmin.DefinirUtilisateur(Guid.NewGuid(), "Admin", null, null, null);
        await using (var admin = _base.Avec(contexteAdmin))
        {
            var structure = Structure.Creer("Maison de l'Emploi de Loches", TypeStructure.MaisonEmploi, "Loches");
            admin.Structures.Add(structure);
            admin.Reglages.Add(Reglages.ParDefaut(structure.Id));
            await admin.SaveChangesAsync();
        }

        await using var verif = _base.Systeme();
        Assert.Equal(2, await verif.Reglages.CountAsync());
    }

    [Fact]
    public async Task Hors_structure_on_ne_peut_pas_ecrire_dans_une_structure_existante()
    {
        var contexteAdmin = new Clause.Infrastructure.Securite.ContexteExecution();
        contexteAdmin.DefinirUtilisateur(Guid.NewGuid(), "Admin", null, null, null);
        await using var admin = _base.Avec(contexteAdmin);
        admin.DonneursOrdre.Add(DonneurOrdre.Creer(_structureId, "Intrus", TypeDonneurOrdre.EntreprisePrivee, null, null, null, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.SaveChangesAsync());

        // Neither by creating a new structure in the same save.
        admin.ChangeTracker.Clear();
        admin.Structures.Add(Structure.Creer("Leurre", TypeStructure.Autre, null));
        admin.DonneursOrdre.Add(DonneurOrdre.Creer(_structureId, "Intrus", TypeDonneurOrdre.EntreprisePrivee, null, null, null, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.SaveChangesAsync());
    }
}
