using Clause.Domain.Commun;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure;

/// <summary>
/// The database refuses what the domain refuses, even when the domain is bypassed (ExecuteUpdate, raw SQL),
/// and the tenant filter hides another structure's opérations, marchés and lots.
/// </summary>
public sealed class MarchesPersistanceTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private async Task<(SituationsMarches Situations, Marche Marche)> MarcheEnregistreAsync(string numero = "2026-001", TypeMarche type = TypeMarche.Ordinaire)
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsMarches(structure.Id);
        var marche = s.UnMarche(numero, type, 1_500_000, SituationsMarches.LotF1("Gros œuvre"), SituationsMarches.LotF1("Peinture", 500_000));
        await using var db = _base.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.DonneurOrdre);
        db.Operations.Add(s.Operation);
        db.Marches.Add(marche);
        await db.SaveChangesAsync();
        return (s, marche);
    }

    private static async Task RefuseAsync(string contrainte, Func<Task> action)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(action);
        Assert.Contains(contrainte, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_marche_et_ses_lots_se_relisent_avec_l_obligation_et_son_explication()
    {
        var (s, marche) = await MarcheEnregistreAsync();

        await using var db = _base.Pour(s.StructureId);
        var relu = await db.Marches.Include(m => m.Lots).ThenInclude(l => l.Obligations).SingleAsync(m => m.Id == marche.Id);

        Assert.Equal(["Gros œuvre", "Peinture"], relu.Lots.Select(l => l.Libelle));
        var lot = relu.Lots[0];
        Assert.Equal(Duree.Heures(833), lot.HeuresDues);
        Assert.Equal(Fondement.ConditionExecution, lot.Fondements);
        Assert.Equal("1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h", SituationsMarches.Espaces(lot.ExplicationHeuresDues()));
        // Fondements filter in SQL (flags stored as an integer).
        Assert.Equal(2, await db.Lots.CountAsync(l => l.Fondements.HasFlag(Fondement.ConditionExecution)));
        Assert.Equal(0, await db.Lots.CountAsync(l => l.Fondements == Fondement.Aucun));
    }

    [Fact]
    public async Task Un_avenant_s_enregistre_comme_une_nouvelle_version_dans_l_historique_du_lot()
    {
        var (s, marche) = await MarcheEnregistreAsync();
        var lotId = marche.Lots[0].Id;

        await using (var db = _base.Pour(s.StructureId))
        {
            var lot = await db.Lots.Include(l => l.Obligations).SingleAsync(l => l.Id == lotId);
            var reglages = await db.Reglages.SingleAsync();
            lot.AppliquerAvenant(Montant.Euros(1_200_000), "Avenant n°2", new DateOnly(2026, 6, 1), reglages, s.Horloge);
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Pour(s.StructureId);
        var versions = await lecture.ObligationsInsertion.Where(o => o.LotId == lotId).OrderBy(o => o.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("Avenant n°2", versions[1].Motif);
        Assert.True(await lecture.JournalAudit.AnyAsync(j => j.RacineId == lotId.Valeur && j.TypeEntite == nameof(ObligationInsertion)));
    }

    [Fact]
    public async Task Les_lots_d_une_entreprise_et_son_role_se_lisent_en_une_requete()
    {
        var (s, marche) = await MarcheEnregistreAsync();
        var entreprise = s.UneEntreprise();
        await using (var db = _base.Pour(s.StructureId))
        {
            db.Entreprises.Add(entreprise);
            var lots = await db.Lots.Include(l => l.Attributions).Where(l => l.MarcheId == marche.Id).OrderBy(l => l.Numero).ToListAsync();
            lots[0].Attribuer(entreprise, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
            lots[1].Attribuer(entreprise, RoleAttribution.SousTraitant, new DateOnly(2026, 2, 1));
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Pour(s.StructureId);
        var roles = await lecture.Attributions.AsNoTracking()
            .Where(a => a.EntrepriseId == entreprise.Id)
            .OrderBy(a => a.Lot.Numero)
            .Select(a => new { a.Role, a.Lot.Numero, a.Lot.Libelle, Marche = a.Lot.Marche.Numero, Operation = a.Lot.Marche.Operation.Nom })
            .ToListAsync();

        Assert.Equal(2, roles.Count);
        Assert.Equal((RoleAttribution.Attributaire, "Gros œuvre", "2026-001"), (roles[0].Role, roles[0].Libelle, roles[0].Marche));
        Assert.Equal(RoleAttribution.SousTraitant, roles[1].Role);
        Assert.Equal("Rénovation du quartier Sanitas", roles[0].Operation);
    }

    [Fact]
    public async Task Le_lot_d_une_autre_structure_est_invisible()
    {
        var (_, marche) = await MarcheEnregistreAsync();
        var (autre, _) = await MarcheEnregistreAsync();

        await using var db = _base.Pour(autre.StructureId);
        var lotId = marche.Lots[0].Id;
        Assert.Null(await db.Lots.FirstOrDefaultAsync(l => l.Id == lotId));
        Assert.Null(await db.Marches.FirstOrDefaultAsync(m => m.Id == marche.Id));
        Assert.False(await db.ObligationsInsertion.AnyAsync(o => o.LotId == lotId && db.Lots.Any(l => l.Id == o.LotId)));
        Assert.Equal(2, await db.Lots.CountAsync());
    }

    [Fact]
    public async Task Le_numero_de_marche_est_unique_par_donneur_d_ordre()
    {
        var (s, _) = await MarcheEnregistreAsync("2026-001");
        await using var db = _base.Pour(s.StructureId);
        var operation = await db.Operations.SingleAsync();
        var doublon = Marche.Creer(operation, "2026-001", "Construction d'un groupe scolaire", TypeMarche.Ordinaire, null,
            SituationsMarches.Debut, SituationsMarches.Fin, Montant.Euros(10_000), [], s.Reglages, s.Horloge);
        db.Marches.Add(doublon);

        await RefuseAsync("UNIQUE constraint failed: Marches.DonneurOrdreId, Marches.Numero", () => db.SaveChangesAsync());
    }

    [Fact]
    public async Task La_base_refuse_un_montant_nul_ou_negatif()
    {
        var (s, marche) = await MarcheEnregistreAsync();
        await using var db = _base.Pour(s.StructureId);
        await RefuseAsync("CK_Lots_Montant", () => db.Lots.Where(l => l.MarcheId == marche.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.MontantHTCentimes, 0)));
        await RefuseAsync("CK_Marches_Montant", () => db.Marches.ExecuteUpdateAsync(u => u.SetProperty(m => m.MontantHTCentimes, -100)));
        await RefuseAsync("CK_ObligationsInsertion_Montants", () => db.ObligationsInsertion.ExecuteUpdateAsync(u => u.SetProperty(o => o.MontantHTCentimes, 0)));
    }

    [Fact]
    public async Task La_base_refuse_un_taux_au_dela_de_100_pourcent()
    {
        var (s, _) = await MarcheEnregistreAsync();
        await using var db = _base.Pour(s.StructureId);
        await RefuseAsync("CK_ObligationsInsertion_Taux", () => db.ObligationsInsertion.ExecuteUpdateAsync(u => u.SetProperty(o => o.TauxInsertionPdb, 10_001)));
        await RefuseAsync("CK_Lots_PartMainOeuvre", () => db.Lots.ExecuteUpdateAsync(u => u.SetProperty(l => l.PartMainOeuvrePdb, 10_001)));
        await RefuseAsync("CK_Lots_PlafondFormation", () => db.Lots.ExecuteUpdateAsync(u => u.SetProperty(l => l.PlafondFormationPdb, -1)));
        await RefuseAsync("CK_Operations_ObjectifQpv", () => db.Operations.ExecuteUpdateAsync(u => u.SetProperty(o => o.ObjectifPartQpvPdb, 10_001)));
    }

    [Fact]
    public async Task La_base_refuse_des_dates_dans_le_desordre()
    {
        var (s, _) = await MarcheEnregistreAsync();
        await using var db = _base.Pour(s.StructureId);
        var avant = SituationsMarches.Debut.AddDays(-1);
        await RefuseAsync("CK_Lots_Dates", () => db.Lots.ExecuteUpdateAsync(u => u.SetProperty(l => l.FinExecution, avant)));
        await RefuseAsync("CK_Marches_Dates", () => db.Marches.ExecuteUpdateAsync(u => u.SetProperty(m => m.FinExecution, avant)));
        await RefuseAsync("CK_Operations_Dates", () => db.Operations.ExecuteUpdateAsync(u => u.SetProperty(o => o.FinPrevisionnelle, avant)));
    }

    [Fact]
    public async Task La_base_refuse_un_lot_reserve_a_la_fois_aux_siae_et_aux_ea_esat()
    {
        var (s, _) = await MarcheEnregistreAsync();
        await using var db = _base.Pour(s.StructureId);
        await RefuseAsync("CK_Lots_ReserveSiaeOuEaEsat", () => db.Lots.ExecuteUpdateAsync(u =>
            u.SetProperty(l => l.Fondements, Fondement.MarcheReserveSiae | Fondement.MarcheReserveEaEsat)));
        await RefuseAsync("CK_Lots_ReserveSiaeOuEaEsat", () =>
            db.Database.ExecuteSqlRawAsync("UPDATE Lots SET Fondements = 13"));
        // Each reservation alone is fine.
        Assert.Equal(2, await db.Lots.ExecuteUpdateAsync(u => u.SetProperty(l => l.Fondements, Fondement.MarcheReserveSiae)));
    }

    [Fact]
    public async Task La_base_refuse_un_lot_reserve_ess_de_plus_de_trois_ans()
    {
        var (s, _) = await MarcheEnregistreAsync();
        await using var db = _base.Pour(s.StructureId);
        await RefuseAsync("CK_Lots_ReserveEssTroisAns", () => db.Lots.ExecuteUpdateAsync(u =>
            u.SetProperty(l => l.Fondements, Fondement.MarcheReserveEss).SetProperty(l => l.DureeExecutionJours, 1_097)));
    }

    [Fact]
    public async Task La_base_refuse_un_second_attributaire_et_une_version_sans_motif()
    {
        var (s, marche) = await MarcheEnregistreAsync();
        var a = s.UneEntreprise("Bâtiments du Val SARL");
        var b = s.UneEntreprise("Loire Peinture et Décoration");
        var lotId = marche.Lots[0].Id;
        await using var db = _base.Pour(s.StructureId);
        db.Entreprises.AddRange(a, b);
        var lot = await db.Lots.Include(l => l.Attributions).Include(l => l.Obligations).SingleAsync(l => l.Id == lotId);
        lot.Attribuer(a, RoleAttribution.Attributaire, null);
        lot.Attribuer(b, RoleAttribution.CoTraitant, null);
        lot.ModifierObligation(Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(7)), new DateOnly(2026, 3, 1), "Taux porté à 7 % au CCAP", s.Reglages, s.Horloge);
        await db.SaveChangesAsync();

        await RefuseAsync("UNIQUE constraint failed: Attributions.LotId", () =>
            db.Attributions.Where(x => x.EntrepriseId == b.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, RoleAttribution.Attributaire)));
        await RefuseAsync("CK_ObligationsInsertion_Version", () =>
            db.ObligationsInsertion.Where(o => o.Version == 2).ExecuteUpdateAsync(u => u.SetProperty(o => o.Motif, (string?)null)));
        await RefuseAsync("CK_ObligationsInsertion_Methode", () =>
            db.ObligationsInsertion.Where(o => o.Version == 2).ExecuteUpdateAsync(u => u.SetProperty(o => o.TauxInsertionPdb, (int?)null)));
    }

    [Fact]
    public async Task La_base_refuse_des_heures_dues_sur_un_lot_sans_clause_et_un_code_qpv_hors_qpv()
    {
        var (s, _) = await MarcheEnregistreAsync();
        await using var db = _base.Pour(s.StructureId);
        await RefuseAsync("CK_Lots_HeuresDues", () => db.Lots.ExecuteUpdateAsync(u => u.SetProperty(l => l.Fondements, Fondement.Aucun)));
        await RefuseAsync("CK_Operations_CodeQpv", () => db.Operations.ExecuteUpdateAsync(u => u.SetProperty(o => o.EnQpv, false)));
    }

    [Fact]
    public async Task Un_bon_de_commande_de_montant_nul_est_refuse_par_la_base()
    {
        var (s, marche) = await MarcheEnregistreAsync("AC-2026-01", TypeMarche.AccordCadreBonsCommande);
        var lotId = marche.Lots[0].Id;
        await using var db = _base.Pour(s.StructureId);
        var lot = await db.Lots.Include(l => l.BonsCommande).SingleAsync(l => l.Id == lotId);
        lot.AjouterBonCommande("BC-01", new DateOnly(2026, 2, 10), Montant.Euros(100_000), null);
        await db.SaveChangesAsync();

        await RefuseAsync("CK_BonsCommande_Montant", () => db.BonsCommande.ExecuteUpdateAsync(u => u.SetProperty(b => b.MontantHTCentimes, 0)));
    }
}
