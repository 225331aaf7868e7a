using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Clause.Tests.Infrastructure;

/// <summary>
/// Tenancy is complete (DOMAIN.md §11, issue 7 item 6): every entity of the model is scoped to its structure by the
/// global filter, or is on the short list of system tables below; every audit row names its structure, child
/// entities included; the migration that gave the child tables their StructureId fills it for existing rows.
/// </summary>
public sealed class TenanceTests : IDisposable
{
    private const string MigrationInitiale = "20261127115800_Initial";

    // Not tenant data: the tenants themselves, the accounts (Identity) and the journals, which a structure reads through
    // their StructureId column but which the system writes for every structure.
    private static readonly HashSet<Type> Exemptees =
    [
        typeof(Structure),
        typeof(Clause.Infrastructure.Identite.Utilisateur),
        typeof(IdentityRole<Guid>),
        typeof(IdentityUserRole<Guid>),
        typeof(IdentityUserClaim<Guid>),
        typeof(IdentityUserLogin<Guid>),
        typeof(IdentityUserToken<Guid>),
        typeof(IdentityRoleClaim<Guid>),
        typeof(JournalAudit),
        typeof(JournalAccesDonneesSensibles),
        // An account's own sign-in sessions (like the Identity tables), read by the session key, never listed by structure.
        typeof(Clause.Infrastructure.Identite.SessionConnexion),
        // A user's two-factor resets (like the Identity tables): written for the audit trail, never listed by structure.
        typeof(Clause.Infrastructure.Identite.ReinitialisationDoubleFacteur),
        // Read only by its caller's id (idempotency keys are per user), never listed by structure.
        typeof(Clause.Infrastructure.Api.RequeteIdempotente),
        // The run journal of the scheduled jobs: installation-wide, shown to the administrator.
        typeof(Clause.Infrastructure.Taches.ExecutionTache),
        // The mail outbox: an administrator's invitation has no structure; the Direction's page filters on StructureId.
        typeof(Clause.Infrastructure.Mail.MessageSortant),
    ];

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    [Fact]
    public void Chaque_entite_du_modele_est_filtree_par_structure_ou_exemptee()
    {
        using var db = _base.Demarrage();
        var nonFiltrees = db.Model.GetEntityTypes()
            .Where(t => !Exemptees.Contains(t.ClrType))
            .Where(t => !typeof(IAppartientStructure).IsAssignableFrom(t.ClrType) || t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(nonFiltrees.Count == 0,
            "Entités sans StructureId ni filtre de structure (ajoutez IAppartientStructure, ou la liste des exemptées) : " + string.Join(", ", nonFiltrees));
    }

    [Fact]
    public void Chaque_entite_filtree_a_un_index_mene_par_StructureId()
    {
        using var db = _base.Demarrage();
        var sansIndex = db.Model.GetEntityTypes()
            .Where(t => typeof(IAppartientStructure).IsAssignableFrom(t.ClrType))
            .Where(t => !t.GetIndexes().Any(i => i.Properties[0].Name == nameof(IAppartientStructure.StructureId)))
            .Select(t => t.ClrType.Name).ToList();
        Assert.Empty(sansIndex);
    }

    [Fact]
    public async Task Le_filtre_de_tenance_compare_la_colonne_StructureId_a_un_parametre_et_passe_par_son_index()
    {
        var structureId = await NouvelleStructureAsync();
        await using var db = _base.Pour(structureId);

        // The typed StructureId is compared as the GUID column itself: no function or cast around the column.
        var filtre = db.Entreprises.Select(e => e.RaisonSociale).ToQueryString();
        Assert.Contains(@"""e"".""StructureId"" = @ef_filter__StructureCourante", filtre, StringComparison.Ordinal);
        // The plain predicate, nothing OR-ed to it (a bypass flag would make it unindexable), on the named filter.
        Assert.DoesNotContain(" OR ", filtre, StringComparison.Ordinal);
        Assert.All(db.Model.GetEntityTypes().Where(t => typeof(IAppartientStructure).IsAssignableFrom(t.ClrType)),
            t => Assert.Equal(ClauseDbContext.FiltreStructure, Assert.Single(t.GetDeclaredQueryFilters()).Key));
        // The explicit check the pages add (Chargement.DeLaStructureAsync, the lists) is a search on the index led by
        // StructureId. SQLite's plan for the statement, its parameters as literals.
        var requete = db.Entreprises.Where(e => e.StructureId == structureId).Select(e => e.RaisonSociale).ToQueryString();
        var select = requete[requete.IndexOf("SELECT", StringComparison.Ordinal)..];
        var plan = string.Join(" | ", await PlanAsync(db, Regex.Replace(select, @"@\w+",
            m => m.Value.Contains("Systeme", StringComparison.Ordinal) ? "0" : $"'{structureId.Valeur.ToString().ToUpperInvariant()}'")));
        Assert.True(Regex.IsMatch(plan, @"SEARCH .* USING (COVERING )?INDEX IX_Entreprises_StructureId"), select + " => " + plan);
    }

    private static async Task<List<string>> PlanAsync(DbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var commande = db.Database.GetDbConnection().CreateCommand();
        commande.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lignes = new List<string>();
        await using var lecteur = await commande.ExecuteReaderAsync();
        while (await lecteur.ReadAsync()) lignes.Add(lecteur.GetString(3));
        return lignes;
    }

    [Fact]
    public async Task Un_contexte_systeme_ne_lit_aucune_ligne_de_la_tenance_sauf_a_le_demander()
    {
        var (s, _, _) = await SemerAsync();
        await using var systeme = _base.Demarrage();

        Assert.Empty(await systeme.Entreprises.ToListAsync());
        Assert.Empty(await systeme.Lots.ToListAsync());
        Assert.NotEmpty(await systeme.Entreprises.IgnoreQueryFilters([ClauseDbContext.FiltreStructure]).Where(e => e.StructureId == s.StructureId).ToListAsync());
    }

    [Fact]
    public async Task Les_entites_enfants_d_une_autre_structure_sont_invisibles()
    {
        var (s, _, _) = await SemerAsync();
        var autre = await NouvelleStructureAsync();

        await using var db = _base.Pour(autre);
        Assert.Empty(await db.Set<ObligationInsertion>().ToListAsync());
        Assert.Empty(await db.Set<BonCommande>().ToListAsync());
        Assert.Empty(await db.Set<ContactEntreprise>().ToListAsync());
        Assert.Empty(await db.Set<ContactDonneurOrdre>().ToListAsync());
        await using var proprietaire = _base.Pour(s.StructureId);
        Assert.NotEmpty(await proprietaire.Set<ObligationInsertion>().ToListAsync());
        Assert.NotEmpty(await proprietaire.Set<BonCommande>().ToListAsync());
        Assert.NotEmpty(await proprietaire.Set<ContactEntreprise>().ToListAsync());
        Assert.NotEmpty(await proprietaire.Set<ContactDonneurOrdre>().ToListAsync());
    }

    [Fact]
    public async Task Chaque_ligne_d_audit_des_entites_enfants_porte_sa_structure()
    {
        var (s, _, _) = await SemerAsync();

        await using var db = _base.Systeme();
        var lignes = await db.JournalAudit.AsNoTracking().ToListAsync();
        foreach (var type in new[] { nameof(ObligationInsertion), nameof(BonCommande), nameof(ContactEntreprise), nameof(ContactDonneurOrdre), nameof(Lot) })
            Assert.Contains(lignes, l => l.TypeEntite == type);
        Assert.All(lignes.Where(l => l.TypeEntite != nameof(Structure)), l => Assert.Equal(s.StructureId, l.StructureId));
        Assert.All(lignes.Where(l => l.TypeEntite == nameof(Structure)), l => Assert.Equal(StructureId.De(l.EntiteId), l.StructureId));
    }

    [Fact]
    public async Task La_migration_donne_aux_lignes_existantes_la_structure_de_leur_parent()
    {
        var (s, entreprise, marche) = await SemerAsync();
        await using (var db = _base.Demarrage())
        {
            // Back to the first migration's schema: the child tables lose their StructureId, and the audit rows of child
            // entities are as that version wrote them (without structure).
            var migrateur = db.GetService<IMigrator>();
            await migrateur.MigrateAsync(MigrationInitiale);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE JournalAudit SET StructureId = NULL WHERE TypeEntite IN ('ObligationInsertion', 'BonCommande', 'ContactEntreprise', 'ContactDonneurOrdre', 'Structure')");
            await migrateur.MigrateAsync();
        }

        await using var relu = _base.Pour(s.StructureId);
        var lot = await relu.Lots.Include(l => l.Obligations).Include(l => l.BonsCommande).SingleAsync(l => l.MarcheId == marche.Id);
        Assert.All(lot.Obligations, o => Assert.Equal(s.StructureId, o.StructureId));
        Assert.All(lot.BonsCommande, b => Assert.Equal(s.StructureId, b.StructureId));
        Assert.NotEmpty(lot.BonsCommande);
        var contacts = await relu.Set<ContactEntreprise>().Where(c => c.EntrepriseId == entreprise.Id).ToListAsync();
        Assert.Equal(s.StructureId, Assert.Single(contacts).StructureId);
        var contactAcheteur = await relu.Set<ContactDonneurOrdre>().SingleAsync();
        Assert.Equal(s.StructureId, contactAcheteur.StructureId);
        await using var systeme = _base.Systeme();
        Assert.DoesNotContain(await systeme.JournalAudit.AsNoTracking().ToListAsync(), l => l.StructureId is null);
    }

    private async Task<StructureId> NouvelleStructureAsync()
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using var systeme = _base.Systeme();
        systeme.Structures.Add(structure);
        await systeme.SaveChangesAsync();
        return structure.Id;
    }

    /// <summary>A structure with a company and a buyer holding a contact each, and an accord-cadre lot with a bon de commande.</summary>
    private async Task<(SituationsMarches, Entreprise, Marche)> SemerAsync()
    {
        var s = new SituationsMarches(await NouvelleStructureAsync());
        var marche = s.UnMarche("2026-AC1", TypeMarche.AccordCadreBonsCommande, 1_000_000, SituationsMarches.LotF1("Entretien"));
        marche.Lots[0].AjouterBonCommande("BC-1", new DateOnly(2026, 2, 1), Montant.Euros(100_000), null);
        s.DonneurOrdre.AjouterContact("Anne Leroy", RoleContactDonneurOrdre.ServiceMarches, "anne.leroy@exemple.fr", null);
        var entreprise = Entreprise.Creer(s.StructureId, "Rabelais Bâtiment", "73282932000074", TypeEmployeur.Classique);
        entreprise.AjouterContact("Claire Martin", RoleContactEntreprise.RH, "claire.martin@exemple.fr", null);
        await using var db = _base.Pour(s.StructureId);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.DonneurOrdre);
        db.Entreprises.Add(entreprise);
        db.Operations.Add(s.Operation);
        db.Marches.Add(marche);
        await db.SaveChangesAsync();
        return (s, entreprise, marche);
    }
}
