using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Structures;
using Clause.Tests.Support;
using Clause.Web.Pages.Entreprises;

namespace Clause.Tests.Web.Marches;

/// <summary>The query behind a company's « Lots de l'entreprise » section, on a real SQLite database.</summary>
public sealed class LotsDeLEntrepriseTests : IDisposable
{
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private async Task<SituationsMarches> StructureAsync()
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using var systeme = _base.Systeme();
        systeme.Structures.Add(structure);
        await systeme.SaveChangesAsync();
        return new SituationsMarches(structure.Id);
    }

    [Fact]
    public async Task Chaque_lot_tenu_par_l_entreprise_est_rendu_avec_son_role_son_marche_et_ses_heures_dues()
    {
        var s = await StructureAsync();
        var marche = s.UnMarche("2026-001", euros: 1_500_000, lots: [SituationsMarches.LotF1("Gros œuvre"), SituationsMarches.LotF1("Peinture", 500_000)]);
        var autreMarche = s.UnMarche("2026-002", lots: SituationsMarches.LotF1("Espaces verts", 1_000_000, 7));
        var val = s.UneEntreprise("Bâtiments du Val SARL");
        var aci = s.UneEntreprise("Chantier école Touraine", TypeEmployeur.ACI);
        marche.Lots[0].Attribuer(val, RoleAttribution.Attributaire, new DateOnly(2026, 1, 20));
        marche.Lots[1].Attribuer(aci, RoleAttribution.Attributaire, null);
        marche.Lots[1].Attribuer(val, RoleAttribution.CoTraitant, null);
        autreMarche.Lots[0].Attribuer(aci, RoleAttribution.Attributaire, null);
        autreMarche.Lots[0].Attribuer(val, RoleAttribution.SousTraitant, new DateOnly(2026, 3, 2));
        await using (var db = _base.Pour(s.StructureId))
        {
            db.Reglages.Add(s.Reglages);
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Operations.Add(s.Operation);
            db.Entreprises.AddRange(val, aci);
            db.Marches.AddRange(marche, autreMarche);
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Pour(s.StructureId);
        var lots = await LotsDeLEntreprise.LireAsync(lecture, val.Id);

        Assert.Equal([("2026-001", 1, RoleAttribution.Attributaire), ("2026-001", 2, RoleAttribution.CoTraitant), ("2026-002", 1, RoleAttribution.SousTraitant)],
            lots.Select(l => (l.NumeroMarche, l.NumeroLot, l.Role)));
        Assert.Equal("Gros œuvre", lots[0].LibelleLot);
        Assert.Equal(Duree.Heures(833), lots[0].HeuresDues);
        // 500 000 € × 50 % × 5 % / 30 € = 416,67 → 417 h ; 1 000 000 € × 50 % × 7 % / 30 € = 1 166,67 → 1 167 h.
        Assert.Equal(Duree.Heures(417), lots[1].HeuresDues);
        Assert.Equal(Duree.Heures(1_167), lots[2].HeuresDues);
        Assert.Equal(new DateOnly(2026, 3, 2), lots[2].DateNotification);
        Assert.All(lots, l => Assert.Equal("Rénovation du quartier Sanitas", l.Operation));
        Assert.All(lots, l => Assert.Equal("Ville de Tours", l.DonneurOrdre));
        Assert.All(lots, l => Assert.Equal(StatutLot.ANotifier, l.StatutLot));
        Assert.Equal(2, (await LotsDeLEntreprise.LireAsync(lecture, aci.Id)).Count);
    }

    [Fact]
    public async Task Une_entreprise_sans_lot_ou_d_une_autre_structure_ne_rend_rien()
    {
        var s = await StructureAsync();
        var marche = s.UnMarche();
        var titulaire = s.UneEntreprise();
        var sansLot = s.UneEntreprise("Menuiserie Chinonaise");
        marche.Lots[0].Attribuer(titulaire, RoleAttribution.Attributaire, null);
        await using (var db = _base.Pour(s.StructureId))
        {
            db.Reglages.Add(s.Reglages);
            db.DonneursOrdre.Add(s.DonneurOrdre);
            db.Operations.Add(s.Operation);
            db.Entreprises.AddRange(titulaire, sansLot);
            db.Marches.Add(marche);
            await db.SaveChangesAsync();
        }
        var autre = await StructureAsync();

        await using (var lecture = _base.Pour(s.StructureId))
            Assert.Empty(await LotsDeLEntreprise.LireAsync(lecture, sansLot.Id));
        await using var ailleurs = _base.Pour(autre.StructureId);
        Assert.Empty(await LotsDeLEntreprise.LireAsync(ailleurs, titulaire.Id));
    }
}
